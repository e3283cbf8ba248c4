// Realistic dossiers in bulk for the worklist bench (bench/worklist.ts) and its test: a handful of real
// dossiers are first taken through the API at Phường Hoàn Kiếm on a manual clock (the templates: each
// status a dossier of the demo procedures sits in on a normal day), then cloned in PostgreSQL with
// INSERT … SELECT generate_series across the demo provinces' people's committees that offer the
// procedure: Vietnamese names and ID numbers, submission dates over the last 12 months (the open ones
// recent, the returned ones spread over the year), every date of the row, its state and its actions
// moved together, the handlers the agency's own officers (created here where the demo has none).
// Codes stay unique (agency, day, sequence) and the code counters are moved past them, so a dossier
// received afterwards takes the next number. Run on its own: node bench/support/generate-dossiers.ts
// <database url> [count=1000000].
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { buildApp } from '../../server/app.ts';
import type { Deps } from '../../server/deps.ts';
import type { DB } from '../../server/db/schema.ts';
import type { Selectable } from 'kysely';
import { foldVietnamese } from '../../common/text/fold.ts';
import { vnDate } from '../../common/time/vn-time.ts';
import { initialDossierState } from '../../common/dossiers/model.ts';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { funeralSupportAtCounter } from '../../server/test/fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Step = 'receive' | 'forward' | 'supplement' | 'to-leader' | 'approve' | 'return';
/** A template: where its dossier stops, how many of each 1,000 generated dossiers, how old they are. */
type Path = {
  name: string;
  steps: Step[];
  online?: true;
  perMille: number;
  /** Age of the submission in days: from, to (uniform). */
  ageDays: [number, number];
};

const PATHS: Path[] = [
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
    ageDays: [3, 365],
  },
];

