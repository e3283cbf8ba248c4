// Importing a province's electronic agency codes (#16.2): the uploaded list (agency-import.ts reads it)
// planned against the province's agencies (agency-import-plan.ts), with what the registry adds — codes
// the agencies table can store, names it can hold, agencies and parents within the administrator's
// province, and, for each new agency, the kind and unit it gets — then applied in one transaction, all
// rows or none, with one audit entry listing the changes. The plan is made again inside the transaction:
// what changed since the dry run counts.
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { agencyKindOf } from '../../../common/catalog/procedure.ts';
import { isAgencyCode } from '../../../common/org/code-patterns.ts';
import { parseAgencyCode } from '../../../common/org/agency-code.ts';
import {
  AGENCY_NAME_MAX,
  type AgencyImportPlanView,
  type ImportItemView,
} from '../../../common/contracts/org-registry.ts';
import { fail } from './org.errors.ts';
import { readAgencyFile } from './agency-import.ts';
import {
  planAgencyImport,
  type AgencyImportPlan,
  type AgencyPlanItem,
  type ImportProblem,
  type RegistryAgency,
} from './agency-import-plan.ts';
import { administeredProvinces, mayChangeAgency, mayOpenAgencyIn } from './agency-registry.policy.ts';
import {
  insertAgency,
  isOpen,
  loadAgencyById,
  lockAgencyTree,
  moveAgency,
  ONE_PER_UNIT,
  provinceCommittee,
  provinceOf,
  setCodeAndName,
  todayOf,
  type Executor,
} from './agency-registry.store.ts';
import { canReachUnit } from './org.policy.ts';

/** An agency of the registry with what the import's checks need beyond the plan's view of it. */
type Known = RegistryAgency & {
  kind: string;
  unitId: string;
  unitCode: string;
  unitPath: string;
  path: string;
  validFrom: string | null;
};

const openOn = (k: Known, day: string) => isOpen({ valid_from: k.validFrom, valid_to: k.validTo }, day);

/** Where a new agency goes: its kind and unit (null while they cannot be told). */
type Placement = {
  kind: string | null;
  unitId: string | null;
  unitCode: string | null;
  unitPath: string | null;
};

type Planned = {
  province: string;
  level1: string;
  committeeId: string;
  day: string;
  format: 'csv' | 'xlsx' | null;
  plan: AgencyImportPlan;
  known: Map<string, Known>;
  placements: Map<number, Placement>;
};

/** The province the caller imports for: the one they administer, or the one they name. */
function provinceFor(actor: Actor, asked: string | undefined): string {
  const mine = administeredProvinces(actor).filter((p) => mayOpenAgencyIn(actor, `/${p}/`));
  if (asked !== undefined) {
    if (mine.includes(asked)) return asked;
    throw fail(
      canReachUnit(actor, `/${asked}/`, 'read')
        ? 'ORG_REGISTRY_PROVINCE_ADMINS_ONLY'
        : 'ORG_AGENCY_OUT_OF_REACH',
    );
  }
  if (mine.length === 1) return mine[0]!;
  if (mine.length === 0) throw fail('ORG_REGISTRY_PROVINCE_ADMINS_ONLY');
  throw fail('ORG_AGENCY_IMPORT_PROVINCE');
}

/** Every agency of the province, and any elsewhere whose code is under its level-1 code (closed ones too). */
async function loadRegistry(db: Executor, province: string, level1: string): Promise<Known[]> {
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.kind',
      'a.path',
      'a.valid_from',
      'a.valid_to',
      'p.code as parent_code',
      'a.unit_id',
      'u.code as unit_code',
      'u.path as unit_path',
    ])
    .where((eb) =>
      eb.or([
        eb('u.path', 'like', `/${province}/%`),
        eb('a.code', '=', level1),
        eb('a.code', 'like', `${level1}.%`),
        eb('a.code', 'like', `%.${level1}`),
      ]),
    )
    .orderBy('a.agency_id')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    validTo: r.valid_to,
    kind: r.kind,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitPath: r.unit_path,
    path: r.path,
    validFrom: r.valid_from,
  }));
}

function addProblem(
  item: AgencyPlanItem,
  field: string,
  code: string,
  text: { vi: string; en: string },
): void {
  item.problems.push({
    path: `rows[${item.row}].${field}`,
    row: item.row,
    line: item.line,
    code,
    message: text.vi,
    en: text.en,
  });
}

