// #16.5 What the national portal is told says what happened to the dossier it describes: a dossier
// submitted online by a citizen signed in at the identity provider (VNeID) carries
// TaiKhoanDuocXacThucVoiVNeID 1, one received at the desk 0; a status after an online payment carries
// DuocThanhToanTrucTuyen 1 and the fees paid, one before it neither; each paper carries a download link
// the portal can follow (signed, expiring) to that very file. Through the outbox worker and the portal
// simulator over HTTP; the links fetched back from the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { DEV_PORTAL_SECRET } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { createPortalClient } from './portal-client.ts';
import { PORTAL_STATUS_TOPIC } from './portal-status.handler.ts';
import { PORTAL_FILE_LINK_DAYS, portalFileLink } from './portal-file-links.ts';
import { syncHandlers, syncWorkerOptions } from './sync.jobs.ts';
import { wardCommitteeCode } from './test-kit.ts';

const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const HUONG = 'dev-001190012345';
let rt: TestRuntime;
let idp: DevIdp;
let sim: Simulator;
let hangTrong: string;

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  sim = await startSimulator({ port: 0, seed: 1 });
  rt = await createTestRuntime({
    clock,
    config: {
      ...started.config(testConfig(null).oidc),
      portal: { baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 2000 },
    },
  });
  hangTrong = await wardCommitteeCode(rt.deps.db);
});
after(async () => {
  await rt.close();
  await idp.close();
  await sim.close();
});

type E1 = {
  TaiKhoanDuocXacThucVoiVNeID: number;
  DuocThanhToanTrucTuyen: number;
  DanhSachLePhi: {
    TenPhiLePhi: string;
    MaPhiLePhi: string;
    HinhThucThu: number;
    Gia: number;
    LoaiPhiLePhi: number;
  }[];
  TaiLieuNop: { MaThanhPhanHoSo: string; DuongDanTaiTepTin: string }[];
  TrangThaiHoSo: number;
};

/** Every portal message delivered; the record the portal holds for `code` (its latest). */
async function delivered(code: string): Promise<E1> {
  const worker = createOutboxWorker({
    db: rt.deps.db,
    clock,
    handlers: syncHandlers(rt.deps, createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url })),
    log: silentLog,
    ...syncWorkerOptions(rt.deps),
  });
  for (let round = 0; round < 20; round++) {
    const left = await rt.deps.db
      .selectFrom('outbox')
      .select('outbox_id')
      .where('topic', '=', PORTAL_STATUS_TOPIC)
      .where('status', '=', 'pending')
      .execute();
    if (left.length === 0) break;
    await worker.runOnce();
  }
  const d = sim.control.dossier(code);
  assert.ok(d, `${code} reached the portal`);
  return d.latest as unknown as E1;
}

