// Staff accounts imported the same way as dossiers (#17.4): a CSV of one account a row — username, full
// name and grants as ROLE@AGENCY_CODE (several in one quoted cell, separated by ';', ',' or '|') — judged in batches and written whole
// or not at all. Passwords are never imported: an imported account has none and cannot sign in until an
// administrator resets it, after which its owner chooses their own at the first sign-in (#14).
import { sql, type Transaction } from 'kysely';
import type { DB, ImportScopeGrant } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { ROLES, type Role } from '../../../common/auth/roles.ts';
import { grantReachesAgency } from '../org/index.ts';
import { normaliseUsername } from '../auth/index.ts';
import type { ImportLines } from './imports.service.ts';
import type { ImportResolver, RegistryAgency } from './import-resolve.ts';
import type { ReportLine } from './import-batch.ts';

const COLUMNS: Record<string, 'username' | 'fullName' | 'roles'> = {
  username: 'username',
  tendangnhap: 'username',
  fullname: 'fullName',
  hoten: 'fullName',
  roles: 'roles',
  vaitro: 'roles',
};
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** One line of CSV: fields split on `sep`, double quotes around a field with `""` for a quote. */
export function csvFields(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      out.push(field.trim());
      field = '';
    } else field += c;
  }
  out.push(field.trim());
  return out;
}

/**
 * The CSV's rows as JSON lines keyed by column, numbered by their line in the file; the header (the
 * first line, `,` or `;` separated, English or Vietnamese names) is not a record.
 */
export async function* staffCsvLines(lines: ImportLines): ImportLines {
  let header: ('username' | 'fullName' | 'roles' | null)[] | null = null;
  let sep = ',';
  for await (const [n, text] of lines) {
    if (text.trim() === '') continue;
    if (header === null) {
      sep = text.split(';').length > text.split(',').length ? ';' : ',';
      header = csvFields(text, sep).map((h) => COLUMNS[h.toLowerCase().replace(/[\s_]/g, '')] ?? null);
      continue;
    }
    const cells = csvFields(text, sep);
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== null) row[name] = cells[i] ?? '';
    });
    yield [n, JSON.stringify(row)];
  }
}

type StaffWrite = {
  line: number;
  username: string;
  fullName: string;
  grants: { role: Role; agency: RegistryAgency }[];
};

export type PlannedStaff = { report: ReportLine[]; writes: StaffWrite[]; unchanged: number };

/** A grant the import may give: as staff.policy.ts's canAdministerGrant, over the import's grants. */
function mayGive(scope: ImportScopeGrant[], role: Role, agency: RegistryAgency): boolean {
  const by = role === 'province-admin' ? ['province-admin'] : ['unit-admin', 'province-admin'];
  const target = { agencyPath: agency.path, unitPath: agency.unit_path };
  return scope.some((g) => by.includes(g.role) && grantReachesAgency(g, target));
}

