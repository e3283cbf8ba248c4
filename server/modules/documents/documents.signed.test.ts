// The signed original in the applicant's store (#19) through the HTTP API: a birth registration whose
// result the ward sealed before the approval becomes a record marked signed, with its result number;
// the citizen downloads the exact bytes, which verify, and her dossier shows the result signed with its
// verification token (another citizen reads nothing of it); an unsigned result is kept unmarked. Reusing the
// signed record verifies its signature again: accepted while it holds, refused naming the component's
// citation when the file was changed, its chain is no longer trusted or its certificate revoked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import { APPLICANT_HUONG, birthAtCounter } from '../../test/fixtures.ts';
import { makePdf, sealDraft, useTestSigning } from '../../test/signing.ts';
import type { TestPki } from '../../platform/signing/index.ts';
import { BACKFILL_SIGNED_RESULTS } from '../../db/migrations/20261214100000_signed-results-counted.ts';
import { sql } from 'kysely';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
let pki: TestPki;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen, get, act, forward } = kit;
const HUONG = 'dev-001190012345';
const MINH = 'dev-001085004321';
/** Social assistance: TP5 is the child's birth certificate, which the store's record stands for. */
const ASSISTANCE = '1.001776';
const ASSISTANCE_REQUEST = {
  nguoiYeuCau: {
    hoTen: 'Nguyễn Thị Hường',
    soDinhDanh: '001190012345',
    noiCuTru: 'Số 12 phố Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội',
  },
  noiDungYeuCau: 'Đề nghị hưởng trợ cấp xã hội hằng tháng cho con là Nguyễn Minh Khang.',
  hinhThucNhanKetQua: 'Nhận trực tiếp',
  camDoan: true,
};
let ward: string;

type Doc = {
  documentId: string;
  name: string;
  dossierCode: string;
  signed: boolean;
  resultNumber: string | null;
};

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  pki = await useTestSigning(rt, clock.now());
  ward = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await rt.close();
  await idp.close();
});

/** A birth registration for Hường, approved with `file(leader, code)` as its result and returned. */
async function issued(file: (leader: string, code: string) => Promise<string>): Promise<string> {
  const received = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff('desk.hang-trong') },
    payload: birthAtCounter(ward),
  });
  assert.equal(received.statusCode, 201, received.body);
  const { code } = received.json<{ code: string }>();
  clock.advance(15 * 60_000);
  await forward(await staff('desk.hang-trong'), code, 'specialist.hang-trong');
  await forward(await staff('specialist.hang-trong'), code, 'leader.hang-trong');
  clock.advance(30 * 60_000);
  const leader = await staff('leader.hang-trong');
  const approve = await act(leader, code, 'approve', {
    resultDate: '2026-11-20',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: `Giấy khai sinh — ${code}`, fileId: await file(leader, code) }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  const ret = await act(await staff('desk.hang-trong'), code, 'return-result', {
    channel: 'online',
  });
  assert.equal(ret.statusCode, 200, ret.body);
  return code;
}

async function recordOf(code: string): Promise<Doc> {
  const mine = await get('/api/v1/portal/documents', await citizen(HUONG));
  assert.equal(mine.statusCode, 200, mine.body);
  const doc = mine.json<{ items: Doc[] }>().items.find((d) => d.dossierCode === code);
  assert.ok(doc, `a record of ${code}`);
  return doc;
}

const reuse = async (documentId: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff('desk.hang-trong'), origin: ORIGIN },
    payload: {
      procedureCode: ASSISTANCE,
      agencyCode: ward,
      channel: 'direct',
      applicant: APPLICANT_HUONG,
      formData: ASSISTANCE_REQUEST,
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP5', provided: 'reused', documentIds: [documentId] },
      ],
    },
  });

type ApplicantView = {
  audience: string;
  result: { number: string; date: string; signer: string } | null;
  resultDocuments: { name: string; fileId?: string; signed: boolean; token: string | null }[];
};

let signed: Doc;
let signedBytes: Buffer;

