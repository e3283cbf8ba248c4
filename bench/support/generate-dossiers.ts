// Realistic dossiers in bulk for the worklist and report benches (bench/worklist.ts, bench/reports.ts)
// and their test: a handful of real dossiers are first taken through the API on a manual clock (the
// templates: each status a dossier of the chosen procedures sits in), at Phường Hoàn Kiếm for a ward's
// procedures and at Sở Tư pháp Hà Nội (received by the province's public administration centre) for a
// department's, then cloned in PostgreSQL with INSERT … SELECT generate_series across every agency of
// the demo provinces that offers the procedure (a department's received at its province's centre):
// Vietnamese names and ID numbers, submission dates over the span (12 months by default; the open ones
// recent, the closed ones spread over it), every date of the row, its state and its actions moved
// together, the handlers the agencies' own officers (created here where the demo has none). Two mixes
// of statuses: a normal day's worklists (issue 14), or a deployment's steady history (the reports:
// 3 % open, late results, withdrawals, portal acknowledgements, ratings). Codes stay unique (agency,
// day, sequence from 101) and the code counters move past them, so a dossier received afterwards takes
// the next number.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { buildApp } from '../../server/app.ts';
import type { Deps } from '../../server/deps.ts';
import type { DB } from '../../server/db/schema.ts';
import type { Selectable } from 'kysely';
import { foldVietnamese } from '../../common/text/fold.ts';
import { vnDate } from '../../common/time/vn-time.ts';
import { initialDossierState } from '../../common/dossiers/model.ts';
import { DOSSIER_STATUSES } from '../../common/dossiers/statuses.ts';
import { rebuildReportCounts } from '../../server/modules/reports/index.ts';
import { setReportTriggers } from './report-triggers.ts';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { funeralSupportAtCounter } from '../../server/test/fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Step = 'receive' | 'forward' | 'supplement' | 'to-leader' | 'approve' | 'return' | 'withdraw';
/** A template: where its dossier stops, how many of each 1,000 generated dossiers, how old they are. */
type Path = {
  name: string;
  steps: Step[];
  online?: true;
  perMille: number;
  /** Age of the submission in days: from, to (uniform); `null`: the generation's span. */
  ageDays: [number, number | null];
  /** Calendar days the leader takes before approving: a result past its due time. */
  lateDays?: number;
};

/** The statuses of a normal day's worklists (issue 14): a quarter of the dossiers open. */
const WORKLIST_PATHS: Path[] = [
  { name: 'submitted online', steps: [], online: true, perMille: 40, ageDays: [0, 3] },
  { name: 'received', steps: ['receive'], perMille: 30, ageDays: [0, 2] },
  { name: 'processing', steps: ['receive', 'forward'], perMille: 80, ageDays: [0, 8] },
  { name: 'awaiting supplement', steps: ['supplement'], perMille: 40, ageDays: [0, 30] },
  { name: 'at the leader', steps: ['receive', 'forward', 'to-leader'], perMille: 30, ageDays: [0, 6] },
  {
    name: 'result ready',
    steps: ['receive', 'forward', 'to-leader', 'approve'],
    perMille: 40,
    ageDays: [1, 12],
  },
  {
    name: 'returned',
    steps: ['receive', 'forward', 'to-leader', 'approve', 'return'],
    perMille: 740,
    ageDays: [3, null],
  },
];

/**
 * A deployment's history at a steady flow (the reports' data): the open dossiers about as many as the
 * days each stage lasts times a day's intake (3 % of all over two years), 5 % of the results past their
 * due time, 1 % withdrawn at the applicant's request, the rest returned on time.
 */
const HISTORY_PATHS: Path[] = [
  { name: 'submitted online', steps: [], online: true, perMille: 4, ageDays: [0, 3] },
  { name: 'received', steps: ['receive'], perMille: 3, ageDays: [0, 2] },
  { name: 'processing', steps: ['receive', 'forward'], perMille: 8, ageDays: [0, 8] },
  { name: 'awaiting supplement', steps: ['supplement'], perMille: 4, ageDays: [0, 30] },
  { name: 'at the leader', steps: ['receive', 'forward', 'to-leader'], perMille: 5, ageDays: [0, 6] },
  {
    name: 'result ready',
    steps: ['receive', 'forward', 'to-leader', 'approve'],
    perMille: 10,
    ageDays: [1, 12],
  },
  { name: 'withdrawn', steps: ['receive', 'withdraw'], perMille: 10, ageDays: [1, null] },
  {
    name: 'returned late',
    steps: ['receive', 'forward', 'to-leader', 'approve', 'return'],
    perMille: 50,
    ageDays: [25, null],
    lateDays: 15,
  },
  {
    name: 'returned',
    steps: ['receive', 'forward', 'to-leader', 'approve', 'return'],
    perMille: 906,
    ageDays: [3, null],
  },
];

/**
 * Who takes a template through the API: at Phường Hoàn Kiếm (a ward's people's committee receives
 * and decides), or for Sở Tư pháp Hà Nội, received at the province's public administration centre
 * (its desk receives and returns, the department's specialist and leader decide); the clones go to
 * every agency offering the procedure, a department's received at its province's centre.
 */
type Site = { department: boolean; desk: string; specialist: string; leader: string };
const WARD: Site = {
  department: false,
  desk: 'desk.hang-trong',
  specialist: 'specialist.hang-trong',
  leader: 'leader.hang-trong',
};
const DEPARTMENT: Site = {
  department: true,
  desk: 'desk.ttpvhcc-ha-noi',
  specialist: 'specialist.stp-ha-noi',
  leader: 'leader.stp-ha-noi',
};
type ProcedureShare = { code: string; share: number; site: Site };

