// Staff administration: list staff within reach, create accounts with their grants, replace grants,
// deactivate and activate. Each change is one transaction that ends with its audit entry. The
// policy (who may give which grant where) is staff.policy.ts; the CLI's user:create stays in the
// auth module for bootstrapping the first administrator.
import { createHash, randomInt } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { fail } from './staff.errors.ts';
import { ROLE_LABELS, type Role } from '../../../common/auth/roles.ts';
import type {
  CreateStaffBody,
  PutGrantsBody,
  StaffGrant,
  StaffQuery,
  StaffView,
} from '../../../common/contracts/staff.ts';
import { hashPassword, normaliseUsername, resetPassword } from '../auth/index.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import {
  canAdministerGrant,
  canManageAccount,
  canReadStaffAt,
  isAdminRole,
  STAFF_ADMINS,
} from './staff.policy.ts';
import {
  findAgencies,
  findUser,
  listUsers,
  loadGrantRows,
  type AgencyRow,
  type Executor,
  type GrantRow,
  type UserRow,
} from './staff.repository.ts';
import { isUniqueViolation } from '../../db/errors.ts';

const targetOf = (g: { role: Role; agency_path: string; unit_path: string }) => ({
  role: g.role,
  agencyPath: g.agency_path,
  unitPath: g.unit_path,
});

const grantKey = (g: { role: string; agencyCode: string }): string => `${g.role}@${g.agencyCode}`;

/** A short digest of a grant set, order-free: the optimistic-concurrency token of PUT …/grants. */
export function grantsVersionOf(grants: readonly { role: string; agencyCode: string }[]): string {
  const keys = grants.map(grantKey).sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}

function present(actor: Actor, user: UserRow, grants: readonly GrantRow[]): StaffView {
  return {
    id: user.user_id,
    username: user.username,
    fullName: user.full_name,
    active: user.active,
    createdAt: new Date(user.created_at).toISOString(),
    grants: grants.map((g) => ({
      role: g.role,
      agencyCode: g.code,
      agencyName: g.name,
      unitCode: g.unit_code,
      editable: canAdministerGrant(actor, targetOf(g)),
    })),
    grantsVersion: grantsVersionOf(grants.map((g) => ({ role: g.role, agencyCode: g.code }))),
    manageable: canManageAccount(actor, user.user_id, grants.map(targetOf)),
  };
}

const notFoundUser = (username: string) => fail('STAFF_NOT_FOUND', { params: { username } });

/** The user and their grants when the actor may see at least one of them; otherwise the user "does not exist". */
async function visibleUser(deps: Deps, actor: Actor, username: string) {
  const user = await findUser(deps.db, normaliseUsername(username));
  if (!user) throw notFoundUser(username);
  const grants = await loadGrantRows(deps.db, [user.user_id]);
  if (!grants.some((g) => canReadStaffAt(actor, targetOf(g)))) throw notFoundUser(username);
  return { user, grants };
}

export async function listStaff(
  deps: Deps,
  actor: Actor,
  q: StaffQuery,
): Promise<{ items: StaffView[]; total: number }> {
  let within: { agencyPath: string; unitPath: string } | undefined;
  if (q.agencyCode !== undefined) {
    const agency = await findAgencyByCode(deps.db, q.agencyCode);
    if (!agency) {
      throw fail('STAFF_INPUT_INVALID', {
        details: [{ path: 'query/agencyCode', message: `Không có cơ quan mã ${q.agencyCode}.` }],
      });
    }
    if (!canReadStaffAt(actor, { agencyPath: agency.agency_path, unitPath: agency.unit_path })) {
      throw fail('STAFF_AGENCY_OUT_OF_REACH');
    }
    if (q.below) within = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  }
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await listUsers(deps.db, {
    scope: actor.grants,
    q: q.q,
    agencyCode: q.agencyCode,
    within,
    role: q.role,
    active: q.active,
    offset: ((q.page ?? 1) - 1) * pageSize,
    limit: pageSize,
  });
  const grants = await loadGrantRows(
    deps.db,
    rows.map((r) => r.user_id),
  );
  const byUser = Map.groupBy(grants, (g) => g.user_id);
  return { items: rows.map((u) => present(actor, u, byUser.get(u.user_id) ?? [])), total };
}

export async function getStaff(deps: Deps, actor: Actor, username: string): Promise<StaffView> {
  const { user, grants } = await visibleUser(deps, actor, username);
  return present(actor, user, grants);
}

type Resolved = { role: Role; agency: AgencyRow; index: number };

