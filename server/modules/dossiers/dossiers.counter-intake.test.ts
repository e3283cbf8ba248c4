// Counter intake as it is done (#14): receive and hand on to the next step's handler in one act, at the
// counter and for an online dossier; paper components scanned at the counter (several files, page
// counts, digitised); the receipt slip with every field filled; the tracking book for a period.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { countRows, peoplesCommittee, userId } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import { birthAtCounter, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { execFileSync } from 'node:child_process';
import { pdfText } from './test-kit.ts';

/** A slip's text in reading order (the QR code's caption beside the address stays out of its line). */
const slipText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen } = kit;
const HUONG = 'dev-001190012345';
let hoanKiemWard: string;
const ids = new Map<string, string>();

type View = {
  code: string;
  status: string;
  version: number;
  currentStep: { index: number; key: string; assigneeId: string | null };
  currentAgency: { code: string };
  receivedAt: string | null;
  dueAt: string | null;
  history: {
    version: number;
    action: string;
    by: string;
    from: string;
    to: string;
    fromStep: number;
    toStep: number;
  }[];
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function intake(
  user: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff(user), origin: ORIGIN, ...headers },
    payload: { ...birthAtCounter(hoanKiemWard), ...extra },
  });
}

const actionsOf = async (code: string) =>
  rt.deps.db
    .selectFrom('dossier_actions as a')
    .innerJoin('dossiers as d', 'd.dossier_id', 'a.dossier_id')
    .select([
      'a.version',
      'a.kind',
      'a.from_status',
      'a.to_status',
      'a.from_step',
      'a.to_step',
      'a.actor_label',
    ])
    .where('d.code', '=', code)
    .orderBy('a.version')
    .execute();

const auditsOf = async (code: string) =>
  (
    await rt.deps.db
      .selectFrom('audit_log')
      .select(['action', 'seq'])
      .where('entity_id', '=', code)
      .orderBy('seq')
      .execute()
  ).map((a) => a.action);

const mine = async (user: string) =>
  (await kit.get('/api/v1/dossiers?list=mine&pageSize=100', await staff(user)))
    .json<{ items: { code: string }[] }>()
    .items.map((i) => i.code);

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hoanKiemWard = await peoplesCommittee(rt.deps.db, '00070');
  for (const u of ['specialist.hang-trong', 'leader.hang-trong', 'desk.hang-trong', 'specialist.hang-bac'])
    ids.set(u, await userId(rt.deps.db, u));
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('#14 counter intake: the next step and who may take it, for the page to pre-select', async () => {
  const res = await kit.get(
    `/api/v1/dossiers/intake-next-step?procedure=1.001193&agencyCode=${hoanKiemWard}`,
    await staff('desk.hang-trong'),
  );
  assert.equal(res.statusCode, 200, res.body);
  const next = res.json<{
    step: { role: string; agency: { code: string } } | null;
    people: { id: string; username: string }[];
  }>();
  assert.equal(next.step?.role, 'specialist');
  assert.equal(next.step?.agency.code, hoanKiemWard);
  assert.deepEqual(
    next.people.map((p) => p.username),
    ['specialist.hang-trong'],
    'the specialists of Phường Hoàn Kiếm, and nobody of another ward',
  );
  assert.equal(next.people[0]!.id, ids.get('specialist.hang-trong'));
  const specialist = await kit.get(
    `/api/v1/dossiers/intake-next-step?procedure=1.001193&agencyCode=${hoanKiemWard}`,
    await staff('specialist.hang-trong'),
  );
  assert.equal(specialist.statusCode, 403, 'only desk officers take dossiers in');
});

