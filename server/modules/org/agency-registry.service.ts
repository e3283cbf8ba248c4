// The agency registry (#16.2): one agency read, opened, renamed, re-coded, moved and closed by an
// administrator, each change in one transaction with its audit entry (before, after, the day). An
// agency with open dossiers is not closed here: a reorganisation hands them over (#16.3).
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { parseAgencyCode } from '../../../common/org/agency-code.ts';
import type {
  AgencyDetail,
  CreateAgencyBody,
  UpdateAgencyBody,
} from '../../../common/contracts/org-registry.ts';
import { canReachAgency, canReachUnit } from './org.policy.ts';
import { findUnit } from './org.repository.ts';
import { fail } from './org.errors.ts';
import { mayChangeAgency, mayOpenAgencyIn, requireAgencyChange } from './agency-registry.policy.ts';
import {
  codeProblem,
  insertAgency,
  isOpen,
  loadAgency,
  lockAgencyTree,
  moveAgency,
  nameProblem,
  normaliseName,
  ONE_PER_UNIT,
  openOfKind,
  provinceCommittee,
  provinceOf,
  setCodeAndName,
  todayOf,
  type AgencyRow,
  type Executor,
} from './agency-registry.store.ts';

export const targetOf = (r: AgencyRow) => ({ agencyPath: r.path, unitPath: r.unit_path });

/** The agency with this code, or 404; 403 when the caller does not reach it. */
export async function readableAgency(db: Executor, actor: Actor, code: string): Promise<AgencyRow> {
  const row = await loadAgency(db, code);
  if (!row) throw fail('ORG_AGENCY_NOT_FOUND', { params: { code } });
  if (!canReachAgency(actor, targetOf(row), 'read')) throw fail('ORG_AGENCY_OUT_OF_REACH');
  return row;
}

export async function getAgency(deps: Deps, actor: Actor, code: string): Promise<AgencyDetail> {
  const row = await readableAgency(deps.db, actor, code);
  return presentAgency(deps.db, actor, { row, day: todayOf(deps) });
}