test('a sealed result is kept as the signed original with its number; the citizen downloads bytes that verify', async () => {
  let sealedFile = '';
  const code = await issued(async (leader, c) => {
    const draft = await kit.upload(leader, await makePdf(`Giấy khai sinh ${c}`), 'giay-khai-sinh.pdf');
    sealedFile = await sealDraft(rt, leader, { code: c, fileId: draft });
    return sealedFile;
  });
  signed = await recordOf(code);
  assert.equal(signed.signed, true);
  assert.equal(signed.resultNumber, '01/QĐ-UBND');
  const file = await get(`/api/v1/portal/documents/${signed.documentId}/file`, await citizen(HUONG));
  assert.equal(file.statusCode, 200);
  signedBytes = (await rt.deps.files.get(sealedFile))!;
  assert.deepEqual(file.rawPayload, signedBytes, 'the exact signed bytes');
  const boundary = '----store' + Math.random().toString(16).slice(2);
  const verified = await rt.injectBare({
    method: 'POST',
    url: '/api/v1/public/verify',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(verified.statusCode, 200, verified.body);
  const answer = verified.json<{
    valid: boolean;
    document?: { dossierCode: string; resultNumber: string };
  }>();
  assert.equal(answer.valid, true);
  assert.deepEqual(answer.document && [answer.document.dossierCode, answer.document.resultNumber], [
    code,
    '01/QĐ-UBND',
  ]);

  // Her dossier says so: signed, the number, the signer, the token of the QR (and of the download).
  const token = (
    await rt.deps.db
      .selectFrom('signed_documents')
      .select('token')
      .where('file_id', '=', sealedFile)
      .executeTakeFirstOrThrow()
  ).token;
  const mine = await get(`/api/v1/dossiers/${code}`, await citizen(HUONG));
  assert.equal(mine.statusCode, 200, mine.body);
  const view = mine.json<ApplicantView>();
  assert.equal(view.audience, 'applicant');
  assert.deepEqual(view.result, { number: '01/QĐ-UBND', date: '2026-11-20', signer: 'Trần Quốc Việt' });
  assert.deepEqual(view.resultDocuments, [
    { name: `Giấy khai sinh — ${code}`, fileId: sealedFile, signed: true, token },
  ]);
  const byToken = await rt.injectBare({ method: 'GET', url: `/api/v1/public/verify/results/${token}/file` });
  assert.deepEqual(byToken.rawPayload, signedBytes, 'the QR’s download is the same signed original');
  // Another citizen reads nothing of it.
  const theirs = await get(`/api/v1/dossiers/${code}`, await citizen(MINH));
  assert.equal(theirs.statusCode, 404, theirs.body);
  assert.ok(!theirs.body.includes(token));

  // An unsigned PDF as the result: kept, not marked as a signed original.
  const plain = await issued((leader) => kit.upload(leader, Buffer.from(makeUnsigned()), 'kq.pdf'));
  const unsigned = await recordOf(plain);
  assert.deepEqual([unsigned.signed, unsigned.resultNumber], [false, '02/QĐ-UBND']);
  const plainView = (await get(`/api/v1/dossiers/${plain}`, await citizen(HUONG))).json<ApplicantView>();
  assert.deepEqual(
    plainView.resultDocuments.map((d) => [d.signed, d.token]),
    [[false, null]],
  );
});

const makeUnsigned = () => '%PDF-1.4\n% Giay khai sinh chua ky\n1 0 obj << >> endobj\n%%EOF\n';

test('reusing the signed record verifies it: accepted while it holds, refused when untrusted, revoked or changed', async () => {
  const ok = await reuse(signed.documentId);
  assert.equal(ok.statusCode, 201, ok.body);
  const before = await countRows(rt.deps.db, 'dossiers');
  const refusedWith = async (pattern: RegExp) => {
    const res = await reuse(signed.documentId);
    assert.equal(res.statusCode, 400, res.body);
    const details = errorOf(res).details!;
    assert.deepEqual(
      details.map((d) => d.path),
      ['body/components/1/documentIds/0'],
    );
    assert.match(
      details[0]!.message,
      /^Chữ ký số của giấy tờ “Giấy khai sinh — .+” \(số 01\/QĐ-UBND\) không còn hợp lệ/,
    );
    assert.match(details[0]!.message, pattern);
  };
  const trusted = rt.deps.signing!;
  try {
    // The deployment no longer trusts the hierarchy's root.
    rt.deps.signing = { ...trusted, trust: async () => ({ roots: [pki.foreignRoot], intermediates: [] }) };
    await refusedWith(/không thuộc nguồn tin cậy/);
    // The seal's certificate revoked since.
    rt.deps.signing = { ...trusted, trust: async () => ({ ...pki.trust, revoked: () => true }) };
    await refusedWith(/đã bị thu hồi/);
  } finally {
    rt.deps.signing = trusted;
  }
  // The stored file changed after signing (one byte of the page).
  const [row] = await rt.deps.db
    .selectFrom('applicant_documents')
    .select('file_id')
    .where('applicant_document_id', '=', signed.documentId)
    .execute();
  const tampered = Buffer.from(signedBytes);
  const at = tampered.indexOf('/MediaBox');
  tampered[at + 1] = 'N'.charCodeAt(0);
  await rt.deps.files.stage(row!.file_id, tampered);
  await rt.deps.files.publish(row!.file_id);
  try {
    await refusedWith(/bị thay đổi/);
  } finally {
    await rt.deps.files.stage(row!.file_id, signedBytes);
    await rt.deps.files.publish(row!.file_id);
  }
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before, 'nothing written');
  const again = await reuse(signed.documentId);
  assert.equal(again.statusCode, 201, again.body);
});

test('the migration fills in the approvals made before it as the approval records them now', async () => {
  const db = rt.deps.db;
  const now = async () => ({
    dossiers: await db
      .selectFrom('dossiers')
      .select(['code', 'signed_result_files'])
      .where((eb) => eb(sql`cardinality(signed_result_files)`, '>', 0))
      .orderBy('code')
      .execute(),
    records: await db
      .selectFrom('applicant_documents')
      .select(['applicant_document_id', 'signed', 'result_number'])
      .orderBy('applicant_document_id')
      .execute(),
  });
  const recorded = await now();
  assert.deepEqual(
    recorded.dossiers.map((d) => d.code),
    [signed.dossierCode],
  );
  await sql`UPDATE dossiers SET signed_result_files = '{}'`.execute(db);
  await sql`UPDATE applicant_documents SET signed = false, result_number = NULL`.execute(db);
  for (const statement of BACKFILL_SIGNED_RESULTS) await sql.raw(statement).execute(db);
  assert.deepEqual(await now(), recorded);
});
