// A dossier's rows: the dossier itself, the agencies it names, the procedure version it was received
// under. Every function takes the executor (db or trx) so that reads compose with transactions.
import { watchedCache } from '../../db/watched-cache.ts';
import type { WriteWatch } from '../../db/write-watch.ts';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { attachableFiles, type FileUser } from '../files/index.ts';

export type Executor = Database | Transaction<DB>;

export type AgencyRow = Pick<
  Selectable<DB['agencies']>,
  'agency_id' | 'code' | 'name' | 'unit_id' | 'path'
> & {
  unit_code: string;
  unit_path: string;
};

export function selectAgencyRows(db: Executor) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.unit_id',
      'u.code as unit_code',
      'a.path',
      'u.path as unit_path',
    ]);
}

export async function agencyRows(db: Executor, ids: string[]): Promise<Map<string, AgencyRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectAgencyRows(db).where('a.agency_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.agency_id, r]));
}

export async function agencyRowsByCode(db: Executor, codes: string[]): Promise<Map<string, AgencyRow>> {
  if (codes.length === 0) return new Map();
  const rows = await selectAgencyRows(db).where('a.code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.agency_id, r]));
}

/**
 * Unit paths named, read within the last minute (db/watched-cache.ts): units are reference data that
 * only the seed and the org module's reorganisations write, and a write here ends them at once.
 */
const cachedPathNames = watchedCache<{ name: string | null }>(['units'], {
  maxAgeMs: 60_000,
  maxEntries: 20_000,
});

/** unitPathName through the cache of `writes` (the handle's write watch; none: read every time). */
export async function unitPathNameCached(
  db: Executor,
  writes: WriteWatch | undefined,
  unitCode: string | undefined,
): Promise<string | null> {
  if (unitCode === undefined) return null;
  const found = await cachedPathNames(writes, unitCode, async () => ({
    name: await unitPathName(db, unitCode),
  }));
  return found?.name ?? null;
}

/**
 * The names of the applicant's address unit and the units above it, nearest first; null without one.
 * A code names the unit in force (codes were reused in 2025), else the last that carried it.
 */
async function unitPathName(db: Executor, unitCode: string | undefined): Promise<string | null> {
  if (unitCode === undefined) return null;
  const unit = await db
    .selectFrom('units')
    .select(['path', 'valid_to'])
    .where('code', '=', unitCode)
    .orderBy(sql`valid_to DESC NULLS FIRST`)
    .limit(1)
    .executeTakeFirst();
  if (!unit) return null;
  const codes = unit.path.split('/').filter((c) => c !== '');
  const prefixes = codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
  const rows = await db
    .selectFrom('units')
    .select(['path', 'name'])
    .where('path', 'in', prefixes)
    .where((eb) =>
      unit.valid_to === null
        ? eb('valid_to', 'is', null)
        : eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', unit.valid_to)]),
    )
    .where((eb) =>
      unit.valid_to === null
        ? sql<boolean>`true`
        : eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', unit.valid_to)]),
    )
    .execute();
  const names = new Map(rows.map((r) => [r.path, r.name]));
  return prefixes
    .reverse()
    .flatMap((p) => names.get(p) ?? [])
    .join(', ');
}

export type DossierRow = Omit<
  Selectable<DB['dossiers']>,
  'applicant_search' | 'assignee_user_id' | 'created_by'
>;

/** The dossier's row by code; `forUpdate` locks it for the transaction that reads it. */
export async function loadRow(
  db: Executor,
  code: string,
  forUpdate = false,
): Promise<DossierRow | undefined> {
  let q = db.selectFrom('dossiers').selectAll().where('code', '=', code);
  if (forUpdate) q = q.forUpdate();
  return await q.executeTakeFirst();
}

export type VersionData = Pick<
  Selectable<DB['procedure_versions']>,
  'procedure_version_id' | 'version' | 'data' | 'form_schema'
> & { procedure: Procedure };

const versions = new WeakMap<object, Map<string, VersionData>>();
const VERSION_CACHE_LIMIT = 500;

/**
 * A procedure version's documents (≈16 KB of JSON), by id. Only drafts change (catalog.service), and
 * a dossier is only ever received under a published version, so a published or retired version is
 * read once per process and database, as the form validators are compiled once (formValidatorFor).
 */
export async function procedureVersion(deps: Deps, id: string, db: Executor = deps.db): Promise<VersionData> {
  let perDb = versions.get(deps.db);
  if (!perDb) {
    perDb = new Map<string, VersionData>();
    versions.set(deps.db, perDb);
  }
  const hit = perDb.get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('procedure_versions')
    .select(['procedure_version_id', 'version', 'status', 'data', 'form_schema'])
    .where('procedure_version_id', '=', id)
    .executeTakeFirstOrThrow();
  const loaded = { ...row, procedure: row.data };
  if (row.status !== 'draft') {
    if (perDb.size >= VERSION_CACHE_LIMIT) perDb.clear();
    perDb.set(id, loaded);
  }
  return loaded;
}

/** Of the files named, those that exist and that `user` may attach (files module: its uploader only). */
export async function usableFiles(db: Database, fileIds: string[], user: FileUser): Promise<Set<string>> {
  return attachableFiles(db, fileIds, user);
}