/** What the registry adds to the plan: each problem on its row, and where each new agency goes. */
function registryChecks(p: Planned, actor: Actor): void {
  const { plan, known } = p;
  const byCode = new Map([...known.values()].map((k) => [k.code, k]));
  const fileRow = new Map(plan.items.filter((i) => i.problems.length === 0).map((i) => [i.code, i]));
  const reaches = (k: Known) =>
    provinceOf(k.unitPath) === p.province &&
    mayChangeAgency(actor, { agencyPath: k.path, unitPath: k.unitPath }, 'import');
  const taken = new Set<string>();
  for (const k of known.values()) {
    if (ONE_PER_UNIT.includes(k.kind) && openOn(k, p.day)) taken.add(`${k.unitId}:${k.kind}`);
  }
  // The parent an item's code names: an existing agency, or a row of the list (created before it).
  const placementOf = (code: string | null): (Placement & { kind: string | null }) | null => {
    if (code === null) return null;
    const row = fileRow.get(code);
    if (row?.agencyId) {
      const k = known.get(row.agencyId)!;
      return { kind: k.kind, unitId: k.unitId, unitCode: k.unitCode, unitPath: k.unitPath };
    }
    if (row) return p.placements.get(row.row) ?? null;
    const k = byCode.get(code);
    return k ? { kind: k.kind, unitId: k.unitId, unitCode: k.unitCode, unitPath: k.unitPath } : null;
  };

  // Parents before children: a new agency takes its parent's unit.
  const ordered = [...plan.items].sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || a.row - b.row);
  for (const item of ordered) {
    if (item.problems.length > 0) continue;
    if (!isAgencyCode(item.code)) {
      addProblem(item, 'code', 'AGENCY_CODE_GROUP_TOO_LONG', {
        vi: `Mã ${item.code} có nhóm dài quá 10 ký tự: mỗi nhóm sau mã cấp 1 có từ 1 đến 10 chữ số hoặc chữ in hoa.`,
        en: `${item.code} has a group of more than 10 characters: each group after the level-1 code has 1 to 10 digits or upper-case letters.`,
      });
    }
    if (item.name.length > AGENCY_NAME_MAX) {
      addProblem(item, 'name', 'AGENCY_NAME_TOO_LONG', {
        vi: `Tên cơ quan dài ${item.name.length} ký tự, tối đa ${AGENCY_NAME_MAX}.`,
        en: `The agency name has ${item.name.length} characters, at most ${AGENCY_NAME_MAX}.`,
      });
    }
    const target = item.agencyId === null ? null : known.get(item.agencyId)!;
    if (target && !reaches(target)) {
      addProblem(item, 'code', 'AGENCY_OUT_OF_PROVINCE', {
        vi: `Cơ quan "${target.name}" (${target.code}) không thuộc tỉnh, thành phố này: không đổi được ở đây.`,
        en: `Agency "${target.name}" (${target.code}) is not of this province: it cannot be changed here.`,
      });
      continue;
    }
    const parentExisting = item.parentCode === null ? undefined : byCode.get(item.parentCode);
    const parentInFile = item.parentCode !== null && fileRow.has(item.parentCode);
    if (parentExisting && !parentInFile && !reaches(parentExisting)) {
      addProblem(item, 'parentCode', 'AGENCY_PARENT_OUT_OF_PROVINCE', {
        vi: `Cơ quan cấp trên ${parentExisting.code} không thuộc tỉnh, thành phố này.`,
        en: `The parent ${parentExisting.code} is not of this province.`,
      });
      continue;
    }
    if (target && item.changes.includes('parent') && parentExisting && !parentInFile) {
      if (parentExisting.path.startsWith(target.path)) {
        addProblem(item, 'parentCode', 'AGENCY_MOVE_CYCLE', {
          vi: `Cơ quan cấp trên ${parentExisting.code} đang trực thuộc chính cơ quan này.`,
          en: `The parent ${parentExisting.code} sits under this very agency.`,
        });
      }
    }
    if (item.outcome === 'create') placeNew(p, { item, parent: placementOf(item.parentCode), taken });
  }
  finish(p);
}