test('#14 counter intake: received and assigned to the specialist in one act', async () => {
  const specialist = ids.get('specialist.hang-trong')!;
  const before = await countRows(rt.deps.db, 'dossiers');
  const res = await intake(
    'desk.hang-trong',
    { nextAssigneeId: specialist },
    { 'idempotency-key': 'hand-on-1' },
  );
  assert.equal(res.statusCode, 201, res.body);
  const view = res.json<View>();
  // One dossier state, as accept then forward would have left it.
  assert.equal(view.status, 'processing');
  assert.equal(view.version, 2);
  assert.equal(view.currentStep.index, 1);
  assert.equal(view.currentStep.assigneeId, specialist);
  assert.equal(view.receivedAt, '2026-11-20T02:00:00.000Z', 'the clock started at the receipt');
  assert.ok(view.dueAt !== null);
  assert.deepEqual(
    view.history.map((h) => [h.version, h.action, h.from, h.to, h.fromStep, h.toStep]),
    [
      [1, 'accept', 'submitted', 'received', 0, 0],
      [2, 'forward', 'received', 'processing', 0, 1],
    ],
  );
  // The rows written say the same, in order, and the audit trail names both acts.
  assert.deepEqual(
    (await actionsOf(view.code)).map((a) => [a.version, a.kind, a.to_status, a.to_step, a.actor_label]),
    [
      [1, 'accept', 'received', 0, 'desk.hang-trong'],
      [2, 'forward', 'processing', 1, 'desk.hang-trong'],
    ],
  );
  assert.deepEqual(await auditsOf(view.code), ['dossier.accept', 'dossier.forward']);
  // The answer is what a read shows.
  const read = await kit.get(`/api/v1/dossiers/${view.code}`, await staff('desk.hang-trong'));
  assert.deepEqual(read.json(), res.json());
  // A retry under the same key answers the same dossier and writes nothing more.
  const again = await intake(
    'desk.hang-trong',
    { nextAssigneeId: specialist },
    { 'idempotency-key': 'hand-on-1' },
  );
  assert.equal(again.statusCode, 201, again.body);
  assert.equal(again.json<View>().code, view.code);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before + 1);
  // The specialist finds it in "mine"; the desk's pool no longer holds it.
  assert.ok((await mine('specialist.hang-trong')).includes(view.code));
  // The process control slip records the hand-over from the desk to the specialist.
  const control = await kit.get(
    `/api/v1/dossiers/${view.code}/slips/process-control`,
    await staff('desk.hang-trong'),
  );
  assert.equal(control.statusCode, 200, control.body);
  // Its one hand-over: from the desk officer who received it (a receipt alone hands nothing over).
  assert.match(slipText(control.rawPayload), /Người giao: Lê Thị Mai Anh/);
});

test('#14 counter intake: without an assignee the dossier stays received at the desk, as before', async () => {
  const res = await intake('desk.hang-trong');
  assert.equal(res.statusCode, 201, res.body);
  const view = res.json<View>();
  assert.equal(view.status, 'received');
  assert.equal(view.version, 1);
  assert.deepEqual(
    (await actionsOf(view.code)).map((a) => a.kind),
    ['accept'],
  );
});

test('#14 counter intake: an assignee who cannot take the step is refused, naming the field, and nothing is written', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const actionsBefore = await countRows(rt.deps.db, 'dossier_actions');
  for (const who of [
    ids.get('leader.hang-trong')!, // not a specialist
    ids.get('desk.hang-trong')!,
    ids.get('specialist.hang-bac')!, // a specialist of another ward
    '999999999',
  ]) {
    const res = await intake('desk.hang-trong', { nextAssigneeId: who });
    assert.equal(res.statusCode, 422, res.body);
    const error = errorOf(res);
    assert.equal(error.code, 'UNPROCESSABLE');
    assert.deepEqual(
      error.details!.map((d) => d.path),
      ['body/nextAssigneeId'],
    );
  }
  const malformed = await intake('desk.hang-trong', { nextAssigneeId: 'specialist.hang-trong' });
  assert.equal(malformed.statusCode, 400, malformed.body);
  assert.ok(errorOf(malformed).details!.some((d) => d.path.includes('nextAssigneeId')));
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before);
  assert.equal(await countRows(rt.deps.db, 'dossier_actions'), actionsBefore);
});