export async function presentAgency(
  db: Executor,
  actor: Actor,
  at: { row: AgencyRow; day: string },
): Promise<AgencyDetail> {
  const { row, day } = at;
  const [desks, children, officers] = await Promise.all([
    db
      .selectFrom('desks')
      .select(['desk_id', 'name'])
      .where('agency_id', '=', row.agency_id)
      .orderBy('desk_id')
      .execute(),
    db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('parent_agency_id', '=', row.agency_id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('user_roles')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('agency_id', '=', row.agency_id)
      .where('role', '=', 'desk-officer')
      .executeTakeFirstOrThrow(),
  ]);
  const parsed = parseAgencyCode(row.code);
  const open = isOpen(row, day);
  const may = (act: Parameters<typeof mayChangeAgency>[2]) =>
    open && mayChangeAgency(actor, targetOf(row), act);
  return {
    code: row.code,
    form: parsed?.form ?? null,
    level: parsed?.level ?? null,
    name: row.name,
    kind: row.kind,
    unit: { code: row.unit_code, name: row.unit_name },
    parent: row.parent_code === null ? null : { code: row.parent_code, name: row.parent_name ?? '' },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    children: Number(children.n),
    deskOfficers: Number(officers.n),
    desks: desks.map((d) => ({ id: d.desk_id, name: d.name })),
    may: {
      rename: may('rename'),
      desks: may('desks'),
      recode: may('recode'),
      // The province's People's Committee answers to no agency of the province.
      move: may('move') && row.parent_agency_id !== null,
      close: may('close'),
    },
  };
}

type Problems = { list: ErrorDetail[]; add: (path: string, message: string) => void };
function problems(): Problems {
  const list: ErrorDetail[] = [];
  return { list, add: (path, message) => list.push({ path: `body/${path}`, message }) };
}

/** The province's level-1 code (H26), from its People's Committee's code. */
async function provinceLevel1(db: Executor, unitPath: string, day: string): Promise<string | null> {
  const committee = await provinceCommittee(db, provinceOf(unitPath), day);
  return committee ? (parseAgencyCode(committee.code)?.level1 ?? null) : null;
}

/**
 * The new parent of an agency of `kind` in the unit `unit`: open on `day`, in the caller's
 * administration and the same province; a service centre answers to its unit's People's Committee
 * (Nghị định 118/2025/NĐ-CP). Adds a problem and returns null when it cannot be.
 */
async function checkParent(
  db: Executor,
  actor: Actor,
  c: { code: string; kind: string; unit: { unit_id: string; path: string }; day: string; p: Problems },
): Promise<AgencyRow | null> {
  const parent = await loadAgency(db, c.code);
  if (!parent) {
    c.p.add('parentCode', `Không có cơ quan mã ${c.code}.`);
    return null;
  }
  if (!isOpen(parent, c.day)) {
    c.p.add('parentCode', `Cơ quan ${c.code} không hoạt động ngày ${c.day}.`);
    return null;
  }
  if (provinceOf(parent.unit_path) !== provinceOf(c.unit.path)) {
    c.p.add('parentCode', `Cơ quan ${c.code} thuộc tỉnh, thành phố khác.`);
    return null;
  }
  if (!mayChangeAgency(actor, targetOf(parent), 'create')) {
    throw fail('ORG_REGISTRY_PROVINCE_ADMINS_ONLY', {
      details: [
        { path: 'body/parentCode', message: `Cơ quan ${c.code} nằm ngoài phạm vi quản trị của bạn.` },
      ],
    });
  }
  if (
    c.kind === 'public-administration-centre' &&
    !(parent.kind === 'people-committee' && parent.unit_id === c.unit.unit_id)
  ) {
    c.p.add(
      'parentCode',
      'Trung tâm Phục vụ hành chính công trực thuộc Ủy ban nhân dân của chính đơn vị hành chính đó (Nghị định 118/2025/NĐ-CP).',
    );
    return null;
  }
  return parent;
}

async function checkOnePerUnit(
  db: Executor,
  c: { kind: string; unitId: string; unitName: string; day: string; except?: string; p: Problems },
): Promise<void> {
  if (!ONE_PER_UNIT.includes(c.kind)) return;
  const other = await openOfKind(db, {
    unitId: c.unitId,
    kind: c.kind,
    day: c.day,
    ...(c.except ? { except: c.except } : {}),
  });
  if (other)
    c.p.add('kind', `${c.unitName} đã có ${other.name} (${other.code}): mỗi đơn vị một cơ quan loại này.`);
}

function takenOr(err: unknown, code: string): never {
  if (isUniqueViolation(err)) throw fail('ORG_AGENCY_CODE_TAKEN', { params: { code } });
  throw err;
}

export async function createAgency(
  deps: Deps,
  actor: Actor,
  input: { body: CreateAgencyBody; requestId: string },
): Promise<AgencyDetail> {
  const { body } = input;
  const day = todayOf(deps);
  const unit = await findUnit(deps.db, body.unitCode, day);
  if (!unit) {
    throw fail('ORG_AGENCY_INVALID', {
      details: [
        { path: 'body/unitCode', message: `Không có đơn vị hành chính mã ${body.unitCode} ngày ${day}.` },
      ],
    });
  }
  if (!mayOpenAgencyIn(actor, unit.path)) {
    throw fail(
      canReachUnit(actor, unit.path, 'read')
        ? 'ORG_REGISTRY_PROVINCE_ADMINS_ONLY'
        : 'ORG_AGENCY_OUT_OF_REACH',
    );
  }
  const name = normaliseName(body.name);
  const p = problems();
  const parent = await checkParent(deps.db, actor, { code: body.parentCode, kind: body.kind, unit, day, p });
  const level1 = await provinceLevel1(deps.db, unit.path, day);
  const bad = level1 === null ? null : codeProblem(body.code, level1);
  if (bad) p.add('code', bad.vi);
  const badName = nameProblem(name);
  if (badName) p.add('name', badName.vi);
  await checkOnePerUnit(deps.db, { kind: body.kind, unitId: unit.unit_id, unitName: unit.name, day, p });
  if (p.list.length > 0 || !parent) throw fail('ORG_AGENCY_INVALID', { details: p.list });
  if (await loadAgency(deps.db, body.code))
    throw fail('ORG_AGENCY_CODE_TAKEN', { params: { code: body.code } });

  return deps.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const at = deps.clock.now();
    const created = await insertAgency(trx, {
      code: body.code,
      name,
      kind: body.kind,
      unitId: unit.unit_id,
      parent: { agency_id: parent.agency_id, path: (await loadAgency(trx, parent.code))!.path },
      validFrom: day,
      hasDesk: body.hasDesk,
    }).catch((err: unknown) => takenOr(err, body.code));
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.create',
        entityType: 'agency',
        entityId: created.agencyId,
        chain: created.agencyId,
        requestId: input.requestId,
        details: {
          on: day,
          after: {
            code: body.code,
            name,
            kind: body.kind,
            unitCode: unit.code,
            parentCode: parent.code,
            hasDesk: body.hasDesk,
          },
        },
      },
      at,
    );
    return presentAgency(trx, actor, { row: (await loadAgency(trx, body.code))!, day });
  });
}

