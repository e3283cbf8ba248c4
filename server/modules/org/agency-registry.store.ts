// The agency registry's reads and writes, shared by the single changes (agency-registry.service.ts)
// and the import (agency-registry.import.ts). Every write goes through the query builder, so the
// caches that read agencies and desks (the session cache, the worklists' reach; ADR 0012) see it.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { agencyCodeProblem, parseAgencyCode } from '../../../common/org/agency-code.ts';
import { isAgencyCode } from '../../../common/org/code-patterns.ts';
import { deskName } from '../../../common/org/names.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { AGENCY_NAME_MAX } from '../../../common/contracts/org-registry.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';

export type Trx = Transaction<DB>;
export type Executor = Database | Trx;

/**
 * Registry changes and reorganisations both rewrite the agency tree: they queue behind one
 * transaction-scoped advisory lock (the key reorganisation.apply.ts takes).
 */
const AGENCY_TREE_LOCK = 7_357_016;

export async function lockAgencyTree(trx: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`.execute(trx);
}

/** Today in Vietnam (YYYY-MM-DD): the day the registry's changes are dated. */
export const todayOf = (deps: Deps): string => vnDate(deps.clock.now());

/** The day `n` days after `day` (YYYY-MM-DD; n may be negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** NFC, trimmed, inner white space as one space: a name compares as it was meant. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export const searchTextOf = (name: string, code: string): string => `${foldVietnamese(name)} ${code}`;

/** The province (unit code) of a unit path: `/01/00070/` → `01`. */
export const provinceOf = provinceOfPath;

export type AgencyRow = {
  agency_id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent_agency_id: string | null;
  parent_code: string | null;
  parent_name: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  valid_from: string | null;
  valid_to: string | null;
};

function agencyRows(db: Executor) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.kind',
      'a.path',
      'a.parent_agency_id',
      'p.code as parent_code',
      'p.name as parent_name',
      'a.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
      'a.valid_from',
      'a.valid_to',
    ]);
}

/** The agency that has (or had: codes are never given twice) this code. */
export async function loadAgency(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return agencyRows(db).where('a.code', '=', code).executeTakeFirst();
}

export async function loadAgencyById(db: Executor, id: string): Promise<AgencyRow | undefined> {
  return agencyRows(db).where('a.agency_id', '=', id).executeTakeFirst();
}

/** Open on `day`: from its first day (if any) to its last (if any). */
export function isOpen(r: { valid_from: string | null; valid_to: string | null }, day: string): boolean {
  return (r.valid_from === null || r.valid_from <= day) && (r.valid_to === null || r.valid_to >= day);
}

/** The People's Committee of a province (unit code) open on `day`: its code carries the level-1 code. */
export async function provinceCommittee(db: Executor, provinceCode: string, day: string) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.agency_id', 'a.code', 'a.name'])
    .where('u.path', '=', `/${provinceCode}/`)
    .where('a.kind', '=', 'people-committee')
    .where('a.parent_agency_id', 'is', null)
    .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', day)]))
    .executeTakeFirst();
}

export type Text = { vi: string; en: string };

/**
 * Why `code` cannot be an agency's code: not valid in either legal form (agencyCodeProblem), or not
 * storable (a QĐ 20/2020 group of more than 10 characters: the agencies table's CHECK), or under
 * another level-1 code than the province's. Null when it can be one of this province's.
 */
export function codeProblem(code: string, level1: string): Text | null {
  const invalid = agencyCodeProblem(code);
  if (invalid) return invalid;
  if (!isAgencyCode(code)) {
    return {
      vi: `Mã "${code}" có nhóm dài quá 10 ký tự: mỗi nhóm sau mã cấp 1 có từ 1 đến 10 chữ số hoặc chữ in hoa.`,
      en: `"${code}" has a group of more than 10 characters: each group after the level-1 code has 1 to 10 digits or upper-case letters.`,
    };
  }
  const level = parseAgencyCode(code)!.level1;
  if (level !== level1) {
    return {
      vi: `Mã ${code} thuộc mã cấp 1 ${level}, không phải ${level1} của tỉnh, thành phố này.`,
      en: `${code} is under level-1 code ${level}, not this province's ${level1}.`,
    };
  }
  return null;
}

