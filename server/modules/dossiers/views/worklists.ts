// The staff's worklists: the dossiers an officer may see, narrowed to one list, filtered, sorted and
// paged by keyset (the sort key and the dossier id: a page costs the same at the millionth row), and
// counted up to COUNT_LIMIT. The Excel export (worklist-export.ts) reads the same rows.
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import { DOSSIER_STATUSES, type DossierState } from '../../../../common/dossiers/index.ts';
import {
  COUNT_LIMIT,
  defaultSort,
  WORKLISTS,
  type SortDirection,
  type Worklist,
  type WorklistSort,
} from '../../../../common/dossiers/worklists.ts';
import type { WorklistExportQuery } from '../../../../common/contracts/dossiers.ts';
import { foldedWords } from '../../../../common/text/fold.ts';
import { vnDate, vnMidnight } from '../../../../common/time/vn-time.ts';
import { fail } from '../dossiers.errors.ts';
import { watchedCache } from '../../../db/watched-cache.ts';

export type ListFilter = WorklistExportQuery;

/** A page: `after` (a previous page's nextCursor) or else `offset` rows skipped, then `limit` rows. */
export type PageRequest = { limit: number; offset: number; after?: string | undefined };

/**
 * The sort keys. Exactly the expressions of the indexes of migration 20261207020000_worklists (the
 * planner matches an index expression only when the query's is the same): a missing due time sorts last.
 */
const SORT_EXPRESSIONS: Record<WorklistSort, RawBuilder<unknown>> = {
  received: sql`d.submitted_at`,
  due: sql`COALESCE(d.extended_due_at, d.due_at, '9999-12-31 00:00:00+00'::timestamptz)`,
  'step-due': sql`COALESCE(d.step_due_at, '9999-12-31 00:00:00+00'::timestamptz)`,
  code: sql`d.code`,
};