type Change = { action: 'agency.rename' | 'agency.recode' | 'agency.move'; before: unknown; after: unknown };

export async function updateAgency(
  deps: Deps,
  actor: Actor,
  input: { code: string; body: UpdateAgencyBody; requestId: string },
): Promise<AgencyDetail> {
  const { body } = input;
  const day = todayOf(deps);
  const row = await readableAgency(deps.db, actor, input.code);
  // The strictest first, so a unit administrator asking to re-code hears who may.
  if (body.code !== undefined) requireAgencyChange(actor, targetOf(row), 'recode');
  if (body.parentCode !== undefined) requireAgencyChange(actor, targetOf(row), 'move');
  if (body.name !== undefined) requireAgencyChange(actor, targetOf(row), 'rename');
  if (!isOpen(row, day)) {
    throw fail('ORG_AGENCY_CLOSED', { params: { code: row.code, validTo: row.valid_to ?? '' } });
  }
  const p = problems();
  const name = body.name === undefined ? row.name : normaliseName(body.name);
  const badName = nameProblem(name);
  if (badName) p.add('name', badName.vi);
  const code = body.code ?? row.code;
  if (code !== row.code) {
    const level1 = await provinceLevel1(deps.db, row.unit_path, day);
    const bad = level1 === null ? null : codeProblem(code, level1);
    if (bad) p.add('code', bad.vi);
  }
  let parent: AgencyRow | null = null;
  if (body.parentCode !== undefined && body.parentCode !== row.parent_code) {
    if (row.parent_agency_id === null) {
      p.add(
        'parentCode',
        `${row.name} là cơ quan cấp 1 của tỉnh, thành phố: không chuyển sang cơ quan khác.`,
      );
    } else {
      const unit = { unit_id: row.unit_id, path: row.unit_path };
      parent = await checkParent(deps.db, actor, { code: body.parentCode, kind: row.kind, unit, day, p });
      if (parent && parent.path.startsWith(row.path)) {
        p.add(
          'parentCode',
          `${parent.name} (${parent.code}) trực thuộc chính cơ quan này: không chuyển vào đó được.`,
        );
        parent = null;
      }
    }
  }
  if (p.list.length > 0) throw fail('ORG_AGENCY_INVALID', { details: p.list });
  const changes: Change[] = [];
  if (code !== row.code)
    changes.push({ action: 'agency.recode', before: { code: row.code }, after: { code } });
  if (name !== row.name)
    changes.push({ action: 'agency.rename', before: { name: row.name }, after: { name } });
  if (parent) {
    changes.push({
      action: 'agency.move',
      before: { parentCode: row.parent_code },
      after: { parentCode: parent.code },
    });
  }
  if (changes.length === 0) return presentAgency(deps.db, actor, { row, day });
  if (code !== row.code && (await loadAgency(deps.db, code))) {
    throw fail('ORG_AGENCY_CODE_TAKEN', { params: { code } });
  }

  return deps.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const at = deps.clock.now();
    if (code !== row.code || name !== row.name) {
      await setCodeAndName(trx, { agencyId: row.agency_id, code, name, oldName: row.name }).catch(
        (err: unknown) => takenOr(err, code),
      );
    }
    if (parent && (await moveAgency(trx, row.agency_id, parent.agency_id)) === null) {
      // Another change moved the parent under this agency meanwhile.
      throw fail('ORG_AGENCY_INVALID', {
        details: [{ path: 'body/parentCode', message: `${parent.code} trực thuộc chính cơ quan này.` }],
      });
    }
    for (const c of changes) {
      await appendAudit(
        trx,
        actor,
        {
          action: c.action,
          entityType: 'agency',
          entityId: row.agency_id,
          chain: row.agency_id,
          requestId: input.requestId,
          details: { code, on: day, before: c.before, after: c.after },
        },
        at,
      );
    }
    return presentAgency(trx, actor, { row: (await loadAgency(trx, code))!, day });
  });
}
