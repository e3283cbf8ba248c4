// The public lookup by code (issue #20, finding 13): the code alone — sequential, so anyone can walk a
// desk's day — shows where a dossier stands and nothing of who applied for what; the procedure, the
// competent agency and the masked name need the last 4 digits of the applicant's ID number or phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { APPLICANT_HUONG, birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { holdsApplicantDigits, maskName } from './views/public-lookup.ts';

let rt: TestRuntime;
let code: string;
let oneWord: string;

before(async () => {
  rt = await createTestRuntime();
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  const hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  const receive = async (fullName: string) => {
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: desk, origin: ORIGIN },
      payload: { ...birthAtCounter(hangTrong), applicant: { ...APPLICANT_HUONG, fullName } },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ code: string }>().code;
  };
  code = await receive('Nguyễn Thị Hường');
  oneWord = await receive('Hường');
});
after(() => rt.close());

const lookup = (c: string, query = '') => rt.app.inject(`/api/v1/public/dossiers/${c}${query}`);

test('#20.13 the code alone shows the status, the dates and the receiving desk, not who applied for what', async () => {
  const res = await lookup(code);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<Record<string, unknown>>();
  assert.deepEqual(Object.keys(body).sort(), [
    'code',
    'dueAt',
    'receivedAt',
    'receivingAgency',
    'returnedAt',
    'status',
    'statusLabel',
    'verified',
  ]);
  assert.equal(body.verified, false);
  for (const secret of ['Hường', 'H***', 'khai sinh', '1.001193'])
    assert.ok(!res.body.includes(secret), `the code alone shows ${secret}`);
});

test('#20.13 with the last 4 digits of the ID number or the phone, the procedure and the masked name', async () => {
  for (const digits of ['2345', '5678']) {
    const res = await lookup(code, `?digits=${digits}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ verified: boolean; applicantName: string; procedure: { code: string } }>();
    assert.equal(body.verified, true, digits);
    assert.equal(body.applicantName, 'Nguyễn T*** H***');
    assert.equal(body.procedure.code, '1.001193');
    assert.ok(!res.body.includes(APPLICANT_HUONG.idNumber) && !res.body.includes(APPLICANT_HUONG.phone));
  }
  const wrong = (await lookup(code, '?digits=0000')).json<Record<string, unknown>>();
  assert.equal(wrong.verified, false);
  assert.equal(wrong.applicantName, undefined);
  assert.equal(wrong.procedure, undefined);
  const malformed = await lookup(code, '?digits=12');
  assert.equal(malformed.statusCode, 400);
  assert.deepEqual(
    errorOf(malformed).details?.map((d) => d.path),
    ['query/digits'],
  );
});

test('#20.13 a one-word name is never shown in full', async () => {
  const body = (await lookup(oneWord, '?digits=2345')).json<{ applicantName: string }>();
  assert.equal(body.applicantName, 'H***');
  assert.equal(maskName('Hường'), 'H***');
  assert.equal(maskName('  '), '***');
  assert.equal(maskName('Lê Văn  Tám'), 'Lê V*** T***');
});

test('the digits must end the ID number or the phone, digits only', () => {
  const applicant = { idNumber: '001190012345', phone: '0912 345 678' };
  assert.ok(holdsApplicantDigits('2345', applicant));
  assert.ok(holdsApplicantDigits('5678', applicant));
  assert.ok(!holdsApplicantDigits('1234', applicant));
  assert.ok(!holdsApplicantDigits('345', applicant));
  assert.ok(!holdsApplicantDigits('2345', { idNumber: null, phone: '45' }));
});