/** The agencies of the grants asked for; unknown agencies and repeated grants are refused (400), each by its path. */
async function resolveGrants(db: Executor, grants: readonly StaffGrant[]): Promise<Resolved[]> {
  const agencies = await findAgencies(
    db,
    grants.map((g) => g.agencyCode),
  );
  const invalid: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const out: Resolved[] = [];
  grants.forEach((g, i) => {
    const agency = agencies.get(g.agencyCode);
    if (!agency) {
      invalid.push({ path: `body/grants/${i}/agencyCode`, message: `Không có cơ quan mã ${g.agencyCode}.` });
      return;
    }
    const key = grantKey(g);
    const first = seen.get(key);
    if (first !== undefined) {
      invalid.push({
        path: `body/grants/${i}`,
        message: `Vai trò này tại cơ quan này đã có ở dòng ${first + 1}.`,
      });
      return;
    }
    seen.set(key, i);
    out.push({ role: g.role, agency, index: i });
  });
  if (invalid.length > 0) throw fail('STAFF_INPUT_INVALID', { details: invalid });
  return out;
}

/** A grant given (index: its row in the body) or taken away (index: null). */
type Change = { role: Role; agency: AgencyRow; index: number | null };

/** Every grant to be given or taken away must be the actor's to administer; each refusal names its row. */
function requireAdministrable(actor: Actor, changes: readonly Change[]): void {
  const refused: ErrorDetail[] = [];
  for (const c of changes) {
    const target = { role: c.role, agencyPath: c.agency.agency_path, unitPath: c.agency.unit_path };
    if (canAdministerGrant(actor, target)) continue;
    const row = c.index === null ? 'body/grants' : `body/grants/${c.index}`;
    if (canReachAgency(actor, target, 'write', STAFF_ADMINS)) {
      refused.push({
        path: c.index === null ? row : `${row}/role`,
        message: `Chỉ quản trị cấp tỉnh được giao hoặc thu hồi vai trò “${ROLE_LABELS[c.role]}”.`,
      });
    } else {
      refused.push({
        path: c.index === null ? row : `${row}/agencyCode`,
        message:
          c.index === null
            ? `Không thể thu hồi vai trò “${ROLE_LABELS[c.role]}” tại ${c.agency.name}: cơ quan này nằm ngoài phạm vi quản trị của bạn.`
            : `${c.agency.name} nằm ngoài phạm vi quản trị của bạn.`,
      });
    }
  }
  if (refused.length > 0) {
    throw fail('STAFF_GRANTS_REFUSED', { details: refused });
  }
}

export async function createStaff(
  deps: Deps,
  actor: Actor,
  body: CreateStaffBody,
  requestId: string,
): Promise<StaffView> {
  const username = normaliseUsername(body.username);
  const fullName = body.fullName.trim().normalize('NFC');
  const resolved = await resolveGrants(deps.db, body.grants);
  requireAdministrable(actor, resolved);
  const conflict = () =>
    fail('STAFF_USERNAME_TAKEN', {
      params: { username },
      details: [
        { path: 'body/username', message: `Tên đăng nhập ${username} đã có người dùng; hãy chọn tên khác.` },
      ],
    });
  if (await findUser(deps.db, username)) throw conflict();
  // argon2 before the transaction: it takes tens of milliseconds and needs no lock.
  const passwordHash = await hashPassword(body.password);
  const now = deps.clock.now();
  try {
    const user = await deps.db.transaction().execute(async (trx) => {
      if (await findUser(trx, username)) throw conflict();
      const inserted = await trx
        .insertInto('users')
        .values({
          username,
          full_name: fullName,
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
        })
        .returning(['user_id', 'username', 'full_name', 'active', 'created_at'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('user_roles')
        .values(
          resolved.map((r) => ({ user_id: inserted.user_id, role: r.role, agency_id: r.agency.agency_id })),
        )
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: 'user.created',
          entityType: 'user',
          entityId: inserted.user_id,
          details: {
            username,
            grants: resolved.map((r) => ({ role: r.role, agencyCode: r.agency.code })),
          },
          requestId,
        },
        now,
      );
      return inserted;
    });
    return present(actor, user, await loadGrantRows(deps.db, [user.user_id]));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict();
    throw err;
  }
}