async function judgeRow(
  ctx: { scope: ImportScopeGrant[]; resolver: ImportResolver },
  text: string,
): Promise<{ username: string | null; problems: string[]; write?: Omit<StaffWrite, 'line'> }> {
  const row = JSON.parse(text) as Record<string, string | undefined>;
  const problems: string[] = [];
  const username = normaliseUsername(row.username ?? '');
  if (!USERNAME.test(username))
    problems.push(
      'username: Tên đăng nhập gồm 2–63 chữ thường không dấu, số, dấu chấm, gạch (ví dụ nguyen.van.a).',
    );
  const fullName = (row.fullName ?? '').trim().normalize('NFC');
  if (fullName === '' || fullName.length > 200)
    problems.push('fullName: Họ tên là bắt buộc, tối đa 200 ký tự.');
  const grants: StaffWrite['grants'] = [];
  const given = (row.roles ?? '')
    .split(/[;,|]/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
  if (given.length === 0) problems.push('roles: Cần ít nhất một vai trò dạng VAI_TRO@MÃ_CƠ_QUAN.');
  for (const g of given) {
    const [role, code] = g.split('@').map((x) => x.trim());
    if (!(ROLES as readonly string[]).includes(role ?? '') || !code) {
      problems.push(`roles: “${g}” không đúng dạng VAI_TRO@MÃ_CƠ_QUAN (vai trò: ${ROLES.join(', ')}).`);
      continue;
    }
    const agency = await ctx.resolver.agency(code);
    if (!agency.ok) problems.push(`roles: ${agency.message}`);
    else if (!mayGive(ctx.scope, role as Role, agency.value.current))
      problems.push(
        `roles: không được giao vai trò ${role} tại ${agency.value.current.name} (ngoài phạm vi quản trị).`,
      );
    else if (!grants.some((x) => x.role === role && x.agency.agency_id === agency.value.current.agency_id))
      grants.push({ role: role as Role, agency: agency.value.current });
  }
  return problems.length > 0
    ? { username: username || null, problems }
    : { username, problems, write: { username, fullName, grants } };
}

export async function planStaffBatch(
  deps: Deps,
  ctx: { importId: string; scope: ImportScopeGrant[]; resolver: ImportResolver },
  lines: [number, string][],
): Promise<PlannedStaff> {
  const report: ReportLine[] = [];
  const candidates: StaffWrite[] = [];
  const seen = new Map<string, number>();
  for (const [line, text] of lines) {
    const judged = await judgeRow(ctx, text);
    if (judged.write === undefined) {
      report.push({ line, code: judged.username, outcome: 'refused', reason: judged.problems.join(' ') });
      continue;
    }
    const earlier = seen.get(judged.write.username);
    if (earlier !== undefined) {
      report.push({
        line,
        code: judged.username,
        outcome: 'refused',
        reason: `Tên đăng nhập trùng với dòng ${earlier} của tệp.`,
      });
      continue;
    }
    seen.set(judged.write.username, line);
    candidates.push({ line, ...judged.write });
  }
  const writes: StaffWrite[] = [];
  let unchanged = 0;
  if (candidates.length > 0) {
    const { rows } = await sql<{ username: string; full_name: string; grants: string[] | null }>`
      SELECT u.username, u.full_name,
        array_agg(r.role || '@' || r.agency_id) FILTER (WHERE r.role IS NOT NULL) AS grants
      FROM users u LEFT JOIN user_roles r ON r.user_id = u.user_id
      WHERE u.username IN (${sql.join(candidates.map((c) => c.username))})
      GROUP BY u.username, u.full_name`.execute(deps.db);
    const stored = new Map(rows.map((r) => [r.username, r]));
    for (const c of candidates) {
      const s = stored.get(c.username);
      const same =
        s !== undefined &&
        s.full_name === c.fullName &&
        JSON.stringify([...(s.grants ?? [])].sort()) ===
          JSON.stringify(c.grants.map((g) => `${g.role}@${g.agency.agency_id}`).sort());
      if (same) {
        unchanged++;
        report.push({
          line: c.line,
          code: c.username,
          outcome: 'accepted',
          reason: 'Đã có tài khoản này với đúng các vai trò này, không có gì thay đổi.',
        });
      } else if (s !== undefined) {
        report.push({
          line: c.line,
          code: c.username,
          outcome: 'refused',
          reason: `Tên đăng nhập ${c.username} đã có người dùng khác hoặc vai trò khác; không ghi đè.`,
        });
      } else {
        writes.push(c);
        report.push({ line: c.line, code: c.username, outcome: 'accepted' });
      }
    }
  }
  return { report: report.sort((a, b) => a.line - b.line), writes, unchanged };
}

/** The accepted accounts, without passwords: an administrator's reset opens each (#14). */
export async function writeStaffBatch(
  trx: Transaction<DB>,
  w: { writes: StaffWrite[]; now: Date },
): Promise<void> {
  if (w.writes.length === 0) return;
  const users = await trx
    .insertInto('users')
    .values(
      w.writes.map((x) => ({
        username: x.username,
        full_name: x.fullName,
        password_hash: null,
        must_change_password: true,
        created_at: w.now,
        updated_at: w.now,
      })),
    )
    .returning(['user_id', 'username'])
    .execute();
  const idOf = new Map(users.map((u) => [u.username, u.user_id]));
  await trx
    .insertInto('user_roles')
    .values(
      w.writes.flatMap((x) =>
        x.grants.map((g) => ({
          user_id: idOf.get(x.username)!,
          role: g.role,
          agency_id: g.agency.agency_id,
        })),
      ),
    )
    .execute();
}
