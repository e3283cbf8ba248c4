// Importing staff accounts from the list a province keeps (issue #17 "Moving in", item 4) — the one
// staff-import path: a CSV or XLSX with one row per role at an agency — username, full name, role,
// agency code — read by platform/table-file.ts. An account's rows are taken together: it is created
// with its roles, or an existing account gets the roles it lacks (never loses one), or it is left as it
// is; an account with any problem is refused whole, each problem named with its line. A code of an
// agency closed by a reorganisation (a legacy system's list from before it) gives the role at its one
// successor in force. Passwords are never imported: a new account has none (it cannot sign in) until
// an administrator resets it (a temporary password, to be changed at that first sign-in). A dry run
// (the default) writes nothing; the real run writes every account it accepts in one transaction, each
// with its audit entry, so running the same file twice changes nothing the second time.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { unstorableText } from '../../platform/http/storable-input.ts';
import { headerKey, tableReader } from '../../platform/table-file.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../common/auth/roles.ts';
import {
  STAFF_IMPORT_FILE_MAX_BYTES,
  STAFF_IMPORT_MAX_ROWS,
  type StaffImportItem,
  type StaffImportProblem,
  type StaffImportReport,
} from '../../../common/contracts/staff-import.ts';
import { Username } from '../../../common/contracts/staff.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { normaliseUsername } from '../auth/index.ts';
import { canAdministerGrant, canReadStaffAt, isAdminRole } from './staff.policy.ts';
import { loadGrantRows, type Executor } from './staff.repository.ts';
import { fail } from './staff.errors.ts';

type Column = 'username' | 'fullName' | 'role' | 'agencyCode';

const reader = tableReader<Column>({
  headers: {
    username: ['username', 'user name', 'login', 'ten dang nhap', 'tai khoan', 'ten tai khoan'],
    fullName: ['full name', 'fullname', 'name', 'ho ten', 'ho va ten', 'ho ten can bo', 'ten can bo'],
    role: ['role', 'vai tro', 'quyen', 'chuc nang'],
    agencyCode: [
      'agency code',
      'agencycode',
      'agency',
      'ma co quan',
      'ma don vi',
      'ma dinh danh',
      'ma dinh danh co quan',
      'ma dinh danh dien tu',
    ],
  },
  required: ['username', 'fullName', 'role', 'agencyCode'],
  requiredWords: {
    vi: '"Tên đăng nhập", "Họ và tên", "Vai trò" và "Mã cơ quan"',
    en: 'a "username", "full name", "role" and "agency code" column',
  },
  codePrefix: 'STAFF_IMPORT',
  maxRows: STAFF_IMPORT_MAX_ROWS,
  maxBytes: STAFF_IMPORT_FILE_MAX_BYTES,
  maxUnzippedBytes: 100 * 1024 * 1024,
});

/** A role as a person writes it: its key (`desk-officer`) or its Vietnamese or English label. */
const ROLE_OF = new Map<string, Role>(
  ROLES.flatMap((r) => [
    [headerKey(r), r],
    [headerKey(r.replace(/-/g, ' ')), r],
    [headerKey(ROLE_LABELS[r]), r],
  ]),
);
const USERNAME = new RegExp((Username as { pattern?: string }).pattern!);

type Row = {
  index: number;
  line: number;
  username: string;
  fullName: string;
  role: string;
  agencyCode: string;
};
type AgencyRef = { agency_id: string; code: string; name: string; path: string; unit_path: string };
/** What a code in the file names today: an agency in force (`named`: the closed one it succeeds), or why not. */
type FoundAgency =
  | { agency: AgencyRef; named: string | null }
  | { agency: null; why: 'unknown' | 'ended' | 'split'; successors: string[] };
type Account = {
  username: string;
  fullName: string;
  rows: Row[];
  problems: StaffImportProblem[];
  grants: { role: Role; agency: AgencyRef; named: string | null; line: number }[];
};

/** As the users table keeps it (full_name: 1–200 characters). */
const FULL_NAME_MAX = 200;
const CELLS = ['username', 'fullName', 'role', 'agencyCode'] as const;

const problem = (row: Row, field: string, code: string, words: { vi: string; en: string }) => ({
  path: `rows[${row.index}].${field}`,
  line: row.line,
  code,
  message: words.vi,
  en: words.en,
});

/**
 * The agencies the codes name, in force today (valid_to is the last day), by code. A code of an agency
 * that has ended is followed through agency_successions (a merger, then another) to the agency in force
 * that took over its work — as a dossier import maps its agencies — unless it has none or was split
 * between several.
 */