/** The kind (named by the agency's name, else its parent's, never a People's Committee's) and unit of a new agency. */
function placeNew(
  p: Planned,
  c: { item: AgencyPlanItem; parent: Placement | null; taken: Set<string> },
): void {
  const { item, parent, taken } = c;
  if (!parent || parent.unitId === null) return; // its parent's row has its own problem
  const inherited = parent.kind !== null && !ONE_PER_UNIT.includes(parent.kind) ? parent.kind : null;
  const kind = agencyKindOf(item.name) ?? inherited;
  p.placements.set(item.row, { ...parent, kind });
  if (kind === null) {
    addProblem(item, 'name', 'AGENCY_KIND_UNKNOWN', {
      vi: `Không nhận ra loại cơ quan từ tên "${item.name}": tạo cơ quan này trên màn hình "Cơ quan và mã định danh" (chọn loại), rồi nhập lại danh sách.`,
      en: `The kind of agency cannot be told from the name "${item.name}": create it on the "Agencies and codes" screen (choosing its kind), then import the list again.`,
    });
    return;
  }
  if (!ONE_PER_UNIT.includes(kind)) return;
  const key = `${parent.unitId}:${kind}`;
  if (kind === 'people-committee') {
    addProblem(item, 'name', 'AGENCY_COMMITTEE_NEW', {
      vi: 'Ủy ban nhân dân của một đơn vị hành chính mới được lập khi sắp xếp đơn vị (POST /api/v1/reorganisations), không qua danh sách mã.',
      en: "A new administrative unit's People's Committee is opened by a reorganisation (POST /api/v1/reorganisations), not by the code list.",
    });
  } else if (parent.kind !== 'people-committee') {
    addProblem(item, 'parentCode', 'AGENCY_CENTRE_PARENT', {
      vi: 'Trung tâm Phục vụ hành chính công trực thuộc Ủy ban nhân dân của đơn vị hành chính (Nghị định 118/2025/NĐ-CP).',
      en: "A public administration service centre answers to its unit's People's Committee (Nghị định 118/2025/NĐ-CP).",
    });
  } else if (taken.has(key)) {
    addProblem(item, 'name', 'AGENCY_KIND_TAKEN', {
      vi: 'Đơn vị hành chính này đã có Trung tâm Phục vụ hành chính công: mỗi đơn vị một trung tâm.',
      en: 'This administrative unit already has a public administration service centre: one per unit.',
    });
  } else taken.add(key);
}

/** Outcomes, totals and the problem list again, after the registry's own problems were added. */
function finish(p: Planned): void {
  const { plan } = p;
  const totals = { create: 0, recode: 0, move: 0, rename: 0, unchanged: 0, error: 0 };
  for (const item of plan.items) {
    if (item.problems.length > 0) {
      item.outcome = 'error';
      item.changes = [];
    }
    totals[item.outcome] += 1;
  }
  const fileProblems = plan.problems.filter((x) => x.row === null);
  plan.problems = [...fileProblems, ...plan.items.flatMap((i) => i.problems)];
  plan.totals = totals;
  plan.ok = plan.problems.length === 0;
}

async function planFile(
  deps: Deps,
  db: Executor,
  input: { actor: Actor; bytes: Uint8Array; provinceCode: string | undefined },
): Promise<Planned> {
  const province = provinceFor(input.actor, input.provinceCode);
  const day = todayOf(deps);
  const committee = await provinceCommittee(db, province, day);
  const level1 = committee ? parseAgencyCode(committee.code)?.level1 : undefined;
  if (!committee || !level1) throw new Error(`province ${province} has no People's Committee with a code`);
  const read = await readAgencyFile(input.bytes);
  const base = { province, level1, committeeId: committee.agency_id, day, placements: new Map() };
  if (!read.ok) {
    const plan: AgencyImportPlan = {
      ok: false,
      items: [],
      totals: { create: 0, recode: 0, move: 0, rename: 0, unchanged: 0, error: 0 },
      problems: read.problems,
    };
    return { ...base, format: null, plan, known: new Map() };
  }
  const registry = await loadRegistry(db, province, level1);
  const plan = planAgencyImport(read.rows, registry, {
    provinceLevel1: level1,
    asOf: day,
    readProblems: read.problems,
  });
  const planned: Planned = {
    ...base,
    format: read.format,
    plan,
    known: new Map(registry.map((k) => [k.agencyId, k])),
  };
  registryChecks(planned, input.actor);
  return planned;
}

function present(p: Planned, applied: boolean): AgencyImportPlanView {
  const item = (i: AgencyPlanItem): ImportItemView => {
    const place = p.placements.get(i.row);
    return {
      row: i.row,
      line: i.line,
      code: i.code,
      name: i.name,
      level: i.level,
      parentCode: i.parentCode,
      outcome: i.outcome,
      current: i.current,
      changes: i.changes,
      kind: i.outcome === 'create' ? (place?.kind ?? null) : null,
      unitCode: i.outcome === 'create' ? (place?.unitCode ?? null) : null,
      problems: i.problems,
    };
  };
  return {
    ok: p.plan.ok,
    applied,
    provinceCode: p.province,
    level1: p.level1,
    asOf: p.day,
    format: p.format,
    totals: p.plan.totals,
    items: p.plan.items.map(item),
    problems: p.plan.problems,
  };
}