const WORKLIST_PROCEDURES: ProcedureShare[] = [
  { code: '1.001193', share: 0.7, site: WARD },
  { code: '1.001731', share: 0.3, site: WARD },
];
/** The reports' mix: a department's procedure (Đăng ký hoạt động của tổ chức hành nghề luật sư) too. */
const HISTORY_PROCEDURES: ProcedureShare[] = [
  { code: '1.001193', share: 0.68, site: WARD },
  { code: '1.001731', share: 0.29, site: WARD },
  { code: '1.002010', share: 0.03, site: DEPARTMENT },
];

// Names as the civil registers have them: family names by frequency, middle and given names.
const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Gia', 'Xuân', 'Hoài'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khang',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Ngân',
  'Nhung',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Việt',
  'Yến',
];
const STREETS = [
  'Hàng Trống',
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Phan Chu Trinh',
  'Quang Trung',
  'Điện Biên Phủ',
  'Võ Thị Sáu',
];
// Province codes of the ID number (CCCD: Circular 59/2021/TT-BCA, Annex I) of the demo provinces on the
// two-level map: 001 Hà Nội, 048 Đà Nẵng (which Quảng Nam joined), 079 TP Hồ Chí Minh (cloneChunk below).

export type GenerateOptions = {
  count: number;
  /** The generation's "now": dossiers are submitted in the `spanDays` before it. */
  now: Date;
  seed?: number;
  /** Days the submissions spread over (the returned and withdrawn ones; the open ones are recent): 365 by default. */
  spanDays?: number;
  /**
   * `worklist` (default): the statuses of a normal day's worklists, a quarter of the dossiers open
   * (issue 14). `history`: a deployment's history at a steady flow (the reports, issue "Steering by
   * figures"): 3 % open, results late and withdrawals, a department's dossiers received at its
   * province's public administration centre, the national portal's acknowledgements (95 % of the
   * received) and the applicants' ratings (30 % of the returned).
   */
  mix?: 'worklist' | 'history';
  /**
   * For millions of rows: the report-count triggers off and the secondary indexes of the written
   * tables dropped while cloning; then the indexes built (as CREATE INDEX builds them: compact) and the
   * counts recounted with rebuildReportCounts (the CLI's reports:rebuild).
   */
  bulk?: boolean;
  /** Progress lines (none when omitted). */
  log?: (line: string) => void;
};

export type GenerateResult = {
  dossiers: number;
  /** The whole generation, seconds. */
  seconds: number;
  /** With `bulk`: building the dropped indexes, and recounting report_days/report_months, seconds. */
  indexSeconds?: number;
  rebuild?: { seconds: number; days: number; months: number; changed: number };
};

type Template = {
  path: Path;
  procedure: string;
  dossierId: string;
  submittedAt: Date;
};

/** The first Monday 09:00 in Vietnam at least `days` days before `now`. */
function mondayBefore(now: Date, days: number): Date {
  const t = new Date(now.getTime() - days * DAY);
  const vn = new Date(t.getTime() + 7 * HOUR);
  const back = (vn.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate() - back, 2, 0, 0));
}

async function login(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'demo' },
  });
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `motcua_session=${cookie.value}`;
}

/** The intake's body for a template of `procedure` at `agencyCode`. */
function templateBody(procedure: string, agencyCode: string) {
  if (procedure === '1.001193')
    return {
      procedureCode: procedure,
      agencyCode,
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Văn An',
        idNumber: '001093012345',
        phone: '0912345678',
        address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
      },
      formData: VALID_BIRTH_DECLARATION,
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP3', provided: 'original' },
      ],
      channel: 'direct',
    };
  if (procedure === '1.001731') return funeralSupportAtCounter(agencyCode);
  // A department's procedure: the catalogue's generic declaration form (common/catalog/forms.ts).
  return {
    ...funeralSupportAtCounter(agencyCode),
    procedureCode: procedure,
    formData: {
      kinhGui: 'Sở Tư pháp',
      nguoiYeuCau: {
        hoTen: 'Nguyễn Thị Hường',
        soDinhDanh: '001190012345',
        noiCuTru: 'Số 12 phố Hàng Trống',
      },
      noiDungYeuCau: 'Đề nghị đăng ký hoạt động Văn phòng luật sư Hường và cộng sự',
      hinhThucNhanKetQua: 'Nhận trực tiếp',
      camDoan: true,
    },
  };
}

/**
 * The templates, through the API on the manual clock `clock`: a ward's procedures at Phường Hoàn Kiếm
 * (desk.hang-trong's ward), a department's at Sở Tư pháp Hà Nội (received by desk.ttpvhcc-ha-noi).
 */
