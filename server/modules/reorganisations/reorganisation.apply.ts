// Applying a reorganisation in one transaction: units formed and ended with their successions,
// agencies opened, and each closed agency's work handed over (bàn giao) to its successor — open
// dossiers keep their codes, due times and history and carry the successor from now on; staff
// grants, procedures, agency workflows and desks move. One audit entry and one hand-over record per
// closed agency; any failure rolls everything back.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { deskName } from '../../../common/org/names.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import type { Moved, ReorganisationPlan } from '../../../common/contracts/reorganisations.ts';
import { countMoves, resolvePlan, sumMoves, type ResolvedPlan } from './reorganisation.plan.ts';
import { fail } from './reorganisations.errors.ts';
import { vnDate } from '../../../common/time/vn-time.ts';

const REORGANISATION_LOCK = 7_357_016;

type Trx = Transaction<DB>;

async function formUnits(trx: Trx, r: ResolvedPlan): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const on = r.plan.effectiveOn;
  if (r.endedUnits.length > 0) {
    await trx
      .updateTable('units')
      .set({ valid_to: r.dayBefore })
      .where(
        'unit_id',
        'in',
        r.endedUnits.map((e) => e.unit.unit_id!),
      )
      .execute();
  }
  // Parents first: a plan may form a unit under another it forms.
  for (const u of [...r.newUnits].sort((a, b) => a.level - b.level)) {
    const parentId = u.parent.unit_id ?? ids.get(u.parent.code)!;
    const row = await trx
      .insertInto('units')
      .values({
        code: u.code,
        name: u.name,
        type: u.type,
        level: u.level,
        parent_id: parentId,
        path: u.path,
        search_text: `${foldVietnamese(u.name)} ${u.code}`,
        valid_from: on,
      })
      .returning('unit_id')
      .executeTakeFirstOrThrow();
    ids.set(u.code, row.unit_id);
  }
  const links = r.endedUnits.flatMap((e) =>
    e.successors.map((s) => ({
      predecessor_id: e.unit.unit_id!,
      successor_id: s.unit.unit_id ?? ids.get(s.unit.code)!,
      extent: s.extent,
      effective_on: on,
    })),
  );
  if (links.length > 0) await trx.insertInto('unit_successions').values(links).execute();
  return ids;
}

async function openAgencies(
  trx: Trx,
  r: ResolvedPlan,
  unitIds: Map<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of r.newAgencies) {
    const parent =
      a.parentCode === null
        ? null
        : ids.has(a.parentCode)
          ? { agency_id: ids.get(a.parentCode)!, path: (await pathOf(trx, ids.get(a.parentCode)!))! }
          : await trx
              .selectFrom('agencies')
              .select(['agency_id', 'path'])
              .where('code', '=', a.parentCode)
              .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('agencies')
      .values({
        code: a.code,
        name: a.name,
        kind: a.kind,
        unit_id: a.unit.unit_id ?? unitIds.get(a.unit.code)!,
        parent_agency_id: parent?.agency_id ?? null,
        path: '/',
        search_text: `${foldVietnamese(a.name)} ${a.code}`,
        valid_from: r.plan.effectiveOn,
      })
      .returning('agency_id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('agencies')
      .set({ path: `${parent?.path ?? '/'}${row.agency_id}/` })
      .where('agency_id', '=', row.agency_id)
      .execute();
    if (a.hasDesk)
      await trx
        .insertInto('desks')
        .values({ agency_id: row.agency_id, name: deskName(a.name) })
        .execute();
    ids.set(a.code, row.agency_id);
  }
  return ids;
}

async function pathOf(trx: Trx, agencyId: string): Promise<string | undefined> {
  return (
    await trx.selectFrom('agencies').select('path').where('agency_id', '=', agencyId).executeTakeFirst()
  )?.path;
}