test('#14 counter intake: paper components scanned at the counter, several files each, with page counts', async () => {
  const desk = await staff('desk.hang-trong');
  const files = [
    await kit.upload(desk, PDF, 'to-khai-trang-1.pdf'),
    await kit.upload(desk, PNG, 'to-khai-trang-2.png'),
    await kit.upload(desk, PDF, 'giay-chung-sinh.pdf'),
  ];
  const components = [
    { code: 'TP1', provided: 'original', fileIds: files.slice(0, 2), pageCount: 2, digitised: true },
    { code: 'TP3', provided: 'original', fileIds: [files[2]], pageCount: 1, digitised: true },
  ];
  const res = await intake('desk.hang-trong', { components });
  assert.equal(res.statusCode, 201, res.body);
  const { code } = res.json<View>();
  const papers = await kit.get(`/api/v1/dossiers/${code}/attachments`, desk);
  assert.equal(papers.statusCode, 200, papers.body);
  const list = papers.json<{
    components: {
      code: string;
      files: { fileId: string; originalName: string | null }[];
      pageCount: number | null;
      digitised: boolean;
    }[];
  }>().components;
  assert.deepEqual(
    list.map((c) => [c.code, c.files.map((f) => f.originalName), c.pageCount, c.digitised]),
    [
      ['TP1', ['to-khai-trang-1.pdf', 'to-khai-trang-2.png'], 2, true],
      ['TP3', ['giay-chung-sinh.pdf'], 1, true],
    ],
  );
  // Each scan is served through the dossier.
  const scan = await kit.get(`/api/v1/dossiers/${code}/attachments/${files[1]}`, desk);
  assert.equal(scan.statusCode, 200);
  assert.deepEqual(scan.rawPayload, PNG);

  // Digitised without a scan, a page count of 0, another account's upload: each named.
  const other = await kit.upload(await staff('desk.hang-bac'), PDF, 'khac.pdf');
  const bad = await intake('desk.hang-trong', {
    components: [
      { code: 'TP1', provided: 'original', digitised: true, pageCount: 3 },
      { code: 'TP3', provided: 'original', fileIds: [other], pageCount: 0 },
    ],
  });
  assert.equal(bad.statusCode, 400, bad.body);
  const paths = errorOf(bad).details!.map((d) => d.path);
  assert.ok(paths.includes('body/components/1/pageCount'), paths.join());
  const checked = await intake('desk.hang-trong', {
    components: [
      { code: 'TP1', provided: 'original', digitised: true, pageCount: 3 },
      { code: 'TP3', provided: 'original', fileIds: [other], pageCount: 1 },
    ],
  });
  assert.equal(checked.statusCode, 400, checked.body);
  assert.deepEqual(
    errorOf(checked)
      .details!.map((d) => d.path)
      .sort(),
    ['body/components/0/fileIds', 'body/components/1/fileIds/0'],
  );
});