async function makeTemplates(
  deps: Deps,
  clock: { set: (d: Date) => void; advance: (ms: number) => void },
  t0: Date,
  procedures: ProcedureShare[],
  paths: Path[],
): Promise<Template[]> {
  const db = deps.db;
  const app = await buildApp(deps);
  try {
    const ward = await db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select(['a.agency_id', 'a.code'])
      .where('u.code', '=', '00070')
      .where('u.valid_to', 'is', null)
      .where('a.kind', '=', 'people-committee')
      .executeTakeFirstOrThrow();
    /** The Hà Nội agency other than a people's committee that offers `procedure`. */
    const department = async (procedure: string) =>
      (
        await db
          .selectFrom('procedure_offerings as o')
          .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
          .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
          .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
          .select('a.code')
          .where('p.code', '=', procedure)
          .where('u.code', '=', '01')
          .where('a.kind', '<>', 'people-committee')
          .executeTakeFirstOrThrow()
      ).code;
    const userIdOf = async (u: string) =>
      (await db.selectFrom('users').select('user_id').where('username', '=', u).executeTakeFirstOrThrow())
        .user_id;
    const templates: Template[] = [];
    for (const proc of procedures) {
      const { desk, specialist, leader } = proc.site;
      const agencyCode = proc.site.department ? await department(proc.code) : ward.code;
      for (const path of paths) {
        clock.set(t0);
        const sessions = new Map<string, string>();
        const as = async (u: string) => {
          if (!sessions.has(u)) sessions.set(u, await login(app, u));
          return sessions.get(u)!;
        };
        const body = templateBody(proc.code, agencyCode);
        let code: string;
        if (path.online || path.steps[0] === 'supplement') {
          // Received (then reshaped below into a submission nobody has acted on), or handed in
          // without its first paper: the desk's supplement request.
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/dossiers',
            headers: { cookie: await as(desk), 'sec-fetch-site': 'same-origin' },
            payload: path.online ? body : { ...body, components: body.components.slice(1) },
          });
          if (res.statusCode !== (path.online ? 201 : 422))
            throw new Error(`template ${path.name}: ${res.statusCode} ${res.body}`);
          const j = res.json<{ code?: string; error?: { dossierCode: string } }>();
          code = j.code ?? j.error!.dossierCode;
        } else {
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/dossiers',
            headers: { cookie: await as(desk), 'sec-fetch-site': 'same-origin' },
            payload: body,
          });
          if (res.statusCode !== 201) throw new Error(`template ${path.name}: ${res.statusCode} ${res.body}`);
          code = res.json<{ code: string }>().code;
        }
        const act = async (user: string, action: string, input: Record<string, unknown> = {}) => {
          clock.advance(2 * HOUR);
          const cookie = await as(user);
          const view = await app.inject({
            method: 'GET',
            url: `/api/v1/dossiers/${code}`,
            headers: { cookie },
          });
          const res = await app.inject({
            method: 'POST',
            url: `/api/v1/dossiers/${code}/actions/${action}`,
            headers: {
              cookie,
              'sec-fetch-site': 'same-origin',
              'if-match': String(view.json<{ version: number }>().version),
            },
            payload: input,
          });
          if (res.statusCode !== 200)
            throw new Error(`template ${path.name}, ${action}: ${res.statusCode} ${res.body}`);
        };
        const offered = async (user: string) =>
          (
            await app.inject({
              method: 'GET',
              url: `/api/v1/dossiers/${code}/actions`,
              headers: { cookie: await as(user) },
            })
          ).json<{ items: { kind: string; inputs: { properties?: Record<string, unknown> } }[] }>().items;
        const forward = async (user: string, next: string) => {
          const items = await offered(user);
          if (items.some((a) => a.kind === 'claim')) await act(user, 'claim');
          const fwd = items.find((a) => a.kind === 'forward');
          if (!fwd)
            throw new Error(
              `template ${path.name}: ${user} cannot forward (${items.map((a) => a.kind).join(', ')})`,
            );
          await act(
            user,
            'forward',
            fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties
              ? { nextAssigneeId: await userIdOf(next) }
              : {},
          );
        };
        for (const step of path.steps) {
          if (step === 'receive' || step === 'supplement') continue;
          if (step === 'forward') await forward(desk, specialist);
          if (step === 'to-leader') await forward(specialist, leader);
          if (step === 'withdraw')
            await act(desk, 'withdraw', { reason: 'Người nộp hồ sơ đề nghị rút hồ sơ.' });
          if (step === 'approve') {
            // A result past its due time: the leader takes days over it.
            if (path.lateDays) {
              clock.advance(path.lateDays * DAY);
              sessions.clear(); // signed in again: a session does not last that long
            }
            const items = await offered(leader);
            const approve = items.find((a) => a.kind === 'approve');
            if (!approve)
              throw new Error(`template ${path.name}: no approve (${items.map((a) => a.kind).join(', ')})`);
            await act(leader, 'approve', {
              ...approveInput(approve.inputs),
              // The result's signing date (the approval's day, the demo clock's) and signer; its number is
              // the agency's result register's next (a number is given once a year per agency, #19).
              resultDate: vnDate(deps.clock.now()),
              signer: 'Trần Văn Lãnh đạo',
              resultDocuments: [
                {
                  name:
                    proc.code === '1.001193'
                      ? 'Giấy khai sinh (bản chính)'
                      : proc.code === '1.001731'
                        ? 'Quyết định hỗ trợ chi phí mai táng'
                        : 'Giấy đăng ký hoạt động',
                },
              ],
            });
          }
          if (step === 'return') {
            const items = await offered(desk);
            const ret = items.find((a) => a.kind === 'return-result');
            if (!ret)
              throw new Error(`template ${path.name}: no return (${items.map((a) => a.kind).join(', ')})`);
            await act(desk, 'return-result', {
              ...approveInput(ret.inputs),
              channel: 'counter',
              recipientName: 'Nguyễn Văn An',
            });
          }
        }
        const row = await db
          .selectFrom('dossiers')
          .select(['dossier_id', 'submitted_at', 'workflow'])
          .where('code', '=', code)
          .executeTakeFirstOrThrow();
        if (path.online) await reshapeAsSubmitted(db, row.dossier_id, row.workflow as { steps: never });
        templates.push({
          path,
          procedure: proc.code,
          dossierId: row.dossier_id,
          submittedAt: new Date(row.submitted_at),
        });
      }
    }
    return templates;
  } finally {
    await app.close();
  }
}

