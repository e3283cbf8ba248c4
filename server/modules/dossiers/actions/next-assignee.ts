// Receiving and handing on in one act (tiếp nhận và chuyển xử lý): the desk officer names the next
// step's handler when accepting, at the counter (desk intake) or for an online dossier (the `accept`
// action's `nextAssigneeId`). The server records it as the two acts it is, `accept` then `forward`
// with that handler, in one transaction, so history, slips and replays read as if they had happened one
// after the other. The handler must be an active account holding the next step's role at the agency
// performing the next step, or at an agency of the same administrative unit it is part of (a
// district's people's committee for its offices; not a district for the wards below it) (docs/domain/intake.md, "Receive and assign"). The same rule holds for `assign` and for
// `forward` naming the next handler, one by one or in bulk (actions.service.ts).
import { sql } from 'kysely';
import type { ErrorDetail } from '../../../platform/errors.ts';
import { ROLE_LABELS, type Role } from '../../../../common/auth/roles.ts';
import type { DossierState } from '../../../../common/dossiers/index.ts';
import type { Executor } from '../dossier.repository.ts';

/** The step a dossier received at the desk is handed to, when it takes a named handler; else null. */
export function handOffStep(
  workflow: DossierState['workflow'],
  stepIndex = 0,
): { index: number; key: string; name: string; role: string } | null {
  const next = stepIndex + 1;
  const step = workflow.steps[next];
  // The last step returns the result at the desk, pooled among its officers (as forward's inputs say).
  if (!step || next >= workflow.steps.length - 1 || step.role === 'desk-officer') return null;
  return { index: next, key: step.key, name: step.name, role: step.role };
}

export type Candidate = { id: string; fullName: string; username: string };

/** The agency a step is performed at, as the rule for its handlers reads it. */
export type StepAgency = { agency_id: string; name: string; path: string; unit_id: string };

/**
 * Holders of `role` at the step's agency or at an agency of its unit it is part of (their agency's path
 * a prefix of its path, in the same unit).
 */
function holdersAt(db: Executor, agency: StepAgency, role: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.user_id')
    .innerJoin('agencies as ga', 'ga.agency_id', 'r.agency_id')
    .where('r.role', '=', role)
    .where('u.active', '=', true)
    .where('ga.unit_id', '=', agency.unit_id)
    .where(sql<boolean>`starts_with(${agency.path}, ga.path)`);
}

/** The active holders of `role` for the step's agency, by name: whom the next step may be handed to. */
export async function stepCandidates(db: Executor, agency: StepAgency, role: string): Promise<Candidate[]> {
  const rows = await holdersAt(db, agency, role)
    .select(['u.user_id', 'u.full_name', 'u.username'])
    .distinct()
    .orderBy('u.full_name')
    .orderBy('u.username')
    .orderBy('u.user_id')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: String(r.user_id), fullName: r.full_name, username: r.username }));
}

/**
 * Why `userId` cannot take the step at the agency (named by `path`), or null when they can: an active
 * account holding the step's role there or at an agency of its unit it is part of.
 */
export async function assigneeProblem(
  db: Executor,
  a: {
    userId: string;
    path: string;
    step: { name: string; role: string } | null;
    agency: StepAgency | undefined;
  },
): Promise<ErrorDetail | null> {
  if (a.step === null || a.agency === undefined)
    return {
      path: a.path,
      message: 'Bước tiếp theo của quy trình không phân công người xử lý: hồ sơ ở lại bộ phận một cửa.',
    };
  const role = ROLE_LABELS[a.step.role as Role]?.toLowerCase() ?? a.step.role;
  const problem = {
    path: a.path,
    message: `Người được chọn không phải ${role} đang làm việc tại ${a.agency.name}: không nhận được bước “${a.step.name}”.`,
  };
  if (!/^[0-9]{1,18}$/.test(a.userId)) return problem;
  const held = await holdersAt(db, a.agency, a.step.role)
    .select(sql<number>`1`.as('one'))
    .where('u.user_id', '=', a.userId)
    .executeTakeFirst();
  return held ? null : problem;
}