/** The hand-overs as set statements over a mapping table: a few statements whatever the number of dossiers. */
async function handOver(
  trx: Trx,
  map: { from_id: string; from_code: string; to_id: string; to_code: string }[],
  at: Date,
): Promise<number> {
  await sql`CREATE TEMP TABLE reorganisation_map (from_id bigint PRIMARY KEY, from_code text NOT NULL, to_id bigint NOT NULL, to_code text NOT NULL) ON COMMIT DROP`.execute(
    trx,
  );
  await sql`INSERT INTO reorganisation_map SELECT * FROM json_to_recordset(${JSON.stringify(map)}::json)
    AS x(from_id bigint, from_code text, to_id bigint, to_code text)`.execute(trx);
  await sql`ANALYZE reorganisation_map`.execute(trx);
  const moved = await sql<{ dossier_id: string }>`
    UPDATE dossiers d SET
      receiving_agency_id = coalesce((SELECT to_id FROM reorganisation_map WHERE from_id = d.receiving_agency_id), d.receiving_agency_id),
      competent_agency_id = coalesce((SELECT to_id FROM reorganisation_map WHERE from_id = d.competent_agency_id), d.competent_agency_id),
      current_agency_id = coalesce((SELECT to_id FROM reorganisation_map WHERE from_id = d.current_agency_id), d.current_agency_id),
      step_agencies = (
        SELECT coalesce(jsonb_agg(CASE WHEN m.to_id IS NULL THEN x.e
            ELSE x.e || jsonb_build_object('agencyId', m.to_id::text, 'agencyCode', m.to_code) END ORDER BY x.o), '[]'::jsonb)
          FROM jsonb_array_elements(d.step_agencies) WITH ORDINALITY AS x(e, o)
          LEFT JOIN reorganisation_map m ON m.from_id = (x.e->>'agencyId')::bigint),
      updated_at = ${at}
    WHERE d.closed_at IS NULL AND (
      d.receiving_agency_id IN (SELECT from_id FROM reorganisation_map)
      OR d.competent_agency_id IN (SELECT from_id FROM reorganisation_map)
      OR d.current_agency_id IN (SELECT from_id FROM reorganisation_map))
    RETURNING d.dossier_id`.execute(trx);
  // The successor joins the dossiers' agencies (who may see them); the closed agency stays in their history.
  await sql`INSERT INTO dossier_agencies (dossier_id, agency_id)
    SELECT da.dossier_id, m.to_id FROM dossier_agencies da
      JOIN reorganisation_map m ON m.from_id = da.agency_id
      JOIN dossiers d ON d.dossier_id = da.dossier_id AND d.closed_at IS NULL
    ON CONFLICT DO NOTHING`.execute(trx);
  await sql`UPDATE portal_sync_state s SET agency_id = m.to_id
    FROM reorganisation_map m, dossiers d
    WHERE s.agency_id = m.from_id AND d.code = s.dossier_code AND d.closed_at IS NULL`.execute(trx);
  await sql`INSERT INTO user_roles (user_id, role, agency_id)
    SELECT r.user_id, r.role, m.to_id FROM user_roles r JOIN reorganisation_map m ON m.from_id = r.agency_id
    ON CONFLICT DO NOTHING`.execute(trx);
  await sql`DELETE FROM user_roles r USING reorganisation_map m WHERE r.agency_id = m.from_id`.execute(trx);
  await sql`INSERT INTO procedure_offerings (procedure_id, agency_id, created_at)
    SELECT o.procedure_id, m.to_id, ${at} FROM procedure_offerings o JOIN reorganisation_map m ON m.from_id = o.agency_id
    ON CONFLICT DO NOTHING`.execute(trx);
  await sql`DELETE FROM procedure_offerings o USING reorganisation_map m WHERE o.agency_id = m.from_id`.execute(
    trx,
  );
  // An agency's own workflow moves where the successor has none for that version and channel; of two
  // closed agencies' workflows for the same, the older one.
  await sql`UPDATE workflows w SET agency_id = m.to_id FROM reorganisation_map m
    WHERE w.agency_id = m.from_id
      AND w.workflow_id IN (
        SELECT DISTINCT ON (m2.to_id, w2.procedure_version_id, w2.channel) w2.workflow_id
          FROM workflows w2 JOIN reorganisation_map m2 ON m2.from_id = w2.agency_id
          ORDER BY m2.to_id, w2.procedure_version_id, w2.channel, w2.workflow_id)
      AND NOT EXISTS (SELECT 1 FROM workflows t WHERE t.agency_id = m.to_id
        AND t.procedure_version_id = w.procedure_version_id AND t.channel = w.channel)`.execute(trx);
  // A closed agency's desk stays where it is, as a receiving point of the successor, named with the
  // closed agency's code (a former and a new ward may share a name: Phường Giảng Võ).
  await sql`UPDATE desks k SET agency_id = m.to_id, name = left(k.name, 280) || ' (' || m.from_code || ')'
    FROM reorganisation_map m WHERE k.agency_id = m.from_id`.execute(trx);
  return moved.rows.length;
}