/** The inputs an action's form requires, filled as an officer would (first choice, a short text). */
function approveInput(schema: {
  properties?: Record<string, unknown>;
  required?: string[];
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of (schema as { required?: string[] }).required ?? []) {
    const p = (schema.properties ?? {})[key] as
      | { type?: string; enum?: unknown[]; oneOf?: { const: unknown }[]; minLength?: number; format?: string }
      | undefined;
    if (!p) continue;
    if (p.enum) out[key] = p.enum[0];
    else if (p.oneOf) out[key] = p.oneOf[0]!.const;
    else if (p.type === 'boolean') out[key] = true;
    else if (p.type === 'integer' || p.type === 'number') out[key] = 1;
    else if (p.type === 'array') out[key] = [];
    else out[key] = 'Giấy khai sinh';
  }
  return out;
}

/** An online submission nobody has acted on yet, as online-submission.service.ts writes it. */
async function reshapeAsSubmitted(db: Kysely<DB>, dossierId: string, workflow: { steps: never }) {
  const state = initialDossierState({ steps: workflow.steps });
  await db.deleteFrom('dossier_actions').where('dossier_id', '=', dossierId).execute();
  await db
    .updateTable('dossiers')
    .set({
      channel: 'online',
      status: state.status,
      version: 0,
      state: JSON.stringify(state),
      assignee_user_id: null,
      received_at: null,
      due_at: null,
      calendar_version: null,
      created_by: null,
    })
    .where('dossier_id', '=', dossierId)
    .execute();
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
type Leaf = { path: string[]; value: string };

function leaves(value: unknown, path: string[] = [], out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, String(i)], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  return out;
}

