// The papers of a dossier through the HTTP API: a birth registration submitted online with its files,
// supplemented, and approved with an electronic result; the applicant and the staff who handle it list
// its papers and open each file (byte for byte); a file the dossier does not name, another citizen, an
// officer of another ward, an anonymous caller get nothing; each file an officer opens is audited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { testConfig } from '../../test/template.ts';
import { birthOnline } from '../../test/fixtures.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import type { DossierAttachments } from '../../../common/contracts/dossier-attachments.ts';
import { dossierPapers } from './dossier-attachments.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
const { staff, citizen, get, upload } = kit;
const HUONG = 'dev-001190012345';
const MINH = 'dev-001085004321';
let hangTrong: string;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const act = async (cookie: string, code: string, action: string, body: Record<string, unknown> = {}) => {
  await kit.actOk(cookie, code, action, body);
};
const forward = kit.forward;

/** Every file of the dossier, by id, with the bytes it was uploaded with. */
const uploaded = new Map<string, Buffer>();
let code: string;
let foreignFile: string;
/** The first component the online channel requires: it is given two files. */
let first: string;

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');

  // Hường submits a birth registration online: the components the channel requires, each with its own
  // file (the first with two: a PDF and a photo).
  const huong = await citizen(HUONG);
  const submit = async (components: unknown) =>
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/portal/dossiers',
      headers: { cookie: huong, origin: ORIGIN },
      payload: birthOnline(hangTrong, components),
    });
  const none = await submit([]);
  assert.equal(none.statusCode, 400);
  const required = errorOf(none)
    .details!.map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  assert.ok(required.length > 0);
  first = required[0]!;
  const components = [];
  for (const c of required) {
    const fileIds = [];
    for (const [i, bytes] of (c === first ? [pdf(`${c} trang 1`), PNG] : [pdf(c)]).entries()) {
      const id = await upload(huong, bytes, `${c}-${i}.bin`);
      uploaded.set(id, bytes);
      fileIds.push(id);
    }
    components.push({ code: c, fileIds });
  }
  const submitted = await submit(components);
  assert.equal(submitted.statusCode, 201, submitted.body);
  code = submitted.json<{ code: string }>().code;

  // The desk asks for a clearer birth certificate; she sends it.
  clock.advance(10 * 60_000);
  await act(await staff('desk.hang-trong'), code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
  });
  clock.advance(10 * 60_000);
  const supplement = pdf('Giay chung sinh ro net');
  const supplementId = await upload(huong, supplement, 'giay-chung-sinh.pdf');
  uploaded.set(supplementId, supplement);
  await act(huong, code, 'supplement', { components: [{ name: 'Giấy chứng sinh', fileId: supplementId }] });

  // Accepted, processed, approved with an electronic result and a paper one.
  clock.advance(10 * 60_000);
  await act(await staff('desk.hang-trong'), code, 'accept');
  await forward(await staff('desk.hang-trong'), code, 'specialist.hang-trong');
  clock.advance(60 * 60_000);
  await forward(await staff('specialist.hang-trong'), code, 'leader.hang-trong');
  const leader = await staff('leader.hang-trong');
  const result = pdf('Giay khai sinh ban dien tu');
  const resultId = await upload(leader, result, 'ket-qua.pdf');
  uploaded.set(resultId, result);
  await act(leader, code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [
      { name: 'Bản sao Giấy khai sinh (02 bản giấy)' },
      { name: 'Giấy khai sinh (bản điện tử)', fileId: resultId },
    ],
  });
  foreignFile = await upload(await citizen(MINH), pdf('Minh'), 'minh.pdf');
});
after(async () => {
  await rt.close();
  await idp.close();
});

test('the papers: components as received with their files, the supplement, the results', async () => {
  for (const who of [await citizen(HUONG), await staff('specialist.hang-trong')]) {
    const res = await get(`/api/v1/dossiers/${code}/attachments`, who);
    assert.equal(res.statusCode, 200, res.body);
    const papers = res.json<DossierAttachments>();
    assert.ok(papers.components.length > 0);
    const component = papers.components.find((c) => c.code === first);
    assert.ok(component, `${first} is listed`);
    const procedure = await rt.deps.db
      .selectFrom('procedure_versions as v')
      .innerJoin('dossiers as d', 'd.procedure_version_id', 'v.procedure_version_id')
      .select('v.data')
      .where('d.code', '=', code)
      .executeTakeFirstOrThrow();
    const names = (procedure.data as { components: { name: string }[] }).components;
    assert.equal(component.name, names[Number(first.slice(2)) - 1]!.name, 'the procedure names it');
    assert.equal(component.provided, 'electronic');
    assert.deepEqual(
      component.files.map((f) => [f.mediaType, f.size, f.originalName]),
      [
        ['application/pdf', pdf(`${first} trang 1`).length, `${first}-0.bin`],
        ['image/png', PNG.length, `${first}-1.bin`],
      ],
    );
    assert.equal(papers.supplements.length, 1);
    assert.equal(papers.supplements[0]!.name, 'Giấy chứng sinh');
    assert.equal(papers.supplements[0]!.file?.originalName, 'giay-chung-sinh.pdf');
    assert.deepEqual(
      papers.results.map((r) => [r.name, r.file?.mediaType ?? null]),
      [
        ['Bản sao Giấy khai sinh (02 bản giấy)', null],
        ['Giấy khai sinh (bản điện tử)', 'application/pdf'],
      ],
    );
    const listed = [
      ...papers.components.flatMap((c) => c.files),
      ...papers.supplements.flatMap((s) => (s.file ? [s.file] : [])),
      ...papers.results.flatMap((r) => (r.file ? [r.file] : [])),
    ].map((f) => f.fileId);
    assert.deepEqual(listed.sort(), [...uploaded.keys()].sort(), 'every file of the dossier, once');
  }
});