/** Why a name cannot be stored, or null. */
export function nameProblem(name: string): Text | null {
  if (name === '') return { vi: 'Chưa có tên.', en: 'The name is empty.' };
  if (name.length > AGENCY_NAME_MAX) {
    return {
      vi: `Tên dài ${name.length} ký tự, tối đa ${AGENCY_NAME_MAX}.`,
      en: `The name has ${name.length} characters, at most ${AGENCY_NAME_MAX}.`,
    };
  }
  return null;
}

/** Kinds a unit has at most one of, open at a time: its People's Committee and its service centre. */
export const ONE_PER_UNIT: readonly string[] = ['people-committee', 'public-administration-centre'];

/** The open agency of `kind` in a unit on `day`, other than `except`. */
export async function openOfKind(
  db: Executor,
  where: { unitId: string; kind: string; day: string; except?: string },
) {
  return db
    .selectFrom('agencies')
    .select(['agency_id', 'code', 'name'])
    .where('unit_id', '=', where.unitId)
    .where('kind', '=', where.kind)
    .$if(where.except !== undefined, (q) => q.where('agency_id', '<>', where.except!))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', where.day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', where.day)]))
    .executeTakeFirst();
}

export type NewAgency = {
  code: string;
  name: string;
  kind: string;
  unitId: string;
  parent: { agency_id: string; path: string };
  validFrom: string;
  hasDesk: boolean;
};

/** Inserts an agency under its parent (and its desk); returns its id and path. */
export async function insertAgency(trx: Trx, a: NewAgency): Promise<{ agencyId: string; path: string }> {
  const row = await trx
    .insertInto('agencies')
    .values({
      code: a.code,
      name: a.name,
      kind: a.kind,
      unit_id: a.unitId,
      parent_agency_id: a.parent.agency_id,
      path: '/',
      search_text: searchTextOf(a.name, a.code),
      valid_from: a.validFrom,
    })
    .returning('agency_id')
    .executeTakeFirstOrThrow();
  const path = `${a.parent.path}${row.agency_id}/`;
  await trx.updateTable('agencies').set({ path }).where('agency_id', '=', row.agency_id).execute();
  if (a.hasDesk) {
    await trx
      .insertInto('desks')
      .values({ agency_id: row.agency_id, name: deskName(a.name) })
      .execute();
  }
  return { agencyId: row.agency_id, path };
}

/**
 * A new code and/or name. The desk named after the agency (the name the product gives it) is renamed
 * with it; desks named otherwise keep their names. Dossiers are never touched: the codes already issued
 * keep the agency's old code.
 */
export async function setCodeAndName(
  trx: Trx,
  a: { agencyId: string; code: string; name: string; oldName: string },
): Promise<void> {
  await trx
    .updateTable('agencies')
    .set({ code: a.code, name: a.name, search_text: searchTextOf(a.name, a.code) })
    .where('agency_id', '=', a.agencyId)
    .execute();
  if (a.name !== a.oldName) {
    await trx
      .updateTable('desks')
      .set({ name: deskName(a.name) })
      .where('agency_id', '=', a.agencyId)
      .where('name', '=', deskName(a.oldName))
      .execute();
  }
}

/**
 * Moves an agency under another; its path and the paths of every agency under it follow. Null when
 * the new parent is the agency itself or under it (a cycle), else the new path.
 */
export async function moveAgency(trx: Trx, agencyId: string, parentId: string): Promise<string | null> {
  const rows = await trx
    .selectFrom('agencies')
    .select(['agency_id', 'path'])
    .where('agency_id', 'in', [agencyId, parentId])
    .execute();
  const own = rows.find((r) => r.agency_id === agencyId)!.path;
  const parent = rows.find((r) => r.agency_id === parentId)!.path;
  if (parent.startsWith(own)) return null;
  const path = `${parent}${agencyId}/`;
  await trx
    .updateTable('agencies')
    .set({ parent_agency_id: parentId })
    .where('agency_id', '=', agencyId)
    .execute();
  await trx
    .updateTable('agencies')
    .set({ path: sql<string>`${path} || substr(path, ${own.length + 1})` })
    .where('path', 'like', `${own}%`)
    .execute();
  return path;
}