async function agenciesByCode(
  db: Executor,
  codes: string[],
  today: string,
): Promise<Map<string, FoundAgency>> {
  if (codes.length === 0) return new Map();
  const open = (a: string) =>
    sql<boolean>`(${sql.ref(`${a}.valid_to`)} IS NULL OR ${sql.ref(`${a}.valid_to`)} >= ${today}::date)`;
  const { rows } = await sql<AgencyRef & { named: string; depth: number; open: boolean }>`
    WITH RECURSIVE chain (named, agency_id, depth) AS (
      SELECT a.code, a.agency_id, 0 FROM agencies a WHERE a.code IN (${sql.join([...new Set(codes)])})
      UNION ALL
      SELECT c.named, s.successor_id, c.depth + 1
      FROM chain c JOIN agencies p ON p.agency_id = c.agency_id
      JOIN agency_successions s ON s.predecessor_id = c.agency_id
      WHERE NOT ${open('p')} AND c.depth < 8
    )
    SELECT DISTINCT c.named, c.depth, a.agency_id::text AS agency_id, a.code, a.name, a.path,
      u.path AS unit_path, ${open('a')} AS open
    FROM chain c JOIN agencies a ON a.agency_id = c.agency_id JOIN units u ON u.unit_id = a.unit_id`.execute(
    db,
  );
  const found = new Map<string, FoundAgency>();
  for (const code of new Set(codes)) {
    const chain = rows.filter((r) => r.named === code);
    const self = chain.find((r) => r.depth === 0);
    const ref = ({ agency_id, code, name, path, unit_path }: AgencyRef): AgencyRef => ({
      agency_id,
      code,
      name,
      path,
      unit_path,
    });
    if (self === undefined) found.set(code, { agency: null, why: 'unknown', successors: [] });
    else if (self.open) found.set(code, { agency: ref(self), named: null });
    else {
      const heirs = [...new Map(chain.filter((r) => r.open).map((r) => [r.agency_id, r])).values()];
      found.set(
        code,
        heirs.length === 1
          ? { agency: ref(heirs[0]!), named: code }
          : {
              agency: null,
              why: heirs.length === 0 ? 'ended' : 'split',
              successors: heirs.map((h) => h.code),
            },
      );
    }
  }
  return found;
}

/** A row's cells the database cannot store (NUL, half a surrogate pair): named, and nothing else checked. */
function unstorableCells(row: Row): StaffImportProblem[] {
  return CELLS.flatMap((field) => {
    const why = unstorableText(row[field]);
    return why === null
      ? []
      : [problem(row, field, 'STAFF_IMPORT_TEXT_UNSTORABLE', { vi: why, en: UNSTORABLE_EN })];
  });
}
const UNSTORABLE_EN = 'Holds a character that cannot be stored (NUL or half of a surrogate pair).';

/** Why a code names no agency to give a role at. */
function agencyProblem(row: Row, found: Extract<FoundAgency, { agency: null }>) {
  const code = row.agencyCode;
  if (found.why === 'split')
    return problem(row, 'agencyCode', 'STAFF_IMPORT_AGENCY_SPLIT', {
      vi: `Cơ quan mã "${code}" đã chấm dứt hoạt động và được chia cho nhiều cơ quan (${found.successors.join(', ')}): ghi mã cơ quan đang hoạt động.`,
      en: `The agency "${code}" has closed and was split between several agencies (${found.successors.join(', ')}): give the code of one in operation.`,
    });
  if (found.why === 'ended')
    return problem(row, 'agencyCode', 'STAFF_IMPORT_AGENCY_ENDED', {
      vi: `Cơ quan mã "${code}" đã chấm dứt hoạt động và không có cơ quan kế thừa đang hoạt động.`,
      en: `The agency "${code}" has closed and no agency in operation took over its work.`,
    });
  return problem(row, 'agencyCode', 'STAFF_IMPORT_AGENCY_UNKNOWN', {
    vi: `Không có cơ quan đang hoạt động mã "${code}".`,
    en: `No agency in operation has the code "${code}".`,
  });
}