test('the applicant and the staff who handle it open every file, byte for byte; staff openings are audited', async () => {
  const audited = async () =>
    (
      await rt.deps.db
        .selectFrom('audit_log')
        .select(['actor_label', 'entity_type', 'details'])
        .where('action', '=', 'dossier-file.opened')
        .execute()
    ).length;
  const before = await audited();
  for (const [id, bytes] of uploaded) {
    for (const who of [
      await citizen(HUONG),
      await staff('desk.hang-trong'),
      await staff('leader.hang-trong'),
    ]) {
      const res = await get(`/api/v1/dossiers/${code}/attachments/${id}`, who);
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      assert.deepEqual(res.rawPayload, bytes);
      assert.equal(res.headers['content-type'], bytes[0] === 0x89 ? 'image/png' : 'application/pdf');
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="[0-9A-Z.-]+-(TP\d+(-\d+)?|bo-sung-1|ket-qua-2)\.(pdf|png)"$/,
      );
      assert.equal(res.headers['cache-control'], 'private, no-store');
    }
  }
  // Two officers opened each file; the applicant's own reads are not logged.
  assert.equal((await audited()) - before, 2 * uploaded.size);
  const last = await rt.deps.db
    .selectFrom('audit_log')
    .select(['actor_label', 'entity_type', 'details'])
    .where('action', '=', 'dossier-file.opened')
    .orderBy('audit_id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(last.actor_label, 'leader.hang-trong');
  assert.equal(last.entity_type, 'dossier');
  assert.equal((last.details as { code: string }).code, code);
});

test('nothing for a file the dossier does not name, another citizen, an officer of another ward, an anonymous caller', async () => {
  const anyFile = [...uploaded.keys()][0]!;
  const cases: [string, string | undefined, number][] = [
    [`/api/v1/dossiers/${code}/attachments/${foreignFile}`, await citizen(HUONG), 404],
    [`/api/v1/dossiers/${code}/attachments/${foreignFile}`, await staff('desk.hang-trong'), 404],
    [`/api/v1/dossiers/${code}/attachments/${anyFile}`, await citizen(MINH), 404],
    [`/api/v1/dossiers/${code}/attachments`, await citizen(MINH), 404],
    [`/api/v1/dossiers/${code}/attachments/${anyFile}`, await staff('desk.hang-bac'), 404],
    [`/api/v1/dossiers/${code}/attachments`, await staff('desk.hang-bac'), 404],
    [`/api/v1/dossiers/${code}/attachments/${anyFile}`, undefined, 401],
    [`/api/v1/dossiers/${code}/attachments`, undefined, 401],
  ];
  for (const [url, who, status] of cases) {
    const res = await get(url, who);
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    assert.ok(errorOf(res).message.length > 0);
  }
  const bad = await get(`/api/v1/dossiers/no%20pe/attachments/not-a-uuid`, await citizen(HUONG));
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    errorOf(bad)
      .details!.map((d) => d.path)
      .sort(),
    ['params/code', 'params/fileId'],
  );
});

test('dossierPapers: the procedure names the components, each file once, download names by part', () => {
  const papers = dossierPapers('X', {
    components: [
      { code: 'TP2', provided: 'electronic', fileIds: ['a', 'b'] },
      { code: 'TP9', provided: 'original' },
      { code: 'TP1', provided: 'reused', fileIds: ['c'], documentIds: ['7'] },
    ],
    procedure: { components: [{ name: 'Tờ khai' }, { name: 'Giấy chứng sinh' }] as never },
    supplements: [
      { at: 't1', input: { components: [{ name: 'Bản rõ', fileId: 'd' }, { name: 'Giấy' }] } },
      {
        at: 't2',
        input: {
          components: [
            { name: 'Lại', fileId: 'a' },
            { name: 'Mới', fileId: 'e' },
          ],
        },
      },
    ],
    results: [{ name: 'KQ giấy' }, { name: 'KQ điện tử', fileId: 'f' }],
  });
  assert.deepEqual(
    papers.components.map((c) => [c.code, c.name, c.fileIds, c.documentIds]),
    [
      ['TP2', 'Giấy chứng sinh', ['a', 'b'], []],
      ['TP9', 'TP9', [], []],
      ['TP1', 'Tờ khai', ['c'], ['7']],
    ],
  );
  assert.deepEqual(
    papers.supplements.map((s) => [s.name, s.at, s.fileId]),
    [
      ['Bản rõ', 't1', 'd'],
      ['Giấy', 't1', null],
      ['Lại', 't2', 'a'],
      ['Mới', 't2', 'e'],
    ],
  );
  assert.deepEqual(
    papers.refs.map((r) => [r.fileId, r.part]),
    [
      ['a', 'TP2-1'],
      ['b', 'TP2-2'],
      ['c', 'TP1'],
      ['d', 'bo-sung-1'],
      ['e', 'bo-sung-2'],
      ['f', 'ket-qua-2'],
    ],
  );
});