test('#14 receipt slip: address, book number and fees filled', async () => {
  const first = await intake('desk.hang-trong', { nextAssigneeId: ids.get('specialist.hang-trong') });
  assert.equal(first.statusCode, 201, first.body);
  const { code } = first.json<View>();
  const slip = await kit.get(`/api/v1/dossiers/${code}/slips/receipt`, await staff('desk.hang-trong'));
  assert.equal(slip.statusCode, 200, slip.body);
  const text = slipText(slip.rawPayload);
  assert.match(text, /Địa chỉ: Số 12 phố Hàng Trống, Phường Hoàn Kiếm, Thành phố Hà Nội/);
  assert.doesNotMatch(text, /……/, 'no blank left to fill by hand');
  assert.match(text, /Số điện thoại: 0912345678/);
  assert.match(text, /Tiếp nhận hồ sơ của: .*Nguyễn Thị Hường/);
  // The book of the year: this dossier's row among those the desk received in 2026, in order.
  const received = await rt.deps.db
    .selectFrom('dossiers')
    .select('code')
    .where(
      'receiving_agency_id',
      '=',
      (
        await rt.deps.db
          .selectFrom('agencies')
          .select('agency_id')
          .where('code', '=', hoanKiemWard)
          .executeTakeFirstOrThrow()
      ).agency_id,
    )
    .where('received_at', 'is not', null)
    .orderBy('received_at')
    .orderBy('code')
    .execute();
  const entry = received.findIndex((d) => d.code === code) + 1;
  assert.ok(entry >= 4, 'earlier dossiers of this file come first');
  assert.match(text, new RegExp(`Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: ${entry}\\b`));
  assert.match(text, /7\. Phí, lệ phí: Miễn phí /);
  assert.doesNotMatch(text, /Miễn phí: Miễn phí/);
  // A dossier received later in the day takes the next row.
  clock.advance(60_000);
  const second = await intake('desk.hang-trong');
  const next = await kit.get(
    `/api/v1/dossiers/${second.json<View>().code}/slips/receipt`,
    await staff('desk.hang-trong'),
  );
  assert.match(
    slipText(next.rawPayload),
    new RegExp(`Quyển số: 01/2026, Số thứ tự: ${received.length + 1}\\b`),
  );
});

test('#14 receipt slip: the address from the declaration when the applicant gave none', async () => {
  const { address: _address, ...applicant } = birthAtCounter(hoanKiemWard).applicant;
  const res = await intake('desk.hang-trong', { applicant });
  assert.equal(res.statusCode, 201, res.body);
  const slip = await kit.get(
    `/api/v1/dossiers/${res.json<View>().code}/slips/receipt`,
    await staff('desk.hang-trong'),
  );
  assert.match(
    slipText(slip.rawPayload),
    new RegExp(`Địa chỉ: ${VALID_BIRTH_DECLARATION.nguoiYeuCau.noiCuTru}`),
  );
});