export type AppliedReorganisation = { reorganisationId: string; totals: Moved };

export async function applyReorganisation(
  deps: Deps,
  actor: Actor,
  input: { plan: ReorganisationPlan; requestId: string },
): Promise<AppliedReorganisation> {
  const at = deps.clock.now();
  // Applied on or after the day it takes effect: until then the agencies it closes still work.
  if (input.plan.effectiveOn > vnDate(at)) {
    throw fail('REORGANISATION_INVALID', {
      details: [
        {
          path: 'body/effectiveOn',
          message: `Đợt sắp xếp có hiệu lực từ ngày ${input.plan.effectiveOn}; hãy thực hiện từ ngày đó (xem trước được ngay).`,
        },
      ],
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${REORGANISATION_LOCK})`.execute(trx);
    const r = await resolvePlan(trx, actor, input.plan);
    const moves = await countMoves(
      trx,
      r.handovers.map((h) => h.from.agency_id),
    );
    const unitIds = await formUnits(trx, r);
    const agencyIds = await openAgencies(trx, r, unitIds);
    const map = r.handovers.map((h) => ({
      from_id: h.from.agency_id,
      from_code: h.from.code,
      to_id: h.to.agency_id ?? agencyIds.get(h.to.code)!,
      to_code: h.to.code,
    }));
    await trx
      .updateTable('agencies')
      .set({ valid_to: r.dayBefore })
      .where(
        'agency_id',
        'in',
        map.map((m) => m.from_id),
      )
      .execute();
    const openDossiers = await handOver(trx, map, at);
    const totals = { ...sumMoves(moves.values()), openDossiers };
    const reorganisation = await trx
      .insertInto('reorganisations')
      .values({
        name: input.plan.name,
        basis: input.plan.basis,
        effective_on: input.plan.effectiveOn,
        plan: JSON.stringify(input.plan),
        summary: JSON.stringify(totals),
        applied_at: at,
        applied_by: actor.userId,
      })
      .returning('reorganisation_id')
      .executeTakeFirstOrThrow();
    const id = reorganisation.reorganisation_id;
    await trx
      .insertInto('agency_successions')
      .values(
        map.map((m) => ({
          predecessor_id: m.from_id,
          successor_id: m.to_id,
          effective_on: input.plan.effectiveOn,
          reorganisation_id: id,
        })),
      )
      .execute();
    await trx
      .insertInto('reorganisation_handovers')
      .values(
        map.map((m) => ({
          reorganisation_id: id,
          from_agency_id: m.from_id,
          to_agency_id: m.to_id,
          open_dossiers: moves.get(m.from_id)!.openDossiers,
        })),
      )
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'reorganisation.apply',
        entityType: 'reorganisation',
        entityId: id,
        details: {
          name: input.plan.name,
          basis: input.plan.basis,
          effectiveOn: input.plan.effectiveOn,
          handovers: r.handovers.map((h) => ({ from: h.from.code, to: h.to.code })),
          newUnits: r.newUnits.map((u) => u.code),
          endedUnits: r.endedUnits.map((e) => e.unit.code),
          newAgencies: r.newAgencies.map((a) => a.code),
          totals,
        },
        requestId: input.requestId,
      },
      at,
    );
    return { reorganisationId: id, totals };
  });
}