const pathLiteral = (path: string[]) => `'{${path.map((p) => `"${p.replace(/["\\']/g, '')}"`).join(',')}}'`;

/**
 * SQL of `json` (a parameter) with every instant moved by the clone's shift (`shiftSql`, seconds) and
 * every handler of the template (`roleOfUser`: template user id → role) replaced by the clone's officer
 * of the same role (staffRef).
 */
function patchedJson(
  param: RawBuilder<unknown>,
  json: unknown,
  base: Date,
  shiftSql: string,
  roleOfUser: Map<string, string>,
): RawBuilder<unknown> {
  let expr: RawBuilder<unknown> = sql`${param}::jsonb`;
  for (const leaf of leaves(json)) {
    if (ISO.test(leaf.value)) {
      const offset = (new Date(leaf.value).getTime() - base.getTime()) / 1000;
      expr = sql`jsonb_set(${expr}, ${sql.raw(pathLiteral(leaf.path))}, to_jsonb(${sql.raw(
        `to_char((t0 + (${shiftSql} + ${offset}) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      )}))`;
    } else if (
      roleOfUser.has(leaf.value) &&
      /(assigneeId|nextAssigneeId|^id|stepAssignees|approve|process)$/.test(leaf.path.at(-1)!)
    ) {
      expr = sql`jsonb_set(${expr}, ${sql.raw(pathLiteral(leaf.path))}, to_jsonb(${sql.raw(staffRef(roleOfUser.get(leaf.value)!, 'id'))}::text))`;
    }
  }
  return expr;
}

const col = (role: string) => role.replace('desk-officer', 'desk');
/**
 * The clone's officer of `role`: the desk officer of the receiving agency (`s`), the specialist and
 * leader of the competent one (`sc`; the same agency for a ward's procedure).
 */
const staffRef = (role: string, what: 'id' | 'label') =>
  `${role === 'desk-officer' ? 's' : 'sc'}.${col(role)}_${what}`;

/** The tables a generation writes to in bulk: their indexes other than constraints' are dropped meanwhile. */
const BULK_TABLES = [
  'dossiers',
  'dossier_actions',
  'dossier_agencies',
  'portal_sync_state',
  'dossier_ratings',
];

/** The clone's dossiers: Vietnamese applicants, dates, codes; `n` rows from global index `lo`. */
export async function generateDossiers(deps: Deps, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const db = deps.db;
  const seed = options.seed ?? 1;
  const spanDays = options.spanDays ?? 365;
  const history = options.mix === 'history';
  const paths = history ? HISTORY_PATHS : WORKLIST_PATHS;
  const procedures = history ? HISTORY_PROCEDURES : WORKLIST_PROCEDURES;
  const t0 = mondayBefore(options.now, 14);
  const manual = { at: t0 };
  const clock = {
    now: () => new Date(manual.at),
    set: (d: Date) => (manual.at = new Date(d)),
    advance: (ms: number) => (manual.at = new Date(manual.at.getTime() + ms)),
  };
  const templates = await makeTemplates({ ...deps, clock }, clock, t0, procedures, paths);
  log(`${templates.length} templates received through the API`);

  // The agencies each procedure's dossiers go to: every people's committee offering a ward's
  // procedure; for a department's, the public administration centre of the department's province
  // receives (agency_id) and the department decides (competent_id).
  await sql`DROP TABLE IF EXISTS gen_agencies, gen_staff`.execute(db);
  await sql`CREATE TABLE gen_agencies AS
    SELECT p.code AS procedure_code, coalesce(c.agency_id, a.agency_id) AS agency_id, coalesce(c.code, a.code) AS code,
           a.agency_id AS competent_id, a.code AS competent_code,
           u.code AS unit_code, split_part(u.path, '/', 2) AS province,
           (row_number() OVER (PARTITION BY p.code ORDER BY a.code) - 1)::int AS n
      FROM procedure_offerings o JOIN procedures p ON p.procedure_id = o.procedure_id
      JOIN agencies a ON a.agency_id = o.agency_id JOIN units u ON u.unit_id = a.unit_id
      LEFT JOIN agencies c ON c.unit_id = a.unit_id AND c.kind = 'public-administration-centre' AND a.kind <> 'people-committee'
     WHERE p.code IN (${sql.join(procedures.map((p) => p.code))})
       AND ((a.kind = 'people-committee' AND p.code IN (${sql.join(procedures.filter((p) => !p.site.department).map((p) => p.code))}))
         OR (c.agency_id IS NOT NULL AND p.code IN (${sql.join(['', ...procedures.filter((p) => p.site.department).map((p) => p.code)])})))`.execute(
    db,
  );
  // The officers of every agency the clones go to: the demo's where it has them, else one desk
  // officer, specialist and leader per agency (the demo password's hash).
  const demoHash = (
    await db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'desk.hang-trong')
      .executeTakeFirstOrThrow()
  ).password_hash;
  const everyAgency = sql`(SELECT agency_id FROM gen_agencies UNION SELECT competent_id FROM gen_agencies)`;
  for (const role of ['desk-officer', 'specialist', 'leader']) {
    await sql`INSERT INTO users (username, full_name, password_hash)
      SELECT DISTINCT ${'bench.' + col(role) + '.'} || g.agency_id, ${ROLE_NAME[role]!} || ' ' || a.name, ${demoHash}::text
        FROM ${everyAgency} g JOIN agencies a ON a.agency_id = g.agency_id
       WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.agency_id = g.agency_id AND r.role = ${role})
      ON CONFLICT (username) DO NOTHING`.execute(db);
    await sql`INSERT INTO user_roles (user_id, role, agency_id)
      SELECT u.user_id, ${role}, split_part(u.username, '.', 3)::bigint FROM users u
       WHERE u.username LIKE ${'bench.' + col(role) + '.%'}
      ON CONFLICT DO NOTHING`.execute(db);
  }
  await sql`CREATE TABLE gen_staff AS
    SELECT g.agency_id,
      (SELECT min(r.user_id) FROM user_roles r WHERE r.agency_id = g.agency_id AND r.role = 'desk-officer') AS desk_id,
      (SELECT min(r.user_id) FROM user_roles r WHERE r.agency_id = g.agency_id AND r.role = 'specialist') AS specialist_id,
      (SELECT min(r.user_id) FROM user_roles r WHERE r.agency_id = g.agency_id AND r.role = 'leader') AS leader_id
    FROM ${everyAgency} g`.execute(db);
  await sql`ALTER TABLE gen_staff ADD COLUMN desk_label text, ADD COLUMN specialist_label text, ADD COLUMN leader_label text`.execute(
    db,
  );
  await sql`UPDATE gen_staff s SET
    desk_label = (SELECT username FROM users WHERE user_id = s.desk_id),
    specialist_label = (SELECT username FROM users WHERE user_id = s.specialist_id),
    leader_label = (SELECT username FROM users WHERE user_id = s.leader_id)`.execute(db);

  const siteUsers = [...new Set(procedures.flatMap((p) => [p.site.desk, p.site.specialist, p.site.leader]))];
  const demoUsers = await db
    .selectFrom('users')
    .select(['user_id', 'username'])
    .where('username', 'in', siteUsers)
    .execute();
  const roleOfUser = new Map(
    demoUsers.map((u) => [
      u.user_id,
      u.username.startsWith('desk') ? 'desk-officer' : u.username.split('.')[0]!,
    ]),
  );

  const names = {
    family: FAMILY,
    familyFolded: FAMILY.map(foldVietnamese),
    middle: MIDDLE,
    middleFolded: MIDDLE.map(foldVietnamese),
    given: GIVEN,
    givenFolded: GIVEN.map(foldVietnamese),
  };

  const dropped: { name: string; def: string }[] = [];
  if (options.bulk) {
    await setReportTriggers(db, false);
    const { rows } = await sql<{ name: string; def: string }>`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(BULK_TABLES)})
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
       ORDER BY i.tablename, i.indexname`.execute(db);
    for (const r of rows) await sql.raw(`DROP INDEX ${r.name}`).execute(db);
    dropped.push(...rows);
    log(`report triggers off, ${rows.length} indexes dropped until the rows are in`);
  }
  const nowS = options.now.getTime() / 1000;
  let total = 0;
  const CHUNK = 20_000;
  for (const proc of procedures) {
    const agencies = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM gen_agencies WHERE procedure_code = ${proc.code}`.execute(db)
      ).rows[0]!.n,
    );
    if (agencies === 0) throw new Error(`no agency offers ${proc.code}`);
    const procCount = Math.round(options.count * proc.share);
    let lo = 0;
    for (const [ti, path] of paths.entries()) {
      const t = templates.find((x) => x.procedure === proc.code && x.path === path)!;
      const n = ti === paths.length - 1 ? procCount - lo : Math.round((procCount * path.perMille) / 1000);
      const row = await db
        .selectFrom('dossiers')
        .selectAll()
        .where('dossier_id', '=', t.dossierId)
        .executeTakeFirstOrThrow();
      const actions = await db
        .selectFrom('dossier_actions')
        .selectAll()
        .where('dossier_id', '=', t.dossierId)
        .orderBy('version')
        .execute();
      const agencyIds = (
        await db
          .selectFrom('dossier_agencies')
          .select('agency_id')
          .where('dossier_id', '=', t.dossierId)
          .orderBy('agency_id')
          .execute()
      ).map((r) => r.agency_id);
      const base = new Date(row.submitted_at);
      for (let from = lo; from < lo + n; from += CHUNK) {
        const to = Math.min(lo + n, from + CHUNK) - 1;
        await cloneChunk(db, {
          proc: proc.code,
          agencies,
          from,
          to,
          seed,
          nowS,
          spanDays,
          path,
          row,
          actions,
          agencyIds,
          base,
          roleOfUser,
          names,
        });
        total += to - from + 1;
        log(`${total} dossiers`);
      }
      lo += n;
    }
  }
  if (history) {
    // The national portal's acknowledgement of the received (95 %), minutes after the last change.
    const codes = Object.entries(DOSSIER_STATUSES).map(([k, v]) => sql`WHEN ${k} THEN ${v.code}::int`);
    await sql`INSERT INTO portal_sync_state (dossier_code, agency_id, latest_outbox_id, latest_status_code, changed_at,
        acked_outbox_id, acked_status_code, acked_at)
      SELECT d.code, d.receiving_agency_id, d.dossier_id, CASE d.status ${sql.join(codes, sql` `)} END, d.updated_at,
        x.acked_id, CASE WHEN x.acked_id IS NOT NULL THEN CASE d.status ${sql.join(codes, sql` `)} END END,
        CASE WHEN x.acked_id IS NOT NULL THEN LEAST(d.updated_at + interval '3 minutes', to_timestamp(${nowS})) END
      FROM dossiers d
      CROSS JOIN LATERAL (SELECT CASE WHEN (hashint8(d.dossier_id + ${seed})::bigint + 2147483648) % 100 < 95 THEN d.dossier_id END AS acked_id) x
      WHERE d.received_at IS NOT NULL
      ON CONFLICT (dossier_code) DO NOTHING`.execute(db);
    // The applicants' ratings at the counter (30 % of the returned): 65 % very satisfied, 30 % satisfied.
    await sql`INSERT INTO dossier_ratings (dossier_id, level, channel, recorded_by_user_id, rated_at)
      SELECT d.dossier_id,
        CASE WHEN h % 100 < 65 THEN 'very-satisfied' WHEN h % 100 < 95 THEN 'satisfied' ELSE 'unsatisfied' END,
        'counter', s.desk_id, LEAST(d.returned_at + interval '10 minutes', to_timestamp(${nowS}))
      FROM (SELECT dossier_id, receiving_agency_id, returned_at,
              (hashint8(dossier_id * 7 + ${seed})::bigint + 2147483648) AS h
            FROM dossiers WHERE status = 'returned') d
      JOIN gen_staff s ON s.agency_id = d.receiving_agency_id
      WHERE (d.h / 100) % 10 < 3
      ON CONFLICT (dossier_id) DO NOTHING`.execute(db);
    log('portal acknowledgements and ratings written');
  }
  await sql`DROP TABLE gen_agencies, gen_staff`.execute(db);
  const top = await sql<{ n: number | null }>`SELECT max(last_value) AS n FROM dossier_code_counters`.execute(
    db,
  );
  if ((top.rows[0]?.n ?? 0) > 9999)
    throw new Error('more than 9,999 dossiers at one agency on one day: the codes have 4-digit numbers');
  const result: GenerateResult = { dossiers: total, seconds: 0 };
  if (options.bulk) {
    let t = performance.now();
    for (const r of dropped) {
      await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL maintenance_work_mem = '1GB'`.execute(tx);
        await sql.raw(r.def).execute(tx);
      });
      log(`index ${r.name} built`);
    }
    result.indexSeconds = (performance.now() - t) / 1000;
    await setReportTriggers(db, true);
    t = performance.now();
    const rebuilt = await rebuildReportCounts(deps);
    result.rebuild = { ...rebuilt, seconds: (performance.now() - t) / 1000 };
    log(`report counts rebuilt in ${result.rebuild.seconds.toFixed(0)} s`);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