test('#14 accept: an online dossier received and assigned in one act, If-Match and idempotency kept', async () => {
  const cookie = await citizen(HUONG);
  const none = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      procedureCode: '1.001193',
      agencyCode: hoanKiemWard,
      applicant: { kind: 'person', phone: '0912345678' },
      formData: VALID_BIRTH_DECLARATION,
      components: [],
    },
  });
  const required = errorOf(none)
    .details!.map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  const submitted = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      procedureCode: '1.001193',
      agencyCode: hoanKiemWard,
      applicant: {
        kind: 'person',
        phone: '0912345678',
        address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
      },
      formData: VALID_BIRTH_DECLARATION,
      components: await Promise.all(
        required.map(async (c) => ({ code: c, fileIds: [await kit.upload(cookie, PDF, 'to-khai.pdf')] })),
      ),
    },
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const { code, version } = submitted.json<View>();
  const desk = await staff('desk.hang-trong');
  // The accept action offers the next step's handler.
  const offered = (await kit.get(`/api/v1/dossiers/${code}/actions`, desk)).json<{
    items: { kind: string; inputs: { properties?: Record<string, unknown> } }[];
  }>();
  assert.ok('nextAssigneeId' in (offered.items.find((a) => a.kind === 'accept')?.inputs.properties ?? {}));

  const accept = (body: Record<string, unknown>, ifMatch: number, key?: string) =>
    rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/accept`,
      headers: {
        cookie: desk,
        origin: ORIGIN,
        'if-match': String(ifMatch),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: body,
    });
  const refused = await accept({ nextAssigneeId: ids.get('leader.hang-trong') }, version);
  assert.equal(refused.statusCode, 422, refused.body);
  assert.deepEqual(
    errorOf(refused).details!.map((d) => d.path),
    ['body/nextAssigneeId'],
  );
  assert.deepEqual(await actionsOf(code), [], 'nothing written: still submitted');

  const stale = await accept({ nextAssigneeId: ids.get('specialist.hang-trong') }, version + 1);
  assert.equal(stale.statusCode, 409, stale.body);

  const done = await accept(
    { nextAssigneeId: ids.get('specialist.hang-trong'), note: 'Đủ giấy tờ' },
    version,
    'accept-1',
  );
  assert.equal(done.statusCode, 200, done.body);
  const view = done.json<View>();
  assert.equal(view.status, 'processing');
  assert.equal(view.version, version + 2);
  assert.equal(view.currentStep.assigneeId, ids.get('specialist.hang-trong'));
  assert.deepEqual(
    (await actionsOf(code)).map((a) => [a.kind, a.from_status, a.to_status, a.from_step, a.to_step]),
    [
      ['accept', 'submitted', 'received', 0, 0],
      ['forward', 'received', 'processing', 0, 1],
    ],
  );
  const accepted = await rt.deps.db
    .selectFrom('dossier_actions as a')
    .innerJoin('dossiers as d', 'd.dossier_id', 'a.dossier_id')
    .select(['a.record', 'a.note'])
    .where('d.code', '=', code)
    .where('a.kind', '=', 'accept')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    (accepted.record as { input: unknown }).input,
    { note: 'Đủ giấy tờ' },
    'accept keeps its own input',
  );
  assert.equal(accepted.note, 'Đủ giấy tờ');
  assert.deepEqual((await auditsOf(code)).slice(-2), ['dossier.accept', 'dossier.forward']);
  // The same request again under its key: the same answer, nothing more written.
  const replay = await accept(
    { nextAssigneeId: ids.get('specialist.hang-trong'), note: 'Đủ giấy tờ' },
    version,
    'accept-1',
  );
  assert.equal(replay.statusCode, 200);
  assert.deepEqual(replay.json(), done.json());
  assert.equal((await actionsOf(code)).length, 2);
  assert.ok((await mine('specialist.hang-trong')).includes(code));
});

test('#14 tracking book: a period as PDF and XLSX, rows numbered as in the book', async () => {
  const desk = await staff('desk.hang-trong');
  const url = (format: string, from = '2026-11-20', to = '2026-11-20') =>
    `/api/v1/desks/${hoanKiemWard}/tracking-book?from=${from}&to=${to}&format=${format}`;
  const expected = await rt.deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.receiving_agency_id')
    .select('d.code')
    .where('a.code', '=', hoanKiemWard)
    .where('d.received_at', 'is not', null)
    .orderBy('d.received_at')
    .orderBy('d.code')
    .execute();
  assert.ok(expected.length >= 5);

  const pdf = await kit.get(url('pdf'), desk);
  assert.equal(pdf.statusCode, 200, pdf.body);
  const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
  assert.match(text, /Quyển số: 01\/2026/);
  assert.match(text, new RegExp(`Tổng số: ${expected.length} hồ sơ`));
  for (const d of expected) assert.ok(text.includes(d.code), d.code);

  const xlsx = await kit.get(url('xlsx'), desk);
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  const data = rows.filter((r) => typeof r[0] === 'number');
  assert.deepEqual(
    data.map((r) => [r[0], r[1]]),
    expected.map((d, i) => [i + 1, d.code]),
  );
  const withAddress = data.find((r) =>
    String(r[4]).includes('Số 12 phố Hàng Trống, Phường Hoàn Kiếm, Thành phố Hà Nội'),
  );
  assert.ok(withAddress, 'the address with its units, and the phone');
  assert.match(String(withAddress[4]), /0912345678/);

  // A later period continues the book's numbering; an empty one is a book with no rows.
  const empty = await kit.get(url('xlsx', '2026-11-23', '2026-11-24'), desk);
  assert.equal(empty.statusCode, 200);
  const bad = await kit.get(url('pdf', '2026-11-24', '2026-11-23'), desk);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    errorOf(bad).details!.map((d) => d.path),
    ['query/to'],
  );
  const outside = await kit.get(url('pdf'), await staff('desk.hang-bac'));
  assert.equal(outside.statusCode, 403);
});