/** The sort key of a row as text that compares like the key (microseconds kept for times). */
function sortKeyText(sort: WorklistSort): RawBuilder<string> {
  if (sort === 'code') return sql<string>`d.code`;
  return sql<string>`to_char(${SORT_EXPRESSIONS[sort]} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

type Cursor = { sort: WorklistSort; dir: SortDirection; key: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.key, c.id]), 'utf8').toString('base64url');
}

const badCursor = () =>
  fail('DOSSIER_LIST_CURSOR_INVALID', {
    details: [{ path: 'querystring/after', message: 'Con trỏ trang không hợp lệ hoặc thuộc thứ tự khác.' }],
  });

/** The cursor of `after`, which must be of this order; else a 400 naming the parameter. */
function decodeCursor(text: string, sort: WorklistSort, dir: SortDirection): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw badCursor();
  const [s, d, key, id] = parsed as unknown[];
  if (s !== sort || d !== dir || typeof key !== 'string' || typeof id !== 'string') throw badCursor();
  if (!/^[0-9]{1,19}$/.test(id) || key.length > 60) throw badCursor();
  if (sort !== 'code' && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/.test(key))
    throw badCursor();
  return { sort, dir, key, id };
}

const CODE_PIECE = /^[0-9A-Za-z.]*-[0-9A-Za-z.-]*$/;

type Grant = Actor['grants'][number];

/**
 * The agencies within reach of some of the actor's grants: below the grant's agency, or in a unit below
 * its unit (the dossier access policy's reach). One small query on the agencies' and units' path
 * indexes, so that the dossier queries compare ids (dossier_agencies' primary key, the worklist
 * indexes) rather than join paths row by row. Read again at most every minute, and at once after this
 * process writes agencies or units (db/watched-cache.ts, ADR 0012): a worklist is asked for often, the
 * organisation changes rarely.
 */
async function agenciesInReach(deps: Deps, grants: readonly Grant[]): Promise<readonly string[]> {
  if (grants.length === 0) return [];
  const key = [...new Set(grants.map((g) => `${g.agencyPath}\u0000${g.unitPath}`))].sort().join('\u0001');
  const found = await reachCache(deps.writes, key, async () => {
    const parts = grants.flatMap((g) => [
      sql`SELECT agency_id FROM agencies WHERE path LIKE ${g.agencyPath + '%'}`,
      sql`SELECT a.agency_id FROM units u JOIN agencies a ON a.unit_id = u.unit_id
        WHERE u.path LIKE ${g.unitPath + '%'} AND u.path <> ${g.unitPath}`,
    ]);
    const r = await sql<{ agency_id: string }>`${sql.join(parts, sql` UNION `)}`.execute(deps.db);
    return { ids: r.rows.map((row) => row.agency_id) };
  });
  return found?.ids ?? [];
}

const reachCache = watchedCache<{ ids: string[] }>(['agencies', 'units'], {
  maxAgeMs: 60_000,
  maxEntries: 5_000,
});

const anyId = (ids: readonly string[]) => sql`ANY(${ids.length > 0 ? ids : ['0']}::bigint[])`;

/**
 * Dossiers the actor may see, narrowed to one worklist. "To receive", "received today" and "at my agency" name agencies
 * the dossier involves (its receiving or current agency, within the actor's reach), so they need no
 * other check of reach: their queries stay on the indexes of the default worklists.
 */
export async function worklistQuery(
  deps: Deps,
  actor: Actor,
  list: Worklist | undefined,
  known?: readonly string[],
) {
  const now = deps.clock.now();
  const needsReach = list !== 'to-receive' && list !== 'agency' && list !== 'received-today';
  const reach = needsReach ? (known ?? (await agenciesInReach(deps, actor.grants))) : [];
  let q = deps.db.selectFrom('dossiers as d');
  if (needsReach)
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM dossier_agencies da WHERE da.dossier_id = d.dossier_id AND da.agency_id = ${anyId(reach)})`,
    );
  const myAgencies = actor.grants.length > 0 ? actor.grants.map((g) => g.agencyId) : ['0'];
  switch (list) {
    case 'to-receive':
      q = q.where('d.status', '=', 'submitted').where('d.receiving_agency_id', 'in', myAgencies);
      break;
    case 'received-today':
      // Received at one of my agencies since midnight in Vietnam (the counter's day).
      q = q
        .where('d.receiving_agency_id', 'in', myAgencies)
        .where('d.received_at', '>=', vnMidnight(vnDate(now)));
      break;
    case 'mine':
      q = q.where('d.assignee_user_id', '=', actor.userId).where('d.closed_at', 'is', null);
      break;
    case 'agency':
      q = q
        .where('d.current_agency_id', 'in', await agencyListAgencies(deps, actor))
        .where('d.closed_at', 'is', null);
      break;
    case 'due-soon':
      q = q
        .where('d.status', 'in', ['received', 'processing'])
        .where('d.due_at', '>=', now)
        .where('d.due_at', '<=', new Date(now.getTime() + 3 * 86_400_000));
      break;
    case 'overdue':
      q = q
        .where('d.status', 'in', ['received', 'processing', 'awaiting-supplement', 'awaiting-payment'])
        .where('d.due_at', '<', now);
      break;
    case 'awaiting-supplement':
      q = q.where('d.status', '=', 'awaiting-supplement');
      break;
    case 'awaiting-applicant':
      // The clock is paused on the applicant: a supplement or a financial obligation.
      q = q.where('d.status', 'in', ['awaiting-supplement', 'awaiting-payment']);
      break;
    case 'result-ready':
      q = q.where('d.status', '=', 'result-ready');
      break;
    default:
      break;
  }
  return q;
}

/** The agencies of the "at my agency" list: mine, and for a leader those below it (within reach). */
async function agencyListAgencies(deps: Deps, actor: Actor): Promise<string[]> {
  const mine = actor.grants.length > 0 ? actor.grants.map((g) => g.agencyId) : ['0'];
  const led = actor.grants.filter((g) => g.role === 'leader');
  return led.length === 0 ? mine : [...new Set([...mine, ...(await agenciesInReach(deps, led))])];
}

