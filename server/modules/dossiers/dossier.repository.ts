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

/**
 * unitPathName through the cache of `writes` (the handle's write watch; none: read every time), as the
 * map stood on `day` (YYYY-MM-DD; default: the unit in force, else the last that carried the code).
 */
export async function unitPathNameCached(
  db: Executor,
  writes: WriteWatch | undefined,
  unitCode: string | undefined,
  day?: string,
): Promise<string | null> {
  if (unitCode === undefined) return null;
  const found = await cachedPathNames(writes, `${unitCode}@${day ?? ''}`, async () => ({
    name: await unitPathName(db, unitCode, day),
  }));
  return found?.name ?? null;
}

type Dated = { valid_from: string | null; valid_to: string | null };
const inForceOn = (u: Dated, day: string) =>
  (u.valid_from === null || u.valid_from <= day) && (u.valid_to === null || u.valid_to >= day);

/**
 * The names of the applicant's address unit and the units above it, nearest first; null without one.
 * Codes were reused in 2025: the code names the unit in force on `day` (an address typed on a dossier
 * received before the reform names the ward of the day), else the unit in force now, else the last
 * that carried it; the units above are those of that unit's time.
 */
async function unitPathName(db: Executor, unitCode: string, day: string | undefined): Promise<string | null> {
  const units = await db
    .selectFrom('units')
    .select(['path', 'valid_from', 'valid_to'])
    .where('code', '=', unitCode)
    .orderBy(sql`valid_to DESC NULLS FIRST`)
    .execute();
  const unit = (day === undefined ? undefined : units.find((u) => inForceOn(u, day))) ?? units[0];
  if (!unit) return null;
  const at = day !== undefined && inForceOn(unit, day) ? day : (unit.valid_to ?? null);
  const codes = unit.path.split('/').filter((c) => c !== '');
  const prefixes = codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
  const rows = await db
    .selectFrom('units')
    .select(['path', 'name', 'valid_from', 'valid_to'])
    .where('path', 'in', prefixes)
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) if (at === null ? r.valid_to === null : inForceOn(r, at)) names.set(r.path, r.name);
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