export async function replaceGrants(
  deps: Deps,
  actor: Actor,
  input: { username: string; body: PutGrantsBody; requestId: string },
): Promise<StaffView> {
  const { username, body, requestId } = input;
  await visibleUser(deps, actor, username);
  const wanted = await resolveGrants(deps.db, body.grants);
  const now = deps.clock.now();
  const user = await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, normaliseUsername(username), true);
    if (!user) throw notFoundUser(username);
    const current = await loadGrantRows(trx, [user.user_id]);
    const currentVersion = grantsVersionOf(current.map((g) => ({ role: g.role, agencyCode: g.code })));
    if (body.grantsVersion !== undefined && body.grantsVersion !== currentVersion) {
      throw fail('STAFF_GRANTS_STALE', {
        details: [{ path: 'body/grantsVersion', message: 'Danh sách vai trò đã thay đổi từ khi bạn mở.' }],
      });
    }
    const wantedKeys = new Set(wanted.map((r) => grantKey({ role: r.role, agencyCode: r.agency.code })));
    const currentKeys = new Set(current.map((g) => grantKey({ role: g.role, agencyCode: g.code })));
    const added = wanted.filter(
      (r) => !currentKeys.has(grantKey({ role: r.role, agencyCode: r.agency.code })),
    );
    const removed = current.filter((g) => !wantedKeys.has(grantKey({ role: g.role, agencyCode: g.code })));
    requireAdministrable(actor, [
      ...added,
      ...removed.map((g) => ({ role: g.role, agency: g, index: null })),
    ]);
    if (
      user.user_id === actor.userId &&
      current.some((g) => isAdminRole(g.role)) &&
      !wanted.some((r) => isAdminRole(r.role))
    ) {
      throw fail('STAFF_LAST_ADMIN_ROLE', {
        details: [
          {
            path: 'body/grants',
            message: 'Bạn phải giữ ít nhất một vai trò quản trị; hãy nhờ quản trị khác nếu cần thu hồi.',
          },
        ],
      });
    }
    if (added.length === 0 && removed.length === 0) return user;
    for (const g of removed) {
      await trx
        .deleteFrom('user_roles')
        .where('user_id', '=', user.user_id)
        .where('role', '=', g.role)
        .where('agency_id', '=', g.agency_id)
        .execute();
    }
    if (added.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(added.map((r) => ({ user_id: user.user_id, role: r.role, agency_id: r.agency.agency_id })))
        .execute();
    }
    await trx.updateTable('users').set({ updated_at: now }).where('user_id', '=', user.user_id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'user.grants-replaced',
        entityType: 'user',
        entityId: user.user_id,
        details: {
          username: user.username,
          added: added.map((r) => ({ role: r.role, agencyCode: r.agency.code })),
          removed: removed.map((g) => ({ role: g.role, agencyCode: g.code })),
        },
        requestId,
      },
      now,
    );
    return user;
  });
  return present(actor, user, await loadGrantRows(deps.db, [user.user_id]));
}

/** Deactivating also ends the account's sessions; its API tokens stop working while it is inactive. */
export async function setActive(
  deps: Deps,
  actor: Actor,
  input: { username: string; active: boolean; requestId: string },
): Promise<StaffView> {
  const { username, active, requestId } = input;
  await visibleUser(deps, actor, username);
  const now = deps.clock.now();
  const user = await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, normaliseUsername(username), true);
    if (!user) throw notFoundUser(username);
    if (user.user_id === actor.userId) {
      throw fail(active ? 'STAFF_SELF_ALREADY_ACTIVE' : 'STAFF_SELF_DEACTIVATION');
    }
    const grants = await loadGrantRows(trx, [user.user_id]);
    if (!canManageAccount(actor, user.user_id, grants.map(targetOf))) {
      throw fail('STAFF_ACCOUNT_OUT_OF_REACH');
    }
    if (user.active === active) return user;
    await trx
      .updateTable('users')
      .set({ active, updated_at: now })
      .where('user_id', '=', user.user_id)
      .execute();
    if (!active) await trx.deleteFrom('sessions').where('user_id', '=', user.user_id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: active ? 'user.activated' : 'user.deactivated',
        entityType: 'user',
        entityId: user.user_id,
        details: { username: user.username },
        requestId,
      },
      now,
    );
    return { ...user, active };
  });
  return present(actor, user, await loadGrantRows(deps.db, [user.user_id]));
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';

/** A temporary password: three groups of four (≈ 67 bits), e.g. "k7Pm-x3Qa-9tWc". */
export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * An administrator resets a staff member's password (#14): the one given or a temporary one, shown
 * once. Only an administrator whose administration holds every grant of the account (as for locking
 * it), never for their own account; checked again in the reset's transaction, on the locked row.
 * The person's sessions end and they must change it at the next sign-in; audited on the
 * administrator's chain without the password.
 */
export async function resetStaffPassword(
  deps: Deps,
  actor: Actor,
  input: { username: string; password?: string | undefined; requestId: string },
): Promise<{ staff: StaffView; temporaryPassword: string | null }> {
  const { user } = await visibleUser(deps, actor, input.username);
  if (user.user_id === actor.userId) throw fail('STAFF_SELF_PASSWORD_RESET');
  const generated = input.password === undefined ? temporaryPassword() : null;
  await resetPassword(deps, actor, {
    username: user.username,
    password: input.password ?? generated!,
    requestId: input.requestId,
    details: { temporary: generated !== null },
    check: async (trx, userId) => {
      const grants = await loadGrantRows(trx, [userId]);
      if (!canManageAccount(actor, userId, grants.map(targetOf))) throw fail('STAFF_RESET_OUT_OF_REACH');
    },
  });
  const fresh = await findUser(deps.db, user.username);
  return {
    staff: present(actor, fresh!, await loadGrantRows(deps.db, [user.user_id])),
    temporaryPassword: generated,
  };
}