/**
 * How many dossiers each worklist holds for the actor (the counters beside the lists); `lists`: only
 * those (the staff's daily summary counts due-soon and overdue).
 */
export async function countWorklists(deps: Deps, actor: Actor, lists: readonly Worklist[] = WORKLISTS) {
  const counts: Record<string, number> = {};
  const reach = await agenciesInReach(deps, actor.grants);
  for (const list of lists) {
    const r = await (
      await worklistQuery(deps, actor, list, reach)
    )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[list] = Number(r.n);
  }
  return counts as Record<Worklist, number>;
}

/** The worklist narrowed by every filter given (FROM and WHERE only). */
async function filteredQuery(deps: Deps, actor: Actor, f: ListFilter) {
  let q = await worklistQuery(deps, actor, f.list);
  if (f.status !== undefined) q = q.where('d.status', '=', f.status);
  if (f.procedureCode !== undefined) q = q.where('d.procedure_code', '=', f.procedureCode);
  if (f.channel !== undefined) q = q.where('d.channel', '=', f.channel);
  if (f.field !== undefined) {
    const field = f.field;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('procedure_versions as fpv')
          .select('fpv.procedure_version_id')
          .whereRef('fpv.procedure_version_id', '=', 'd.procedure_version_id')
          .where('fpv.field_name', '=', field),
      ),
    );
  }
  if (f.agencyCode !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agencies as fa')
          .select('fa.agency_id')
          .where('fa.code', '=', f.agencyCode!)
          .where((e2) =>
            e2.or([
              e2('fa.agency_id', '=', e2.ref('d.current_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.receiving_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.competent_agency_id')),
            ]),
          ),
      ),
    );
  }
  if (f.underAgency !== undefined) {
    const under = await deps.db
      .selectFrom('agencies')
      .select('path')
      .where('code', '=', f.underAgency)
      .executeTakeFirst();
    if (!under)
      throw fail('DOSSIER_LIST_AGENCY_UNKNOWN', {
        params: { code: f.underAgency },
        details: [{ path: 'querystring/underAgency', message: `Không có cơ quan mã ${f.underAgency}.` }],
      });
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM agencies ua WHERE ua.agency_id = d.current_agency_id AND ua.path LIKE ${under.path + '%'})`,
    );
  }
  if (f.q !== undefined) {
    for (const token of f.q.trim().split(/\s+/)) {
      // A piece of a dossier code (it has a dash: 000.12.22.H26-261120-0001): the code only.
      if (CODE_PIECE.test(token)) {
        q = q.where(sql<boolean>`lower(d.code) LIKE ${'%' + token.toLowerCase() + '%'}`);
        continue;
      }
      // A word with a digit may be part of a code or an ID number; a name's words, of the name only
      // (one trigram index serves them).
      for (const w of foldedWords(token))
        q = q.where(
          /[0-9]/.test(w)
            ? sql<boolean>`(d.applicant_search LIKE ${'%' + w + '%'} OR lower(d.code) LIKE ${'%' + w + '%'})`
            : sql<boolean>`d.applicant_search LIKE ${'%' + w + '%'}`,
        );
    }
  }
  if (f.from !== undefined) q = q.where('d.submitted_at', '>=', vnMidnight(f.from));
  if (f.to !== undefined)
    q = q.where('d.submitted_at', '<', new Date(vnMidnight(f.to).getTime() + 86_400_000));
  return q;
}

type FilteredQuery = Awaited<ReturnType<typeof filteredQuery>>;

export type WorklistRow = {
  code: string;
  status: string;
  statusLabel: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string | null;
  channel: string;
  applicantName: string;
  applicantIdNumber: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  extendedDueAt: string | null;
  stepDueAt: string | null;
  currentStep: { index: number; name: string };
  handler: { name: string } | null;
  currentAgency: { code: string; name: string };
  version: number;
};

/** Rows of the filtered worklist in its order, one page; `more` when rows follow it. */
export async function worklistRows(
  deps: Deps,
  actor: Actor,
  f: ListFilter,
  page: PageRequest & {
    /** The list's filters as the caller has already resolved them (listDossiers). */
    filtered?: FilteredQuery;
    /** Count the matches in the same statement (`matched`), for a first page without a cursor. */
    countAlong?: boolean;
  },
): Promise<{ rows: WorklistRow[]; more: boolean; nextCursor: string | null; matched: number | null }> {
  const { filtered } = page;
  const sort = f.sort ?? defaultSort(f.list);
  const dir = f.dir ?? 'asc';
  const cursor = page.after !== undefined ? decodeCursor(page.after, sort, dir) : null;
  const expr = SORT_EXPRESSIONS[sort];
  // The page's ids first (only the sort key and the id are read per candidate row, from the index
  // where one serves), then the rows' columns for those ids: the large JSON columns are read for the
  // page's rows only.
  // A first page that must read every match anyway (a search: no index gives its matches in order)
  // counts them in the same statement, rather than finding them again to count them.
  const countAlong = page.countAlong === true && cursor === null;
  let core = (filtered ?? (await filteredQuery(deps, actor, f))).select([
    'd.dossier_id',
    expr.as('sort_value'),
    (countAlong ? sql<string | null>`count(*) OVER ()` : sql<string | null>`NULL::bigint`).as('matched'),
  ]);
  if (cursor) {
    const key = sort === 'code' ? sql`${cursor.key}::text` : sql`${cursor.key}::timestamptz`;
    core = core.where(
      dir === 'asc'
        ? sql<boolean>`(${expr}, d.dossier_id) > (${key}, ${cursor.id}::bigint)`
        : sql<boolean>`(${expr}, d.dossier_id) < (${key}, ${cursor.id}::bigint)`,
    );
  }
  const ordered = core.orderBy(expr, dir).orderBy('d.dossier_id', dir);
  const skip = cursor ? 0 : page.offset;
  const direct = ordered
    .offset(skip)
    .limit(page.limit + 1)
    .as('p');
  // A leader's list spans many agencies: the first rows of each by the index of open dossiers per
  // agency in due order, merged (one short index scan per agency), instead of every open dossier of
  // them all read and sorted. The list's own condition on the agencies stays (it holds anyway).
  const spread =
    f.list === 'agency' && sort === 'due' && f.q === undefined ? await agencyListAgencies(deps, actor) : [];
  // Typed as the direct page: the same two columns, for the same FROM.
  const paged =
    spread.length > 1
      ? (sql`(SELECT x.dossier_id, x.sort_value, x.matched
          FROM unnest(${spread}::bigint[]) AS a(agency_id)
          CROSS JOIN LATERAL (${ordered
            .where(sql<boolean>`d.current_agency_id = a.agency_id`)
            .limit(skip + page.limit + 1)}) AS x
          ORDER BY x.sort_value ${sql.raw(dir)}, x.dossier_id ${sql.raw(dir)}
          OFFSET ${skip} LIMIT ${page.limit + 1})`.as('p') as unknown as typeof direct)
      : direct;
  const found = await deps.db
    .selectFrom(paged)
    .innerJoin('dossiers as d', 'd.dossier_id', 'p.dossier_id')
    .innerJoin('procedure_versions as pv', 'pv.procedure_version_id', 'd.procedure_version_id')
    .innerJoin('agencies as ca', 'ca.agency_id', 'd.current_agency_id')
    .leftJoin('users as hu', 'hu.user_id', 'd.assignee_user_id')
    .select([
      'd.dossier_id',
      'd.code',
      'd.status',
      'd.procedure_code',
      'd.channel',
      sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
      sql<string | null>`d.applicant->>'idNumber'`.as('applicant_id_number'),
      'd.submitted_at',
      'd.received_at',
      'd.due_at',
      'd.extended_due_at',
      'd.step_due_at',
      'd.version',
      sql<string>`d.workflow->'steps'->((d.state->'step'->>'index')::int)->>'name'`.as('step_name'),
      sql<number>`(d.state->'step'->>'index')::int`.as('step_index'),
      sortKeyText(sort).as('sort_key'),
      'pv.name as procedure_name',
      'pv.field_name',
      'ca.code as agency_code',
      'ca.name as agency_name',
      'hu.full_name as handler_name',
      'p.matched',
    ])
    .orderBy('p.sort_value', dir)
    .orderBy('p.dossier_id', dir)
    .execute();
  const more = found.length > page.limit;
  const rows = more ? found.slice(0, page.limit) : found;
  const last = rows[rows.length - 1];
  const first = found[0];
  return {
    more,
    // Counted along: known when a row came back (a page past the end says nothing of the count).
    matched: countAlong && first && first.matched !== null ? Number(first.matched) : null,
    nextCursor: more && last ? encodeCursor({ sort, dir, key: last.sort_key, id: last.dossier_id }) : null,
    rows: rows.map((r) => {
      return {
        code: r.code,
        status: r.status,
        statusLabel: DOSSIER_STATUSES[r.status as DossierState['status']].label,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        fieldName: r.field_name,
        channel: r.channel,
        applicantName: r.applicant_name ?? '',
        applicantIdNumber: r.applicant_id_number ?? '',
        submittedAt: isoOrNull(r.submitted_at)!,
        receivedAt: isoOrNull(r.received_at),
        dueAt: isoOrNull(r.due_at),
        extendedDueAt: isoOrNull(r.extended_due_at),
        stepDueAt: isoOrNull(r.step_due_at),
        currentStep: { index: r.step_index, name: r.step_name },
        handler: r.handler_name ? { name: r.handler_name } : null,
        currentAgency: { code: r.agency_code, name: r.agency_name },
        version: r.version,
      };
    }),
  };
}

/** How many rows the filtered worklist holds, counted up to `limit` (then `exact` is false). */
export async function countFiltered(
  deps: Deps,
  actor: Actor,
  f: ListFilter,
  { limit, filtered }: { limit: number; filtered?: FilteredQuery },
): Promise<{ total: number; exact: boolean }> {
  const capped = (filtered ?? (await filteredQuery(deps, actor, f)))
    .select(sql`1`.as('one'))
    .limit(limit + 1);
  const r = await deps.db
    .selectFrom(capped.as('c'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return cappedCount(n, limit);
}

/** A count as the list reports it: at most `limit`, `exact` when it is not more. */
const cappedCount = (n: number, limit: number) =>
  n > limit ? { total: limit, exact: false } : { total: n, exact: true };

export async function listDossiers(deps: Deps, actor: Actor, f: ListFilter & PageRequest) {
  const { limit, offset, after, ...filter } = f;
  // The list's filters are resolved once (the reach, an agency named) for the page and its count.
  const filtered = await filteredQuery(deps, actor, filter);
  const countAlong = filter.q !== undefined && after === undefined;
  const [page, count] = await Promise.all([
    worklistRows(deps, actor, filter, { limit, offset, after, filtered, countAlong }),
    countAlong ? null : countFiltered(deps, actor, filter, { limit: COUNT_LIMIT, filtered }),
  ]);
  const total =
    count ??
    (page.matched !== null
      ? cappedCount(page.matched, COUNT_LIMIT)
      : await countFiltered(deps, actor, filter, { limit: COUNT_LIMIT, filtered }));
  return {
    items: page.rows.map(({ applicantIdNumber: _id, ...item }) => item),
    total: total.total,
    totalExact: total.exact,
    nextCursor: page.nextCursor,
  };
}
