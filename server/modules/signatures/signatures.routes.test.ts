// Signed results end to end through the HTTP API, with the platform's generated CA hierarchy: a result
// sealed before approval takes the register's number, verifies for anyone (signer, time, intact,
// trusted) and by its QR token; a changed byte, a foreign, expired or revoked certificate are reported;
// a case requiring a signed result refuses return-result without one and accepts it with; the plugin's
// upload path and remote signing (with its faults); a receipt slip verifies; who reads the register.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import {
  createTestPki,
  signPdf,
  type SignatureBlock,
  type TestPki,
  vnDisplayTime,
} from '../../platform/signing/index.ts';
import { blockText, popplerMissing, qrModules, readQr } from '../../platform/signing/test-read-block.ts';
import { startRemoteSigning, type RemoteSigningSimulator } from '../../../simulator/remote-signing.ts';
import { remoteSigner } from './remote-signer.ts';
import PDFDocument from 'pdfkit';

let rt: TestRuntime;
let pki: TestPki;
let sim: RemoteSigningSimulator;
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, get, act } = kit;
let ward: string;

before(async () => {
  pki = await createTestPki({ now: new Date('2026-11-20T02:00:00Z') });
  const leader = pki.leader;
  sim = await startRemoteSigning({
    identities: {
      'leader.hang-trong': {
        caName: 'test-ca',
        serialNumber: leader.serialHex,
        certificates: () => leader.signer.certificates(),
        sign: (d) => leader.signer.sign(d),
      },
    },
    delayMs: 10,
  });
  rt = await createTestRuntime({ clock });
  rt.deps.signing = {
    trust: async () => pki.trust,
    seal: async () => pki.seal.signer,
    remote: (u) => remoteSigner(sim.url, { userId: u.username }, { timeoutMs: 1500 }),
    timestampUrl: null,
  };
  ward = await peoplesCommittee(rt.deps.db, '00070');
  // The leader's certificate is issued in her full name (the binding: CN = full name).
  await rt.deps.db
    .updateTable('users')
    .set({ full_name: leader.name })
    .where('username', '=', 'leader.hang-trong')
    .execute();
  // The birth registration gets a case that requires a signed result.
  await sql`UPDATE procedure_versions SET data = jsonb_set(data, '{cases}', coalesce(data->'cases', '[]'::jsonb) || jsonb_build_array(jsonb_build_object(
      'key', 'ky-so', 'name', 'Bắt buộc ký số', 'timeLimits', data->'timeLimits', 'timeLimitGaps', data->'timeLimitGaps',
      'fees', '[]'::jsonb, 'requireSignedResult', true)))
    WHERE data->>'code' = '1.001193'`.execute(rt.deps.db);
});
after(async () => {
  await rt.close();
  await sim.close();
});

/** A birth registration at the leader's step; `signed`: of the case that requires a signed result. */
async function atLeader(signed = false): Promise<string> {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await staff('desk.hang-trong') },
    payload: birthAtCounter(ward),
  });
  assert.equal(res.statusCode, 201, res.body);
  const { code } = res.json<{ code: string }>();
  if (signed)
    await rt.deps.db.updateTable('dossiers').set({ case_key: 'ky-so' }).where('code', '=', code).execute();
  clock.advance(10 * 60_000);
  await kit.forward(await staff('desk.hang-trong'), code, 'specialist.hang-trong');
  clock.advance(10 * 60_000);
  await kit.forward(await staff('specialist.hang-trong'), code, 'leader.hang-trong');
  clock.advance(10 * 60_000);
  return code;
}

/** A one-page PDF as a leader would upload it (pdfkit; the same label gives the same bytes). */
const makePdf = (label: string) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2026-11-20T02:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(label);
    doc.end();
  });