const pdf = (n: number) =>
  Buffer.from(`%PDF-1.4\n% paper ${n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

test('#16.5 the records say VNeID, online payment with its fees, and give links to the very files', async () => {
  const cookie = await kit.citizen(HUONG);
  const apply = (components: unknown) =>
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/portal/dossiers',
      headers: { cookie, origin: ORIGIN },
      payload: {
        procedureCode: '1.001193',
        agencyCode: hangTrong,
        applicant: {
          kind: 'person',
          phone: '0912345678',
          address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
        },
        formData: VALID_BIRTH_DECLARATION,
        components,
      },
    });
  const none = await apply([]);
  const required = errorOf(none)
    .details!.map((x) => /^body\/components\/(TP\d+)$/.exec(x.path)?.[1])
    .filter((c): c is string => c !== undefined);
  const bytes = new Map<string, Buffer>();
  const components = [];
  for (const [i, code] of required.entries()) {
    const fileId = await kit.upload(cookie, pdf(i), `${code}.pdf`);
    bytes.set(fileId, pdf(i));
    components.push({ code, fileIds: [fileId] });
  }
  const submitted = await apply(components);
  assert.equal(submitted.statusCode, 201, submitted.body);
  const code = submitted.json<{ code: string }>().code;
  const desk = await kit.staff('desk.hang-trong');
  clock.advance(60_000);
  assert.equal((await kit.act(desk, code, 'accept')).statusCode, 200);
  const accepted = await delivered(code);
  assert.equal(accepted.TrangThaiHoSo, 2);
  assert.equal(accepted.TaiKhoanDuocXacThucVoiVNeID, 1, 'submitted after a VNeID sign-in');
  assert.deepEqual([accepted.DuocThanhToanTrucTuyen, accepted.DanhSachLePhi], [0, []], 'not paid yet then');
  // Paid online after the acceptance (as the payment platform's callback leaves it), then forwarded.
  clock.advance(60_000);
  const dossier = await rt.deps.db
    .selectFrom('dossiers')
    .select(['dossier_id', 'receiving_agency_id'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const fee = {
    key: 'procedure:le-phi',
    name: 'Lệ phí đăng ký khai sinh',
    amountVnd: 8000,
    source: 'procedure',
  };
  await sql`INSERT INTO payments (dossier_id, agency_id, amount, channel, status, items, payer_name, reference,
      created_by_label, created_at, updated_at, paid_at, settled_by, receipt_year, receipt_seq, platform_transaction_id)
    VALUES (${dossier.dossier_id}, ${dossier.receiving_agency_id}, 8000, 'online', 'paid', ${JSON.stringify([fee])}::jsonb,
      'Nguyễn Thị Hường', ${`T${code.replace(/[^0-9A-Za-z]/g, '')}1`}, 'Nguyễn Thị Hường', ${clock.now()}, ${clock.now()},
      ${clock.now()}, 'callback', 2026, 1, 'GD-0001')`.execute(rt.deps.db);
  clock.advance(60_000);
  assert.equal((await kit.act(desk, code, 'forward')).statusCode, 200);

  const forwarded = await delivered(code);
  assert.equal(forwarded.TrangThaiHoSo, 4);
  assert.equal(forwarded.TaiKhoanDuocXacThucVoiVNeID, 1);
  assert.equal(forwarded.DuocThanhToanTrucTuyen, 1);
  assert.deepEqual(forwarded.DanhSachLePhi, [
    { TenPhiLePhi: fee.name, MaPhiLePhi: fee.key, HinhThucThu: 2, Gia: 8000, LoaiPhiLePhi: 1 },
  ]);
  // Each paper's link, followed as the portal would (no session): that very file; audited.
  assert.equal(forwarded.TaiLieuNop.length, bytes.size);
  for (const paper of forwarded.TaiLieuNop) {
    const url = new URL(paper.DuongDanTaiTepTin);
    assert.equal(url.origin, rt.deps.config.publicUrl);
    const got = await rt.app.inject({ method: 'GET', url: url.pathname + url.search });
    assert.equal(got.statusCode, 200, got.body);
    const fileId = decodeURIComponent(url.pathname.split('/').at(-1)!);
    assert.deepEqual(got.rawPayload, bytes.get(fileId));
  }
  const audited = await rt.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'dossier-file.fetched-by-portal')
    .where('entity_id', '=', dossier.dossier_id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(audited.n), bytes.size);

  // A link altered, made for another dossier, or past its days opens nothing, naming why.
  const link = new URL(forwarded.TaiLieuNop[0]!.DuongDanTaiTepTin);
  const fileId = decodeURIComponent(link.pathname.split('/').at(-1)!);
  const open = (path: string) => rt.app.inject({ method: 'GET', url: path });
  const altered = new URLSearchParams(link.search);
  altered.set('signature', 'f'.repeat(64));
  const bad = await open(`${link.pathname}?${altered}`);
  assert.equal(bad.statusCode, 403);
  assert.deepEqual(
    errorOf(bad).details!.map((x) => x.path),
    ['querystring/signature'],
  );
  const other = await kit.receiveBirth(hangTrong);
  const elsewhere = await open(
    link.pathname.replace(encodeURIComponent(code), encodeURIComponent(other)) + link.search,
  );
  assert.equal(elsewhere.statusCode, 403, 'the signature names the dossier');
  const foreign = new URL(portalFileLink(rt.deps.config, { code: other, fileId }, clock.now()));
  assert.equal((await open(foreign.pathname + foreign.search)).statusCode, 404, 'not a file of that dossier');
  clock.advance((PORTAL_FILE_LINK_DAYS + 1) * 86_400_000);
  const late = await open(link.pathname + link.search);
  assert.equal(late.statusCode, 403);
  assert.deepEqual(
    errorOf(late).details!.map((x) => x.path),
    ['querystring/expires'],
  );

  // A dossier received at the desk was not submitted after a VNeID sign-in.
  clock.advance(60_000);
  const atDesk = await delivered(other);
  assert.equal(atDesk.TaiKhoanDuocXacThucVoiVNeID, 0);
  assert.equal(atDesk.DuocThanhToanTrucTuyen, 0);
});