type Row = Selectable<DB['dossiers']>;
type ActionRow = Selectable<DB['dossier_actions']>;

const ROLE_NAME: Record<string, string> = {
  'desk-officer': 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
};

async function cloneChunk(
  db: Kysely<DB>,
  c: {
    proc: string;
    agencies: number;
    from: number;
    to: number;
    seed: number;
    nowS: number;
    spanDays: number;
    path: Path;
    row: Row;
    actions: ActionRow[];
    agencyIds: string[];
    base: Date;
    roleOfUser: Map<string, string>;
    names: Record<string, string[]>;
  },
) {
  const { row, base } = c;
  const baseS = base.getTime() / 1000;
  // Pseudo-random numbers in [0, 1) from the index: hashint8 is PostgreSQL's own (PGlite has it too).
  const r = (salt: number) =>
    `((hashint8(g.i * 16 + ${salt} + ${c.seed}::bigint * 1000003)::bigint + 2147483648) / 4294967296.0)`;
  const ageFrom = c.path.ageDays[0];
  const ageTo = c.path.ageDays[1] ?? c.spanDays;
  const shift = 'src.shift';
  const userCol = (id: string | null) =>
    id !== null && c.roleOfUser.has(id) ? staffRef(c.roleOfUser.get(id)!, 'id') : 'NULL::bigint';
  // The template's agencies: the receiving one (a ward's, or a province's centre) and the competent one.
  const agencyRef = (id: string | null, what: 'id' | 'code' = 'id') => {
    if (id === null) return 'NULL::bigint';
    if (id === row.receiving_agency_id) return what === 'id' ? 'src.agency_id' : 'src.agency_code';
    if (id === row.competent_agency_id) return what === 'id' ? 'src.competent_id' : 'src.competent_code';
    throw new Error(
      `template ${c.path.name} of ${c.proc} involves agency ${id}, neither receiving nor competent`,
    );
  };
  if (row.received_by_agency_id !== row.receiving_agency_id)
    throw new Error(
      `template ${c.path.name} of ${c.proc}: received by another agency than its receiving one`,
    );
  const shifted = (v: Date | string | null) =>
    v === null
      ? sql`NULL::timestamptz`
      : sql.raw(
          `(t0 + (${shift} + ${(new Date(v).getTime() - base.getTime()) / 1000}) * interval '1 second')`,
        );
  const state = patchedJson(sql`${JSON.stringify(row.state)}`, row.state, base, shift, c.roleOfUser);
  const steps = row.step_agencies as { key: string; agencyId: string }[];
  const stepAgencies = sql.raw(
    `jsonb_build_array(${steps
      .map(
        (s) =>
          `jsonb_build_object('key', ${lit(s.key)}, 'agencyId', ${agencyRef(s.agencyId)}::text, 'agencyCode', ${agencyRef(s.agencyId, 'code')})`,
      )
      .join(', ')})`,
  );
  const actionSelects = c.actions.map((a) => {
    const record = patchedJson(sql`${JSON.stringify(a.record)}`, a.record, base, shift, c.roleOfUser);
    const role = a.actor_roles[0] ?? 'desk-officer';
    return sql`SELECT src.dossier_id, ${a.version}::int, ${a.kind}::text, ${a.actor_kind}::text,
      ${sql.raw(userCol(a.actor_user_id))}, ${sql.raw(a.actor_user_id === null ? `${lit(a.actor_label)}` : staffRef(role, 'label'))},
      ${JSON.stringify(a.actor_roles)}::jsonb, ${sql.raw(agencyRef(a.agency_id))}, ${shifted(a.at)}, ${a.from_status}::text, ${a.to_status}::text,
      ${a.from_step}::int, ${a.to_step}::int, ${a.note}::text, ${record}
      FROM ins_src src JOIN gen_staff s ON s.agency_id = src.agency_id JOIN gen_staff sc ON sc.agency_id = src.competent_id`;
  });
  const agencySelects = c.agencyIds.map(
    (id) => sql`SELECT dossier_id, ${sql.raw(agencyRef(id))} FROM ins_src src`,
  );
  const formData = sql`jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(row.form_data)}::jsonb,
      '{nguoiYeuCau,hoTen}', to_jsonb(src.full_name), false),
      '{nguoiYeuCau,soDinhDanh}', to_jsonb(src.id_number), false),
      '{nguoiYeuCau,giayToTuyThan,so}', to_jsonb(src.id_number), false)`;
  const addressUnit = (row.applicant as { address?: { unitCode?: string } }).address?.unitCode ?? null;
  const query = sql`
    WITH g AS (SELECT i FROM generate_series(${c.from}::bigint, ${c.to}::bigint) AS g(i)),
    pick AS (
      SELECT g.i, a.agency_id, a.code AS agency_code, a.competent_id, a.competent_code,
        -- the applicant lives in the ward; a department's applicant where the template's did
        CASE WHEN a.agency_id = a.competent_id THEN a.unit_code ELSE ${addressUnit}::text END AS unit_code, a.province,
        ${sql.raw(r(1))} AS r1, ${sql.raw(r(2))} AS r2, ${sql.raw(r(3))} AS r3,
        (hashint8(g.i * 16 + 4 + ${c.seed})::bigint + 2147483648) AS h4,
        (hashint8(g.i * 16 + 5 + ${c.seed})::bigint + 2147483648) AS h5,
        (hashint8(g.i * 16 + 6 + ${c.seed})::bigint + 2147483648) AS h6
      FROM g JOIN gen_agencies a ON a.procedure_code = ${c.proc} AND a.n = g.i % ${c.agencies}
    ),
    timed AS (
      SELECT pick.*,
        -- a working day (Saturday and Sunday move back to Friday) between 07:30 and 16:30 in Vietnam
        floor((${c.nowS} - (${ageFrom} + r1 * ${ageTo - ageFrom}) * 86400 + 25200) / 86400) AS vn_day
      FROM pick
    ),
    src0 AS (
      SELECT timed.*,
        LEAST(
          (vn_day - CASE ((vn_day::bigint + 3) % 7) WHEN 5 THEN 1 WHEN 6 THEN 2 ELSE 0 END) * 86400 - 25200 + 27000 + r2 * 32400,
          ${c.nowS} - r3 * 7200
        ) AS target,
        (${sql.val(c.names.family)}::text[])[1 + h4 % ${FAMILY.length}] AS family,
        (${sql.val(c.names.familyFolded)}::text[])[1 + h4 % ${FAMILY.length}] AS family_f,
        (${sql.val(c.names.middle)}::text[])[1 + h5 % ${MIDDLE.length}] AS middle,
        (${sql.val(c.names.middleFolded)}::text[])[1 + h5 % ${MIDDLE.length}] AS middle_f,
        (${sql.val(c.names.given)}::text[])[1 + h6 % ${GIVEN.length}] AS given,
        (${sql.val(c.names.givenFolded)}::text[])[1 + h6 % ${GIVEN.length}] AS given_f,
        CASE province WHEN '01' THEN '001' WHEN '48' THEN '048' WHEN '79' THEN '079' ELSE '001' END
          || ((h5 % 2) + CASE WHEN h4 % 56 >= 50 THEN 2 ELSE 0 END)::text
          || lpad(((50 + h4 % 56) % 100)::text, 2, '0')
          || lpad((h6 % 1000000)::text, 6, '0') AS id_number
      FROM timed
    ),
    dated AS (
      SELECT src0.*, (to_timestamp(target) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS code_day FROM src0
    ),
    -- The code's sequence number: after the agency's counter for the day, from 101 (the numbers
    -- below are the templates' and the API's); the counters move past them below.
    numbered AS (
      SELECT dated.*, GREATEST(coalesce(k.last_value, 0), 100)
          + row_number() OVER (PARTITION BY dated.agency_id, dated.code_day ORDER BY dated.i) AS k
        FROM dated LEFT JOIN dossier_code_counters k ON k.agency_id = dated.agency_id AND k.day = dated.code_day
    ),
    src AS (
      SELECT numbered.*, family || ' ' || middle || ' ' || given AS full_name,
        family_f || ' ' || middle_f || ' ' || given_f AS full_name_f,
        to_timestamp(${baseS}) AS t0, target - ${baseS} AS shift,
        nextval('dossiers_dossier_id_seq') AS dossier_id
      FROM numbered
    ),
    counters AS (
      INSERT INTO dossier_code_counters (agency_id, day, last_value)
      SELECT agency_id, code_day, max(k) FROM src GROUP BY agency_id, code_day
      ON CONFLICT (agency_id, day) DO UPDATE SET last_value = GREATEST(dossier_code_counters.last_value, EXCLUDED.last_value)
      RETURNING 1
    ),
    ins AS (
      INSERT INTO dossiers (dossier_id, code, procedure_version_id, procedure_code, case_key, channel,
        receiving_agency_id, received_by_agency_id, competent_agency_id, current_agency_id, step_agencies, workflow, applicant,
        applicant_id_number, applicant_search, form_data, components, state, status, version, assignee_user_id,
        received_at, due_at, calendar_version, extended_due_at, result_at, returned_at, closed_at,
        submitted_at, created_by, submitted_by_citizen_id, updated_at)
      OVERRIDING SYSTEM VALUE
      SELECT src.dossier_id,
        src.agency_code || '-' || to_char(src.code_day, 'YYMMDD') || '-' || lpad(src.k::text, 4, '0'),
        ${row.procedure_version_id}::bigint, ${row.procedure_code}::text, ${row.case_key}::text, ${row.channel}::text,
        ${sql.raw(agencyRef(row.receiving_agency_id))}, ${sql.raw(agencyRef(row.received_by_agency_id))},
        ${sql.raw(agencyRef(row.competent_agency_id))}, ${sql.raw(agencyRef(row.current_agency_id))},
        ${stepAgencies},
        ${JSON.stringify(row.workflow)}::jsonb,
        jsonb_build_object('kind', 'person', 'fullName', src.full_name, 'idNumber', src.id_number,
          'phone', '09' || lpad((src.h4 % 100000000)::text, 8, '0'),
          'address', jsonb_build_object('unitCode', src.unit_code,
            'line', 'Số ' || (1 + src.h5 % 300) || ' đường ' || (${sql.val(STREETS)}::text[])[1 + src.h6 % ${STREETS.length}])),
        src.id_number, src.full_name_f || ' ' || src.id_number,
        ${formData},
        ${JSON.stringify(row.components)}::jsonb,
        ${state}, ${row.status}::text, ${row.version}::int, ${sql.raw(userCol(row.assignee_user_id))},
        ${shifted(row.received_at)}, ${shifted(row.due_at)}, ${row.calendar_version}::int, ${shifted(row.extended_due_at)},
        ${shifted(row.result_at)}, ${shifted(row.returned_at)}, ${shifted(row.closed_at)},
        ${shifted(row.submitted_at)}, ${sql.raw(userCol(row.created_by))}, NULL, ${shifted(row.updated_at)}
      FROM src JOIN gen_staff s ON s.agency_id = src.agency_id JOIN gen_staff sc ON sc.agency_id = src.competent_id
      RETURNING dossier_id
    ),
    ins_src AS (SELECT src.* FROM src JOIN ins USING (dossier_id)),
    agencies AS (INSERT INTO dossier_agencies (dossier_id, agency_id)
      ${sql.join(agencySelects, sql` UNION ALL `)} RETURNING 1)
    ${
      actionSelects.length === 0
        ? sql``
        : sql`, acts AS (INSERT INTO dossier_actions (dossier_id, version, kind, actor_kind, actor_user_id, actor_label,
            actor_roles, agency_id, at, from_status, to_status, from_step, to_step, note, record)
            ${sql.join(
              actionSelects.map((q) => sql`${q}`),
              sql` UNION ALL `,
            )} RETURNING 1)`
    }
    SELECT (SELECT count(*) FROM ins) AS n`;
  // The actions read the inserted rows by name: their FROM says ins_src.
  await sql`${query}`.execute(db);
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export { mondayBefore };