async function verify(bytes: Buffer) {
  const boundary = '----sig' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return rt.injectBare({
    method: 'POST',
    url: '/api/v1/public/verify',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

type Sig = {
  signer: string;
  intact: boolean;
  trusted: boolean;
  revoked: boolean | null;
  expired: boolean;
  valid: boolean;
  reason?: string;
  signedAt: string | null;
};
type Answer = {
  signatures: Sig[];
  document?: { dossierCode: string; resultNumber: string | null; kind: string };
  valid: boolean;
};
type Session = {
  id: string;
  status: string;
  signedFileId: string | null;
  fileUrl: string;
  uploadUrl: string;
  sessionToken: string;
  resultToken: string;
};

/** The agency's name as its blocks write it. */
const wardName = async () =>
  (await rt.deps.db.selectFrom('agencies').select('name').where('code', '=', ward).executeTakeFirstOrThrow())
    .name;

/** The block's QR code, read from the rendered page, opens the verification page of this result. */
function assertQrOpens(pdf: Buffer, block: Omit<SignatureBlock, 'qrUrl'>, token: string) {
  const url = `${rt.deps.config.publicUrl}/xac-thuc?ma=${token}`;
  const expected = qrModules(url);
  assert.deepEqual(readQr(pdf, { ...block, qrUrl: url }, expected.size), expected.dark);
}

/** The leader's block on a kept result: name, agency, the time (or none) and the QR to this result. */
async function assertLeaderBlock(fileId: string, input: { resultToken: string; time: Date | null }) {
  if (popplerMissing) return;
  const kept = (await rt.deps.files.get(fileId))!;
  const text = blockText(kept);
  const organisation = await wardName();
  assert.ok(text.includes(`Ký bởi: ${pki.leader.name}`), text);
  assert.ok(text.includes(`Cơ quan: ${organisation}`), text);
  if (input.time) assert.ok(text.includes(`Thời gian ký: ${vnDisplayTime(input.time)}`), text);
  else assert.doesNotMatch(text, /Thời gian ký/);
  const block = { kind: 'person', signer: pki.leader.name, organisation, time: null } as const;
  assertQrOpens(kept, block, input.resultToken);
}

let sealedBytes: Buffer;
let resultToken: string;

test('a result sealed before approval takes the register number and verifies for anyone, and by its QR token', async () => {
  const code = await atLeader();
  const leader = await staff('leader.hang-trong');
  const options = await get(`/api/v1/dossiers/${code}/signing-options`, leader);
  assert.equal(options.statusCode, 200, options.body);
  assert.deepEqual(options.json<{ methods: string[] }>().methods, ['seal', 'plugin', 'remote']);
  assert.equal(options.json<{ nextResultNumber: string }>().nextResultNumber, '01/QĐ-UBND');
  const draft = await kit.upload(leader, await makePdf('giay khai sinh'), 'giay-khai-sinh.pdf');
  const created = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/signing-sessions`,
    headers: { cookie: leader },
    payload: { fileId: draft, method: 'seal' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const session = created.json<Session>();
  assert.equal(session.status, 'signed');
  const approve = await act(leader, code, 'approve', {
    resultDate: '2026-11-20',
    signer: pki.leader.name,
    resultDocuments: [{ name: 'Giấy khai sinh (bản điện tử)', fileId: session.signedFileId }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  assert.equal(
    approve.json<{ resultRecord?: { number: string } }>().resultRecord?.number ?? '01/QĐ-UBND',
    '01/QĐ-UBND',
  );

  sealedBytes = (await rt.deps.files.get(session.signedFileId!))!;
  if (!popplerMissing) {
    // The seal's block: the agency, the time in ISO 8601 with the Vietnam offset, the QR to this result.
    const agency = await wardName();
    const text = blockText(sealedBytes);
    assert.ok(text.includes(agency), text);
    assert.match(text, /2026-11-20T\d\d:\d\d:\d\d\+07:00/);
    assert.match(text, /Quét mã để xác thực/);
    assertQrOpens(sealedBytes, { kind: 'seal', organisation: agency, time: null }, session.resultToken);
  }
  const res = await verify(sealedBytes);
  assert.equal(res.statusCode, 200, res.body);
  const answer = res.json<Answer>();
  assert.equal(answer.valid, true);
  assert.equal(answer.signatures.length, 1);
  const [s] = answer.signatures;
  assert.equal(s!.intact, true);
  assert.equal(s!.trusted, true);
  assert.equal(s!.signer, pki.seal.name);
  assert.equal(s!.signedAt?.slice(0, 16), clock.now().toISOString().slice(0, 16));
  assert.deepEqual(
    { dossierCode: answer.document?.dossierCode, resultNumber: answer.document?.resultNumber },
    { dossierCode: code, resultNumber: '01/QĐ-UBND' },
  );

  resultToken = session.resultToken;
  const byToken = await rt.injectBare({ method: 'GET', url: `/api/v1/public/verify/results/${resultToken}` });
  assert.equal(byToken.statusCode, 200, byToken.body);
  const qr = byToken.json<Answer & { downloadUrl: string }>();
  assert.equal(qr.valid, true);
  assert.equal(qr.document?.resultNumber, '01/QĐ-UBND');
  const file = await rt.injectBare({ method: 'GET', url: qr.downloadUrl });
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.rawPayload, sealedBytes);
  const unknown = await rt.injectBare({
    method: 'GET',
    url: `/api/v1/public/verify/results/${'x'.repeat(32)}`,
  });
  assert.equal(unknown.statusCode, 404);

  // The register: the next approval without a number takes 02; a typed number already there is refused.
  const second = await atLeader();
  const dup = await act(leader, second, 'approve', {
    resultNumber: '01/QĐ-UBND',
    resultDate: '2026-11-20',
    signer: pki.leader.name,
    resultDocuments: [{ name: 'Giấy khai sinh (bản giấy)' }],
  });
  assert.equal(dup.statusCode, 409, dup.body);
  assert.equal(errorOf(dup).reason, 'SIGNATURES_RESULT_NUMBER_TAKEN');
  const next = await act(leader, second, 'approve', {
    resultDate: '2026-11-20',
    signer: pki.leader.name,
    resultDocuments: [{ name: 'Giấy khai sinh (bản giấy)' }],
  });
  assert.equal(next.statusCode, 200, next.body);
  const register = await get(
    `/api/v1/agencies/${encodeURIComponent(ward)}/result-register?year=2026`,
    leader,
  );
  assert.equal(register.statusCode, 200, register.body);
  const entries = register.json<{
    items: {
      resultNumber: string;
      sequence: number | null;
      dossierCode: string;
      documents: { signed: boolean }[];
    }[];
  }>().items;
  assert.deepEqual(
    entries.map((e) => [e.sequence, e.resultNumber, e.dossierCode, e.documents.map((d) => d.signed)]),
    [
      [2, '02/QĐ-UBND', second, [false]],
      [1, '01/QĐ-UBND', code, [true]],
    ],
  );
});

test('one byte changed is reported as changed; foreign, expired and revoked certificates as such', async () => {
  const tampered = Buffer.from(sealedBytes);
  // A byte inside the signed page content (not the signature's own /Contents).
  const at = tampered.indexOf('/MediaBox');
  tampered[at + 1] = 'N'.charCodeAt(0);
  const changed = (await verify(tampered)).json<Answer>();
  assert.equal(changed.valid, false);
  assert.equal(changed.signatures[0]!.intact, false);
  assert.match(changed.signatures[0]!.reason ?? '', /đã bị thay đổi/);
  assert.equal(changed.document, undefined);

  const foreign = Buffer.from(
    await signPdf(await makePdf('foreign'), pki.foreign.signer, { signedAt: clock.now() }),
  );
  const f = (await verify(foreign)).json<Answer>();
  assert.equal(f.signatures[0]!.trusted, false);
  assert.equal(f.valid, false);
  assert.match(f.signatures[0]!.reason ?? '', /không xác định được nguồn tin cậy/i);

  const revoked = Buffer.from(
    await signPdf(await makePdf('revoked'), pki.revokedPerson.signer, { signedAt: clock.now() }),
  );
  const r = (await verify(revoked)).json<Answer>();
  assert.equal(r.signatures[0]!.revoked, true);
  assert.equal(r.valid, false);

  const expired = await signPdf(await makePdf('expired'), pki.expired.signer, { signedAt: clock.now() }).then(
    (b) => verify(Buffer.from(b)).then((res) => res.json<Answer>()),
    () => null,
  );
  // The library may refuse to sign with an expired certificate at all; when it signs, it is reported.
  if (expired) {
    assert.equal(expired.signatures[0]!.expired, true);
    assert.equal(expired.valid, false);
  }

  const notPdf = await verify(Buffer.from('hello, not a pdf'));
  assert.equal(notPdf.statusCode, 415);
  const unsigned = (await verify(await makePdf('unsigned'))).json<Answer>();
  assert.deepEqual(unsigned.signatures, []);
  assert.equal(unsigned.valid, false);
});

test('a case requiring a signed result refuses return-result without one, accepts it with the plugin-signed file', async () => {
  const code = await atLeader(true);
  const leader = await staff('leader.hang-trong');
  const desk = await staff('desk.hang-trong');
  const paper = await act(leader, code, 'approve', {
    resultDate: '2026-11-20',
    signer: pki.leader.name,
    resultDocuments: [
      {
        name: 'Giấy khai sinh',
        fileId: await kit.upload(leader, await makePdf('unsigned result'), 'kq.pdf'),
      },
    ],
  });
  assert.equal(paper.statusCode, 200, paper.body);
  const refused = await act(desk, code, 'return-result', { channel: 'counter' });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(errorOf(refused).reason, 'SIGNATURES_SIGNED_RESULT_REQUIRED');
  assert.match(errorOf(refused).message, /ký số/);

  // Another dossier of the case, signed through the plugin's path as the stand-in does it.
  const other = await atLeader(true);
  const draftBytes = await makePdf('plugin result');
  const draft = await kit.upload(leader, draftBytes, 'kq.pdf');
  const created = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${other}/signing-sessions`,
    headers: { cookie: leader },
    payload: { fileId: draft, method: 'plugin' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const session = created.json<Session>();
  assert.equal(session.status, 'pending');
  const path = (u: string) => new URL(u).pathname + new URL(u).search;
  const noToken = await rt.injectBare({ method: 'GET', url: new URL(session.fileUrl).pathname });
  assert.equal(noToken.statusCode, 403);
  const download = await rt.injectBare({ method: 'GET', url: path(session.fileUrl) });
  assert.equal(download.statusCode, 200);
  // The plugin signs the draft with the officer's block drawn on it, as a revision after the draft's bytes.
  assert.ok(download.rawPayload.length > draftBytes.length);
  assert.deepEqual(download.rawPayload.subarray(0, draftBytes.length), draftBytes);
  const upload = async (bytes: Buffer) => {
    const boundary = '----plugin' + Math.random().toString(16).slice(2);
    return rt.injectBare({
      method: 'POST',
      url: path(session.uploadUrl),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="uploadfile"; filename="kq.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  };
  const signed = Buffer.from(
    await signPdf(download.rawPayload, pki.leader.signer, { signedAt: clock.now() }),
  );
  const accepted = await upload(signed);
  assert.equal(accepted.statusCode, 200, accepted.body);
  const answer = accepted.json<{ Status: number; FileServer: string }>();
  assert.equal(answer.Status, 0, accepted.body);
  const again = await upload(signed);
  assert.equal(again.statusCode, 409);
  const done = (await get(`/api/v1/signing/sessions/${session.id}`, leader)).json<Session>();
  assert.equal(done.status, 'signed');
  assert.equal(done.signedFileId, answer.FileServer);
  // The plugin's block has no time: the plugin's software signs later and shows its own.
  await assertLeaderBlock(answer.FileServer, { resultToken: session.resultToken, time: null });

  const approve = await act(leader, other, 'approve', {
    resultDate: '2026-11-20',
    signer: pki.leader.name,
    resultDocuments: [{ name: 'Giấy khai sinh', fileId: done.signedFileId }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  const returned = await act(desk, other, 'return-result', { channel: 'counter' });
  assert.equal(returned.statusCode, 200, returned.body);
});

test('a damaged PDF is refused when the plugin session opens (422), not when the plugin downloads it', async () => {
  const code = await atLeader();
  const leader = await staff('leader.hang-trong');
  const damaged = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstartxref\n9\n%%EOF\n');
  const draft = await kit.upload(leader, damaged, 'hong.pdf');
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/signing-sessions`,
    headers: { cookie: leader },
    payload: { fileId: draft, method: 'plugin' },
  });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(errorOf(res).reason, 'PDF_UNREADABLE');
  const sessions = await rt.deps.db
    .selectFrom('signing_sessions')
    .select('session_id')
    .where('file_id', '=', draft)
    .execute();
  assert.deepEqual(sessions, []);
});

test('the plugin upload of a file signed by someone else is refused in the plugin shape and fails the session', async () => {
  const code = await atLeader();
  const leader = await staff('leader.hang-trong');
  const draft = await kit.upload(leader, await makePdf('wrong signer'), 'kq.pdf');
  const session = (
    await rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/signing-sessions`,
      headers: { cookie: leader },
      payload: { fileId: draft, method: 'plugin' },
    })
  ).json<Session>();
  const signed = Buffer.from(
    await signPdf(await makePdf('wrong signer'), pki.seal.signer, { signedAt: clock.now() }),
  );
  const boundary = '----p';
  const res = await rt.injectBare({
    method: 'POST',
    url: new URL(session.uploadUrl).pathname + new URL(session.uploadUrl).search,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\n\r\n`),
      signed,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json<{ Status: number }>().Status, 1);
  assert.equal(
    (await get(`/api/v1/signing/sessions/${session.id}`, leader)).json<Session>().status,
    'failed',
  );
});

test('remote signing through the simulator, and its faults: refused on the phone, no answer', async () => {
  const code = await atLeader();
  const leader = await staff('leader.hang-trong');
  const sign = async () =>
    rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/signing-sessions`,
      headers: { cookie: leader },
      payload: { fileId: await kit.upload(leader, await makePdf('remote'), 'kq.pdf'), method: 'remote' },
    });
  sim.setMode('refuse');
  const refused = await sign();
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(errorOf(refused).reason, 'SIGNATURES_REMOTE_REFUSED');
  sim.setMode('timeout');
  const timedOut = await sign();
  assert.equal(timedOut.statusCode, 503, timedOut.body);
  assert.equal(errorOf(timedOut).reason, 'SIGNATURES_REMOTE_TIMEOUT');
  sim.setMode('auto', 10);
  const ok = await sign();
  assert.equal(ok.statusCode, 201, ok.body);
  const session = ok.json<Session & { signatures: Sig[] }>();
  assert.equal(session.status, 'signed');
  assert.equal(session.signatures[0]!.signer, pki.leader.name);
  assert.equal(session.signatures[0]!.valid, true);
  // The officer's block, with the signature's own time, in the revision the remote signature covers.
  await assertLeaderBlock(session.signedFileId!, { resultToken: session.resultToken, time: clock.now() });
});

test('a receipt slip carries the receiving agency seal and verifies; served again as kept', async () => {
  const code = await atLeader();
  const desk = await staff('desk.hang-trong');
  const first = await get(`/api/v1/dossiers/${code}/slips/receipt`, desk);
  assert.equal(first.statusCode, 200, first.body.slice(0, 200));
  const answer = (await verify(first.rawPayload)).json<Answer>();
  assert.equal(answer.valid, true);
  assert.equal(answer.document?.kind, 'slip');
  assert.equal(answer.document?.dossierCode, code);
  const second = await get(`/api/v1/dossiers/${code}/slips/receipt`, desk);
  assert.deepEqual(second.rawPayload, first.rawPayload);
});

test('signing sessions are for whoever may approve; the register for leaders and auditors in reach', async () => {
  const code = await atLeader();
  const desk = await staff('desk.hang-trong');
  const options = await get(`/api/v1/dossiers/${code}/signing-options`, desk);
  assert.equal(options.statusCode, 403);
  const anonymous = await rt.injectBare({ method: 'GET', url: `/api/v1/dossiers/${code}/signing-options` });
  assert.equal(anonymous.statusCode, 401);
  const url = `/api/v1/agencies/${encodeURIComponent(ward)}/result-register`;
  assert.equal((await get(url, desk)).statusCode, 403);
  assert.equal((await rt.injectBare({ method: 'GET', url })).statusCode, 401);
  assert.equal((await get(url, await staff('leader.hang-trong'))).statusCode, 200);
});