/** Each account's rows checked: the username, one full name, known roles at agencies in force in reach. */
function checkAccount(actor: Actor, account: Account, agencies: Map<string, FoundAgency>): void {
  const seen = new Map<string, number>();
  for (const row of account.rows) {
    const unstorable = unstorableCells(row);
    if (unstorable.length > 0) {
      account.problems.push(...unstorable);
      continue;
    }
    account.problems.push(...nameProblems(row, account));
    const role = ROLE_OF.get(headerKey(row.role));
    if (!role)
      account.problems.push(
        problem(row, 'role', 'STAFF_IMPORT_ROLE_UNKNOWN', {
          vi: `Vai trò "${row.role}" không có; dùng một trong: ${ROLES.map((r) => ROLE_LABELS[r]).join('; ')}.`,
          en: `No role "${row.role}"; use one of: ${ROLES.join(', ')}.`,
        }),
      );
    const found = agencies.get(row.agencyCode) ?? { agency: null, why: 'unknown', successors: [] };
    if (found.agency === null) account.problems.push(agencyProblem(row, found));
    if (!role || found.agency === null) continue;
    const agency = found.agency;
    const key = `${role}@${agency.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      account.problems.push(
        problem(row, 'role', 'STAFF_IMPORT_DUPLICATE', {
          vi: `Vai trò này tại cơ quan này đã có ở dòng ${first}.`,
          en: `This role at this agency is already on line ${first}.`,
        }),
      );
      continue;
    }
    seen.set(key, row.line);
    if (!canAdministerGrant(actor, { role, agencyPath: agency.path, unitPath: agency.unit_path })) {
      account.problems.push(
        problem(row, 'agencyCode', 'STAFF_IMPORT_OUT_OF_REACH', {
          vi: `Bạn không được giao vai trò “${ROLE_LABELS[role]}” tại ${agency.name}.`,
          en: `You may not give the role "${role}" at ${agency.name}.`,
        }),
      );
      continue;
    }
    account.grants.push({ role, agency, named: found.named, line: row.line });
  }
}

/** The row's username and full name: of the users table's form, the same name on each of its rows. */
function nameProblems(row: Row, account: Account): StaffImportProblem[] {
  const out: StaffImportProblem[] = [];
  if (!USERNAME.test(account.username))
    out.push(
      problem(row, 'username', 'STAFF_IMPORT_USERNAME', {
        vi: `Tên đăng nhập "${row.username}" chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–63 ký tự).`,
        en: `Username "${row.username}" may hold only lowercase ASCII letters, digits, dot, dash and underscore (2–63 characters).`,
      }),
    );
  const name = row.fullName.normalize('NFC');
  if (name === '')
    out.push(
      problem(row, 'fullName', 'STAFF_IMPORT_NAME_MISSING', {
        vi: 'Thiếu họ và tên.',
        en: 'The full name is missing.',
      }),
    );
  else if (name !== account.fullName)
    out.push(
      problem(row, 'fullName', 'STAFF_IMPORT_NAME_DIFFERS', {
        vi: `Họ tên "${row.fullName}" khác với "${account.fullName}" ở dòng ${account.rows[0]!.line} của cùng tài khoản.`,
        en: `Full name "${row.fullName}" differs from "${account.fullName}" on line ${account.rows[0]!.line} for the same account.`,
      }),
    );
  else if ([...name].length > FULL_NAME_MAX)
    out.push(
      problem(row, 'fullName', 'STAFF_IMPORT_NAME_TOO_LONG', {
        vi: `Họ tên dài ${[...name].length} ký tự, tối đa ${FULL_NAME_MAX}.`,
        en: `The full name is ${[...name].length} characters long, at most ${FULL_NAME_MAX}.`,
      }),
    );
  return out;
}

/** What the run does to one account that passed its checks: create it, add roles, or nothing. */
async function planAccount(
  db: Executor,
  actor: Actor,
  account: Account,
): Promise<{ userId: string | null; added: Account['grants'] }> {
  const user = await db
    .selectFrom('users')
    .select(['user_id'])
    .where('username', '=', account.username)
    .executeTakeFirst();
  if (!user) return { userId: null, added: account.grants };
  const held = await loadGrantRows(db, [user.user_id]);
  const first = account.rows[0]!;
  if (!held.some((g) => canReadStaffAt(actor, { agencyPath: g.agency_path, unitPath: g.unit_path }))) {
    account.problems.push(
      problem(first, 'username', 'STAFF_IMPORT_USERNAME_TAKEN', {
        vi: `Tên đăng nhập ${account.username} đã có người dùng ngoài phạm vi của bạn; hãy chọn tên khác.`,
        en: `The username ${account.username} is taken outside your reach; choose another.`,
      }),
    );
    return { userId: String(user.user_id), added: [] };
  }
  const keys = new Set(held.map((g) => `${g.role}@${g.code}`));
  return {
    userId: String(user.user_id),
    added: account.grants.filter((g) => !keys.has(`${g.role}@${g.agency.code}`)),
  };
}

/** A role given, at the agency in force; `namedCode` when the file named the closed agency it succeeds. */
const grantView = (g: Account['grants'][number]): StaffImportItem['grantsAdded'][number] =>
  g.named === null
    ? { role: g.role, agencyCode: g.agency.code }
    : { role: g.role, agencyCode: g.agency.code, namedCode: g.named };

/** The file's accounts, in the order of their first row. */
function accountsOf(rows: Row[]): Account[] {
  const byName = new Map<string, Account>();
  for (const row of rows) {
    const username = normaliseUsername(row.username);
    let account = byName.get(username);
    if (!account) {
      account = { username, fullName: row.fullName.normalize('NFC'), rows: [], problems: [], grants: [] };
      byName.set(username, account);
    }
    account.rows.push(row);
  }
  return [...byName.values()];
}

/**
 * Reads the file and, as a dry run or for real, imports its accounts (see the head of this file).
 * A file that cannot be read at all is refused (400) with every problem named.
 */
export async function importStaff(
  deps: Deps,
  actor: Actor,
  input: { bytes: Uint8Array; dryRun: boolean; requestId: string },
): Promise<StaffImportReport> {
  if (!actor.grants.some((g) => isAdminRole(g.role))) throw fail('STAFF_IMPORT_FORBIDDEN');
  const read = await reader.any(input.bytes);
  if (!read.ok)
    throw fail('STAFF_IMPORT_INVALID', {
      params: { count: read.problems.length },
      details: read.problems.map((p) => ({ path: p.path, message: p.message })),
    });
  const rows = read.rows.map((r, index) => ({ index, line: r.line, ...r.cells }));
  const now = deps.clock.now();
  const run = async (db: Executor, trx: Transaction<DB> | null) => {
    const accounts = accountsOf(rows);
    const agencies = await agenciesByCode(
      db,
      rows.map((r) => r.agencyCode).filter((c) => c !== '' && unstorableText(c) === null),
      vnDate(now),
    );
    const items: StaffImportItem[] = [];
    for (const account of accounts) {
      checkAccount(actor, account, agencies);
      const plan = account.problems.length === 0 ? await planAccount(db, actor, account) : null;
      const refused = account.problems.length > 0 || plan === null;
      const outcome = refused
        ? 'refused'
        : plan.userId === null
          ? 'create'
          : plan.added.length > 0
            ? 'add-grants'
            : 'unchanged';
      items.push({
        lines: account.rows.map((r) => r.line),
        username: account.username,
        fullName: account.fullName,
        outcome,
        grantsAdded: refused ? [] : plan.added.map(grantView),
        problems: account.problems,
      });
      if (trx && !refused && outcome !== 'unchanged') {
        await writeAccount(trx, actor, { account, plan, requestId: input.requestId, now });
      }
    }
    return items;
  };
  const items = input.dryRun
    ? await run(deps.db, null)
    : await deps.db.transaction().execute((trx) => run(trx, trx));
  const count = (o: StaffImportItem['outcome']) => items.filter((i) => i.outcome === o).length;
  return {
    dryRun: input.dryRun,
    rows: rows.length,
    created: count('create'),
    grantsAdded: count('add-grants'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    items,
  };
}

/** Creates the account (no password, to be reset before its first sign-in) or adds its new roles. */
async function writeAccount(
  db: Transaction<DB>,
  actor: Actor,
  input: {
    account: Account;
    plan: { userId: string | null; added: Account['grants'] };
    requestId: string;
    now: Date;
  },
): Promise<void> {
  const { account, plan, requestId, now } = input;
  let userId = plan.userId;
  if (userId === null) {
    const inserted = await db
      .insertInto('users')
      .values({
        username: account.username,
        full_name: account.fullName,
        password_hash: null,
        must_change_password: true,
        created_at: now,
        updated_at: now,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    userId = String(inserted.user_id);
  } else {
    await db.updateTable('users').set({ updated_at: now }).where('user_id', '=', userId).execute();
  }
  await db
    .insertInto('user_roles')
    .values(plan.added.map((g) => ({ user_id: userId, role: g.role, agency_id: g.agency.agency_id })))
    .execute();
  const grants = plan.added.map(grantView);
  await appendAudit(
    db,
    actor,
    {
      action: plan.userId === null ? 'user.created' : 'user.grants-replaced',
      entityType: 'user',
      entityId: userId,
      details:
        plan.userId === null
          ? { username: account.username, grants, source: 'import', passwordSet: false }
          : { username: account.username, added: grants, removed: [], source: 'import' },
      requestId,
    },
    now,
  );
}
