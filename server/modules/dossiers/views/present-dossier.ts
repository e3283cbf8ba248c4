// Reading one dossier: its row, history, agencies, procedure and working time, shown to staff or to
// its applicant (applicant-view.ts).
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Caller } from '../../../platform/actor.ts';
import {
  agencyRows,
  loadRow,
  procedureVersion,
  unitPathNameCached,
  type DossierRow,
  type Executor,
} from '../dossier.repository.ts';
import { getVisibleDossier } from '../dossier-access.policy.ts';
import { workingTimeOnce, type WorkingTime } from '../dossier-deadlines.ts';
import {
  applicantView,
  audienceOf,
  type ActionFacts,
  type ApplicantDossierView,
  type Audience,
} from './applicant-view.ts';
import {
  addressOf,
  dossierView,
  viewNeedsWorkingTime,
  type DossierView,
  type StaffNames,
} from './dossier-view.ts';
import type { DossierState } from '../../../../common/dossiers/index.ts';
import { vnDate } from '../../../../common/time/vn-time.ts';

export type DossierReadView = DossierView | ApplicantDossierView;

/** Reads a dossier and what its view shows (agencies, procedure, history, working time) for `audience`. */
export async function presentDossier(
  deps: Deps,
  db: Executor,
  what: {
    code: string;
    audience: Audience;
    /** The working time the caller has already read, if it has. */
    workingTime?: ((db: Executor) => Promise<WorkingTime>) | undefined;
    /** The dossier's row as the caller has just read it with `db`, if it has. */
    row?: DossierRow | undefined;
  },
): Promise<DossierReadView> {
  const { code, audience, workingTime } = what;
  const row = what.row ?? (await loadRow(db, code))!;
  const state = row.state;
  const history = await db
    .selectFrom('dossier_actions')
    .select([
      'version',
      'kind',
      'actor_kind',
      'actor_user_id',
      'actor_label',
      'actor_roles',
      'agency_id',
      'at',
      'from_status',
      'to_status',
      'from_step',
      'to_step',
      'note',
      sql<string | null>`record -> 'input' ->> 'reason'`.as('reason'),
    ])
    .where('dossier_id', '=', row.dossier_id)
    .orderBy('version')
    .execute();
  const agencies = await agencyRows(db, [
    ...new Set([
      row.receiving_agency_id,
      row.competent_agency_id,
      row.current_agency_id,
      ...row.step_agencies.map((s) => s.agencyId),
      ...history.flatMap((h) => (h.agency_id === null ? [] : [h.agency_id])),
    ]),
  ]);
  const { procedure, version } = await procedureVersion(deps, row.procedure_version_id, db);
  const people = await staffNames(db, state, history);
  const addressUnitPath = await unitPathNameCached(
    db,
    deps.writes,
    addressOf(row.applicant, null)?.unitCode,
    vnDate(new Date(row.submitted_at)),
  );
  const actions: ActionFacts[] = history.map((h) => {
    const agency = h.agency_id === null ? undefined : agencies.get(h.agency_id);
    return {
      entry: {
        version: h.version,
        action: h.kind,
        by: h.actor_label,
        name: (h.actor_user_id === null ? undefined : people.names.get(h.actor_user_id)) ?? h.actor_label,
        roles: h.actor_roles,
        at: new Date(h.at).toISOString(),
        from: h.from_status,
        to: h.to_status,
        fromStep: h.from_step,
        toStep: h.to_step,
        note: h.note,
      },
      actorKind: h.actor_kind,
      agency: agency ? { code: agency.code, name: agency.name } : null,
      reason: h.reason,
    };
  });
  const view = dossierView({
    row,
    state,
    agencies,
    procedure: { code: procedure.code, name: procedure.name, version },
    history: actions.map((a) => a.entry),
    legacy: audience === 'applicant' ? null : await legacyOf(db, row.dossier_id),
    workingTime: viewNeedsWorkingTime(row, state)
      ? await (workingTime ?? workingTimeOnce(deps, row.competent_agency_id))(db)
      : null,
    now: deps.clock.now(),
    people,
    addressUnitPath,
  });
  return audience === 'applicant' ? applicantView(view, actions, await signedResultTokens(db, row)) : view;
}

/**
 * The public verification token of each result file the approval recorded as signed by the deciding
 * agency (dossiers.signed_result_files; signed_documents binds it to this dossier and its number).
 */
async function signedResultTokens(db: Executor, row: DossierRow): Promise<Map<string, string>> {
  if (row.signed_result_files.length === 0) return new Map();
  const rows = await db
    .selectFrom('signed_documents')
    .select(['file_id', 'token'])
    .where('dossier_id', '=', row.dossier_id)
    .where('kind', '=', 'result')
    .where('result_number', 'is not', null)
    .where('file_id', 'in', row.signed_result_files)
    .execute();
  return new Map(rows.map((r) => [r.file_id, r.token]));
}

/**
 * The staff members a dossier's view names: whoever acted on it and whoever a step was assigned to, by
 * their full names, and the last officer who acted at each step (a step's handler when nobody was
 * assigned to it, as at the desk).
 */
async function staffNames(
  db: Executor,
  state: DossierState,
  history: readonly { actor_user_id: string | null; from_step: number }[],
): Promise<StaffNames> {
  const actedAt = new Map<number, string>();
  for (const h of history) if (h.actor_user_id !== null) actedAt.set(h.from_step, h.actor_user_id);
  const ids = new Set<string>(actedAt.values());
  for (const h of history) if (h.actor_user_id !== null) ids.add(h.actor_user_id);
  for (const id of [state.step.assigneeId, ...Object.values(state.stepAssignees)])
    if (id !== null && /^[0-9]+$/.test(id)) ids.add(id);
  const names = new Map<string, string>();
  if (ids.size > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['user_id', 'full_name'])
      .where('user_id', 'in', [...ids])
      .execute();
    for (const u of rows) names.set(u.user_id, u.full_name);
  }
  return { names, actedAt };
}

/** The dossier as the caller may read it (the applicant's view for its citizen). */
export async function getDossier(deps: Deps, caller: Caller, code: string): Promise<DossierReadView> {
  const row = await getVisibleDossier(deps.db, caller, code);
  return presentDossier(deps, deps.db, { code, audience: audienceOf(caller), row });
}

/** An imported dossier's legacy part (imports module, dossier_imports); null for one never imported. */
async function legacyOf(db: Executor, dossierId: string): Promise<DossierView['legacy']> {
  const found = await db
    .selectFrom('dossier_imports')
    .select(['source', 'imported_at', 'read_only', 'history'])
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  if (found === undefined) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    source: found.source,
    importedAt: new Date(found.imported_at).toISOString(),
    readOnly: found.read_only,
    history: found.history.map((e) => ({
      at: text(e.at),
      by: text(e.by),
      title: text(e.title),
      department: text(e.department),
      content: text(e.content),
      statusCode: typeof e.statusCode === 'number' ? e.statusCode : 0,
    })),
  };
}