const PROCEDURES = [
  { code: '1.001193', share: 0.7 },
  { code: '1.001731', share: 0.3 },
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
  /** The generation's "now": dossiers are submitted in the 12 months before it. */
  now: Date;
  seed?: number;
  /** Progress lines (none when omitted). */
  log?: (line: string) => void;
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

/** The templates, through the API at Phường Hoàn Kiếm (desk.hang-trong's ward) on the manual clock `clock`. */
async function makeTemplates(
  deps: Deps,
  clock: { set: (d: Date) => void; advance: (ms: number) => void },
  t0: Date,
): Promise<Template[]> {
  const db = deps.db;
  const app = await buildApp(deps);
  try {
    const agency = await db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select(['a.agency_id', 'a.code'])
      .where('u.code', '=', '00070')
      .where('u.valid_to', 'is', null)
      .where('a.kind', '=', 'people-committee')
      .executeTakeFirstOrThrow();
    const userIdOf = async (u: string) =>
      (await db.selectFrom('users').select('user_id').where('username', '=', u).executeTakeFirstOrThrow())
        .user_id;
    const templates: Template[] = [];
    for (const proc of PROCEDURES) {
      for (const path of PATHS) {
        clock.set(t0);
        const sessions = new Map<string, string>();
        const as = async (u: string) => {
          if (!sessions.has(u)) sessions.set(u, await login(app, u));
          return sessions.get(u)!;
        };
        const body =
          proc.code === '1.001193'
            ? {
                procedureCode: proc.code,
                agencyCode: agency.code,
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
              }
            : funeralSupportAtCounter(agency.code);
        let code: string;
        if (path.online || path.steps[0] === 'supplement') {
          // Received (then reshaped below into a submission nobody has acted on), or handed in
          // without its first paper: the desk's supplement request.
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/dossiers',
            headers: { cookie: await as('desk.hang-trong'), 'sec-fetch-site': 'same-origin' },
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
            headers: { cookie: await as('desk.hang-trong'), 'sec-fetch-site': 'same-origin' },
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
          if (step === 'forward') await forward('desk.hang-trong', 'specialist.hang-trong');
          if (step === 'to-leader') await forward('specialist.hang-trong', 'leader.hang-trong');
          if (step === 'approve') {
            const items = await offered('leader.hang-trong');
            const approve = items.find((a) => a.kind === 'approve');
            if (!approve)
              throw new Error(`template ${path.name}: no approve (${items.map((a) => a.kind).join(', ')})`);
            await act('leader.hang-trong', 'approve', {
              ...approveInput(approve.inputs),
              // The result's number, signing date (the approval's day, the demo clock's) and signer.
              resultNumber: `${String(path.steps.length).padStart(2, '0')}/QĐ-UBND`,
              resultDate: vnDate(deps.clock.now()),
              signer: 'Trần Văn Lãnh đạo',
              resultDocuments: [
                {
                  name:
                    proc.code === '1.001193'
                      ? 'Giấy khai sinh (bản chính)'
                      : 'Quyết định hỗ trợ chi phí mai táng',
                },
              ],
            });
          }
          if (step === 'return') {
            const items = await offered('desk.hang-trong');
            const ret = items.find((a) => a.kind === 'return-result');
            if (!ret)
              throw new Error(`template ${path.name}: no return (${items.map((a) => a.kind).join(', ')})`);
            await act('desk.hang-trong', 'return-result', {
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
 * every handler of the template (`roleOfUser`: template user id → role) replaced by the clone agency's
 * officer of the same role (`s.<role>_id`).
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
      expr = sql`jsonb_set(${expr}, ${sql.raw(pathLiteral(leaf.path))}, to_jsonb(${sql.raw(`s.${col(roleOfUser.get(leaf.value)!)}_id`)}::text))`;
    }
  }
  return expr;
}

const col = (role: string) => role.replace('desk-officer', 'desk');

/** The clone's dossiers: Vietnamese applicants, dates, codes; `n` rows from global index `lo`. */
export async function generateDossiers(
  deps: Deps,
  options: GenerateOptions,
): Promise<{ dossiers: number; seconds: number }> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const db = deps.db;
  const seed = options.seed ?? 1;
  const t0 = mondayBefore(options.now, 14);
  const manual = { at: t0 };
  const clock = {
    now: () => new Date(manual.at),
    set: (d: Date) => (manual.at = new Date(d)),
    advance: (ms: number) => (manual.at = new Date(manual.at.getTime() + ms)),
  };
  const templates = await makeTemplates({ ...deps, clock }, clock, t0);
  log(`${templates.length} templates received through the API`);

  // The officers of every people's committee that offers a procedure: the demo's where it has them,
  // else one desk officer, specialist and leader per agency (the demo password's hash).
  const demoHash = (
    await db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'desk.hang-trong')
      .executeTakeFirstOrThrow()
  ).password_hash;
  await sql`DROP TABLE IF EXISTS gen_agencies, gen_staff`.execute(db);
  await sql`CREATE TABLE gen_agencies AS
    SELECT p.code AS procedure_code, a.agency_id, a.code, u.code AS unit_code, split_part(u.path, '/', 2) AS province,
           (row_number() OVER (PARTITION BY p.code ORDER BY a.code) - 1)::int AS n
      FROM procedure_offerings o JOIN procedures p ON p.procedure_id = o.procedure_id
      JOIN agencies a ON a.agency_id = o.agency_id JOIN units u ON u.unit_id = a.unit_id
     WHERE p.code IN (${sql.join(PROCEDURES.map((p) => p.code))}) AND a.kind = 'people-committee'`.execute(
    db,
  );
  for (const role of ['desk-officer', 'specialist', 'leader']) {
    await sql`INSERT INTO users (username, full_name, password_hash)
      SELECT DISTINCT ${'bench.' + col(role) + '.'} || g.agency_id, ${ROLE_NAME[role]!} || ' ' || a.name, ${demoHash}::text
        FROM gen_agencies g JOIN agencies a ON a.agency_id = g.agency_id
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
    FROM (SELECT DISTINCT agency_id FROM gen_agencies) g`.execute(db);
  await sql`ALTER TABLE gen_staff ADD COLUMN desk_label text, ADD COLUMN specialist_label text, ADD COLUMN leader_label text`.execute(
    db,
  );
  await sql`UPDATE gen_staff s SET
    desk_label = (SELECT username FROM users WHERE user_id = s.desk_id),
    specialist_label = (SELECT username FROM users WHERE user_id = s.specialist_id),
    leader_label = (SELECT username FROM users WHERE user_id = s.leader_id)`.execute(db);

  const demoUsers = await db
    .selectFrom('users')
    .select(['user_id', 'username'])
    .where('username', 'in', ['desk.hang-trong', 'specialist.hang-trong', 'leader.hang-trong'])
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
  const nowS = options.now.getTime() / 1000;
  let total = 0;
  let kBase = 100; // sequence numbers from 101: the templates' own codes keep theirs
  const CHUNK = 20_000;
  for (const proc of PROCEDURES) {
    const agencies = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM gen_agencies WHERE procedure_code = ${proc.code}`.execute(db)
      ).rows[0]!.n,
    );
    if (agencies === 0) throw new Error(`no people's committee offers ${proc.code}`);
    const procCount = Math.round(options.count * proc.share);
    let lo = 0;
    for (const [ti, path] of PATHS.entries()) {
      const t = templates.find((x) => x.procedure === proc.code && x.path === path)!;
      const n = ti === PATHS.length - 1 ? procCount - lo : Math.round((procCount * path.perMille) / 1000);
      const row = await db
        .selectFrom('dossiers')
        .selectAll()
        .where('dossier_id', '=', t.dossierId)
        .executeTakeFirstOrThrow();
      const steps = row.step_agencies as { key: string; agencyId: string }[];
      if (
        steps.some((s) => s.agencyId !== row.receiving_agency_id) ||
        row.competent_agency_id !== row.receiving_agency_id
      )
        throw new Error(`template ${path.name} of ${proc.code} involves more than one agency`);
      const actions = await db
        .selectFrom('dossier_actions')
        .selectAll()
        .where('dossier_id', '=', t.dossierId)
        .orderBy('version')
        .execute();
      const base = new Date(row.submitted_at);
      for (let from = lo; from < lo + n; from += CHUNK) {
        const to = Math.min(lo + n, from + CHUNK) - 1;
        await cloneChunk(db, {
          proc: proc.code,
          agencies,
          from,
          to,
          kBase,
          seed,
          nowS,
          path,
          row,
          actions,
          base,
          roleOfUser,
          names,
        });
        total += to - from + 1;
        log(`${total} dossiers`);
      }
      lo += n;
    }
    kBase += Math.ceil(procCount / agencies) + 1;
    if (kBase > 9999) throw new Error('too many dossiers per agency and day for 4-digit sequence numbers');
  }
  // A dossier received later at one of these agencies takes the next number of its day.
  await sql`INSERT INTO dossier_code_counters (agency_id, day, last_value)
    SELECT receiving_agency_id, (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, max(right(code, 4)::int)
      FROM dossiers GROUP BY 1, 2
    ON CONFLICT (agency_id, day) DO UPDATE SET last_value = GREATEST(dossier_code_counters.last_value, EXCLUDED.last_value)`.execute(
    db,
  );
  await sql`DROP TABLE gen_agencies, gen_staff`.execute(db);
  return { dossiers: total, seconds: (performance.now() - started) / 1000 };
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
    kBase: number;
    seed: number;
    nowS: number;
    path: Path;
    row: Row;
    actions: ActionRow[];
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
  const [ageFrom, ageTo] = c.path.ageDays;
  const shift = 'src.shift';
  const userCol = (id: string | null) =>
    id !== null && c.roleOfUser.has(id) ? `s.${col(c.roleOfUser.get(id)!)}_id` : 'NULL::bigint';
  const shifted = (v: Date | string | null) =>
    v === null
      ? sql`NULL::timestamptz`
      : sql.raw(
          `(t0 + (${shift} + ${(new Date(v).getTime() - base.getTime()) / 1000}) * interval '1 second')`,
        );
  const state = patchedJson(sql`${JSON.stringify(row.state)}`, row.state, base, shift, c.roleOfUser);
  const stepKeys = (row.step_agencies as { key: string }[]).map((s) => s.key);
  const actionSelects = c.actions.map((a) => {
    const record = patchedJson(sql`${JSON.stringify(a.record)}`, a.record, base, shift, c.roleOfUser);
    const role = a.actor_roles[0] ?? 'desk-officer';
    return sql`SELECT src.dossier_id, ${a.version}::int, ${a.kind}::text, ${a.actor_kind}::text,
      ${sql.raw(userCol(a.actor_user_id))}, ${sql.raw(a.actor_user_id === null ? `${lit(a.actor_label)}` : `s.${col(role)}_label`)},
      ${JSON.stringify(a.actor_roles)}::jsonb, src.agency_id, ${shifted(a.at)}, ${a.from_status}::text, ${a.to_status}::text,
      ${a.from_step}::int, ${a.to_step}::int, ${a.note}::text, ${record}
      FROM ins_src src JOIN gen_staff s ON s.agency_id = src.agency_id`;
  });
  const formData = sql`jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(row.form_data)}::jsonb,
      '{nguoiYeuCau,hoTen}', to_jsonb(src.full_name), false),
      '{nguoiYeuCau,soDinhDanh}', to_jsonb(src.id_number), false),
      '{nguoiYeuCau,giayToTuyThan,so}', to_jsonb(src.id_number), false)`;
  const query = sql`
    WITH g AS (SELECT i FROM generate_series(${c.from}::bigint, ${c.to}::bigint) AS g(i)),
    pick AS (
      SELECT g.i, a.agency_id, a.code AS agency_code, a.unit_code, a.province,
        ${c.kBase} + g.i / ${c.agencies} AS k,
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
    src AS (
      SELECT src0.*, family || ' ' || middle || ' ' || given AS full_name,
        family_f || ' ' || middle_f || ' ' || given_f AS full_name_f,
        to_timestamp(${baseS}) AS t0, target - ${baseS} AS shift,
        nextval('dossiers_dossier_id_seq') AS dossier_id
      FROM src0
    ),
    ins AS (
      INSERT INTO dossiers (dossier_id, code, procedure_version_id, procedure_code, case_key, channel,
        receiving_agency_id, received_by_agency_id, competent_agency_id, current_agency_id, step_agencies, workflow, applicant,
        applicant_id_number, applicant_search, form_data, components, state, status, version, assignee_user_id,
        received_at, due_at, calendar_version, extended_due_at, result_at, returned_at, closed_at,
        submitted_at, created_by, submitted_by_citizen_id, updated_at)
      OVERRIDING SYSTEM VALUE
      SELECT src.dossier_id,
        src.agency_code || '-' || to_char(to_timestamp(src.target) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((src.k + 1)::text, 4, '0'),
        ${row.procedure_version_id}::bigint, ${row.procedure_code}::text, ${row.case_key}::text, ${row.channel}::text,
        src.agency_id, src.agency_id, src.agency_id, src.agency_id,
        (SELECT jsonb_agg(jsonb_build_object('key', k, 'agencyId', src.agency_id::text, 'agencyCode', src.agency_code) ORDER BY o)
           FROM unnest(${sql.val(stepKeys)}::text[]) WITH ORDINALITY AS st(k, o)),
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
      FROM src JOIN gen_staff s ON s.agency_id = src.agency_id
      RETURNING dossier_id
    ),
    ins_src AS (SELECT src.* FROM src JOIN ins USING (dossier_id)),
    agencies AS (INSERT INTO dossier_agencies (dossier_id, agency_id) SELECT dossier_id, agency_id FROM ins_src RETURNING 1)
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
    SELECT (SELECT count(*) FROM agencies) AS n`;
  // The actions read the inserted rows by name: their FROM says ins_src.
  await sql`${query}`.execute(db);
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export { mondayBefore };
