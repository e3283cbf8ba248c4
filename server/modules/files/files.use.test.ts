// Who may attach an uploaded file to a dossier (issue #20, finding 8): its uploader only — the citizen,
// or the staff account — across the demo desks of three provinces.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { createUser } from '../auth/auth.service.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';

let rt: TestRuntime;
let idp: { close: () => Promise<void> };
const kit = dossierKit(() => rt);
before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ config: started.config(testConfig(null).oidc) });
  await createUser(
    rt.deps,
    { userId: null, label: 'test' },
    {
      username: 'desk2.hang-trong',
      fullName: 'Cán bộ một cửa thứ hai',
      password: 'mat-khau-dai',
      roles: [{ role: 'desk-officer', agencyCode: await peoplesCommittee(rt.deps.db, '00070') }],
    },
  );
});
after(async () => {
  await rt.close();
  await idp.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A birth registration at `desk`'s counter for `agencyCode`, its declaration scanned as `fileId`. */
const intakeWith = (cookie: string, agencyCode: string, fileId: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: {
      ...birthAtCounter(agencyCode),
      components: [
        { code: 'TP1', provided: 'electronic', fileIds: [fileId] },
        { code: 'TP3', provided: 'original' },
      ],
    },
  });

const FILE_PATH = 'body/components/0/fileIds/0';
const problemPaths = (res: Awaited<ReturnType<typeof intakeWith>>) =>
  res.statusCode === 400 ? (errorOf(res).details ?? []).map((d) => d.path) : [];

test('#20.8 a file is attached only by the account that uploaded it: other desks of three provinces cannot', async () => {
  const a = await kit.staff('desk.hang-trong');
  const fileOfA = await kit.upload(a, PDF, 'to-khai.pdf');
  // Each desk receives at its own People's Committee, a ward or commune that offers this procedure:
  // only the file is in question.
  const desks: [string, string, string][] = [
    ['desk2.hang-trong', 'mat-khau-dai', '00070'], // the same desk, another account
    ['desk.hang-bac', 'demo', '00082'], // another ward, Hà Nội (Phường Cửa Nam)
    ['desk.my-duc', 'demo', '10441'], // a commune of Hà Nội (Xã Mỹ Đức)
    ['desk.tay-giang', 'demo', '20455'], // Đà Nẵng (Xã Tây Giang)
    ['desk.quan-3', 'demo', '27142'], // Hồ Chí Minh City (Phường Nhiêu Lộc)
  ];
  for (const [username, password, unit] of desks) {
    const cookie = await loginAs(rt.app, username, password);
    const agency = await peoplesCommittee(rt.deps.db, unit);
    const dossiers = await countRows(rt.deps.db, 'dossiers');
    const theirs = await intakeWith(cookie, agency, fileOfA);
    assert.equal(theirs.statusCode, 400, `${username}: ${theirs.body}`);
    assert.deepEqual(problemPaths(theirs), [FILE_PATH], username);
    assert.equal(await countRows(rt.deps.db, 'dossiers'), dossiers, `${username}: nothing received`);
    // The same intake with a file of their own has no problem with the file.
    const own = await intakeWith(cookie, agency, await kit.upload(cookie, PDF, 'cua-toi.pdf'));
    assert.ok(!problemPaths(own).includes(FILE_PATH), `${username}: ${own.body}`);
  }
  // The uploader attaches it, and reads it back through the dossier.
  const mine = await intakeWith(a, await peoplesCommittee(rt.deps.db, '00070'), fileOfA);
  assert.equal(mine.statusCode, 201, mine.body);
  const code = mine.json<{ code: string }>().code;
  const file = await kit.get(`/api/v1/dossiers/${code}/attachments/${fileOfA}`, a);
  assert.equal(file.statusCode, 200, file.body);
  assert.deepEqual(file.rawPayload, PDF);
});

test("#20.8 a desk cannot attach a citizen's upload; an unknown id is refused alike", async () => {
  const desk = await kit.staff('desk.hang-trong');
  const citizen = await kit.citizen('dev-001190012345');
  const citizensFile = await kit.upload(citizen, PDF, 'cccd.pdf');
  const refused = await intakeWith(desk, await peoplesCommittee(rt.deps.db, '00070'), citizensFile);
  assert.equal(refused.statusCode, 400, refused.body);
  assert.deepEqual(problemPaths(refused), [FILE_PATH]);
  // Unknown and malformed ids are refused the same way, with no hint whose they are.
  const unknown = await intakeWith(
    desk,
    await peoplesCommittee(rt.deps.db, '00070'),
    '00000000-0000-4000-8000-000000000000',
  );
  assert.deepEqual(problemPaths(unknown), [FILE_PATH]);
  assert.equal(errorOf(unknown).details![0]!.message, errorOf(refused).details![0]!.message);
});

test("#20.8 an action (a desk's supplement) attaches only the acting account's uploads", async () => {
  const desk = await kit.staff('desk.hang-trong');
  const other = await loginAs(rt.app, 'desk2.hang-trong', 'mat-khau-dai');
  // Received without its papers: held for a supplement (422, the dossier named).
  const held = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk, origin: ORIGIN },
    payload: { ...birthAtCounter(await peoplesCommittee(rt.deps.db, '00070')), components: [] },
  });
  assert.equal(held.statusCode, 422, held.body);
  const code = held.json<{ error: { dossierCode: string } }>().error.dossierCode;
  const colleagues = await kit.upload(other, PDF, 'cua-dong-nghiep.pdf');
  const refused = await kit.act(desk, code, 'supplement', {
    components: [{ name: 'Tờ khai', fileId: colleagues }],
  });
  assert.equal(refused.statusCode, 400, refused.body);
  assert.deepEqual(
    errorOf(refused).details?.map((d) => d.path),
    ['body/components/0/fileId'],
  );
  const own = await kit.act(desk, code, 'supplement', {
    components: [{ name: 'Tờ khai', fileId: await kit.upload(desk, PDF, 'to-khai.pdf') }],
  });
  assert.equal(own.statusCode, 200, own.body);
});
