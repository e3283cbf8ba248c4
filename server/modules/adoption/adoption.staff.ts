// The staff activity the adoption monitor shows per agency: the active accounts holding a role there
// (user_roles), how many of them signed in during the period and how often (the audit trail's
// auth.login entries, auth.service.ts, read through audit_log_sign_ins_idx), and the dossier actions
// they took (dossier_actions_actor_at_idx). A person with roles at two agencies counts at both.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';

export type StaffActivity = { total: number; signedIn: number; signIns: number; actions: number };

export async function loadStaffActivity(
  deps: Deps,
  input: { agencyIds: string[]; from: Date; to: Date },
): Promise<Map<string, StaffActivity>> {
  if (input.agencyIds.length === 0) return new Map();
  const [from, to] = [input.from.toISOString(), input.to.toISOString()];
  const { rows } = await sql<{
    agency_id: string;
    total: string;
    signed_in: string;
    sign_ins: string;
    actions: string;
  }>`
    WITH staff AS (
      SELECT DISTINCT r.agency_id, r.user_id
      FROM user_roles r JOIN users p ON p.user_id = r.user_id AND p.active
      WHERE r.agency_id IN (${sql.join(input.agencyIds)})
    ), people AS (
      SELECT DISTINCT user_id FROM staff
    ), sign_ins AS (
      SELECT l.actor_user_id AS user_id, count(*) AS n
      FROM people s JOIN audit_log l ON l.actor_user_id = s.user_id
      WHERE l.action = 'auth.login' AND l.at >= ${from}::timestamptz AND l.at < ${to}::timestamptz
      GROUP BY l.actor_user_id
    ), acts AS (
      SELECT x.actor_user_id AS user_id, count(*) AS n
      FROM people s JOIN dossier_actions x ON x.actor_user_id = s.user_id
      WHERE x.at >= ${from}::timestamptz AND x.at < ${to}::timestamptz
      GROUP BY x.actor_user_id
    )
    SELECT s.agency_id, count(*) AS total, count(g.user_id) AS signed_in,
      coalesce(sum(g.n), 0) AS sign_ins, coalesce(sum(c.n), 0) AS actions
    FROM staff s
    LEFT JOIN sign_ins g ON g.user_id = s.user_id
    LEFT JOIN acts c ON c.user_id = s.user_id
    GROUP BY s.agency_id`.execute(deps.db);
  return new Map(
    rows.map((r) => [
      r.agency_id,
      {
        total: Number(r.total),
        signedIn: Number(r.signed_in),
        signIns: Number(r.sign_ins),
        actions: Number(r.actions),
      },
    ]),
  );
}