export async function dryRunAgencyImport(
  deps: Deps,
  actor: Actor,
  input: { bytes: Uint8Array; provinceCode: string | undefined },
): Promise<AgencyImportPlanView> {
  return present(await planFile(deps, deps.db, { actor, ...input }), false);
}

/** `rows[3].code` → `body/rows/3/code`, with the line in the message. */
const detailOf = (x: ImportProblem) => ({
  path: `body/${x.path.replace(/\[(\d+)\]\./, '/$1/')}`,
  message: x.line === null ? x.message : `Dòng ${x.line}: ${x.message}`,
  code: x.code,
});

export async function applyAgencyImport(
  deps: Deps,
  actor: Actor,
  input: { bytes: Uint8Array; provinceCode: string | undefined; requestId: string },
): Promise<AgencyImportPlanView> {
  return deps.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const p = await planFile(deps, trx, { actor, bytes: input.bytes, provinceCode: input.provinceCode });
    if (!p.plan.ok) {
      throw fail('ORG_AGENCY_IMPORT_INVALID', {
        params: { count: p.plan.problems.length },
        details: p.plan.problems.map(detailOf),
      });
    }
    const refuse = (item: AgencyPlanItem, field: string, message: string): never => {
      throw fail('ORG_AGENCY_IMPORT_INVALID', {
        params: { count: 1 },
        details: [{ path: `body/rows/${item.row}/${field}`, message: `Dòng ${item.line}: ${message}` }],
      });
    };
    const items = p.plan.items;
    const idOf = new Map<string, string>();
    for (const i of items) if (i.agencyId !== null) idOf.set(i.code, i.agencyId);
    for (const k of p.known.values()) if (openOn(k, p.day) && !idOf.has(k.code)) idOf.set(k.code, k.agencyId);
    // New agencies, parents first.
    const creates = items
      .filter((i) => i.outcome === 'create')
      .sort((a, b) => a.level! - b.level! || a.row - b.row);
    for (const i of creates) {
      const place = p.placements.get(i.row)!;
      const parent = (await loadAgencyById(trx, idOf.get(i.parentCode!)!))!;
      const created = await insertAgency(trx, {
        code: i.code,
        name: i.name,
        kind: place.kind!,
        unitId: place.unitId!,
        parent: { agency_id: parent.agency_id, path: parent.path },
        validFrom: p.day,
        hasDesk: ONE_PER_UNIT.includes(place.kind!),
      }).catch((err: unknown) => {
        if (isUniqueViolation(err)) refuse(i, 'code', `mã ${i.code} vừa được cấp cho cơ quan khác.`);
        throw err;
      });
      idOf.set(i.code, created.agencyId);
    }
    for (const i of items) {
      if (i.agencyId === null || !(i.changes.includes('code') || i.changes.includes('name'))) continue;
      const oldName = i.current!.name;
      const name = i.changes.includes('name') ? i.name : oldName;
      await setCodeAndName(trx, { agencyId: i.agencyId, code: i.code, name, oldName });
    }
    for (const i of items) {
      if (i.agencyId === null || !i.changes.includes('parent')) continue;
      if ((await moveAgency(trx, i.agencyId, idOf.get(i.parentCode!)!)) === null) {
        refuse(i, 'parentCode', `cơ quan cấp trên ${i.parentCode} trực thuộc chính cơ quan này.`);
      }
    }
    const view = present(p, true);
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.import',
        entityType: 'agency-import',
        entityId: p.province,
        chain: p.committeeId,
        requestId: input.requestId,
        details: {
          province: p.province,
          level1: p.level1,
          on: p.day,
          format: p.format,
          totals: p.plan.totals,
          changes: view.items
            .filter((i) => i.outcome !== 'unchanged')
            .map((i) => ({
              line: i.line,
              outcome: i.outcome,
              changes: i.changes,
              before: i.current,
              after: { code: i.code, name: i.name, parentCode: i.parentCode },
              ...(i.outcome === 'create' ? { kind: i.kind, unitCode: i.unitCode } : {}),
            })),
        },
      },
      deps.clock.now(),
    );
    return view;
  });
}
