// Journeys through the HTTP API in time: worklists, lateness, public lookups, the clock's pauses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_HUONG, funeralSupportAtCounter } from '../../test/fixtures.ts';
import { userId } from '../../test/seeded.ts';
import { journeyKit, pdfText, type View } from './test-kit.ts';

const { kit, cookies, as, intake, act, getAs } = journeyKit();
const { clock } = kit;

test('worklists: counts and lists per role follow the dossier; overdue once the due time passes', async () => {
  clock.set('2026-11-27T01:00:00Z'); // Friday 08:00
  cookies.clear();
  const counts = async (u: string) =>
    (await getAs(u, '/api/v1/dossiers/counts')).json<Record<string, number>>();
  const list = async (u: string, l: string) =>
    (await getAs(u, `/api/v1/dossiers?list=${l}&pageSize=500`)).json<{
      items: { code: string }[];
      total: number;
    }>();
  const before = await counts('specialist.hang-trong');
  const d = (await intake('desk.hang-trong')).json<View>();
  assert.ok((await list('desk.hang-trong', 'agency')).items.some((i) => i.code === d.code));
  const specialistId = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  assert.equal(
    (await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId })).statusCode,
    200,
  );
  const after = await counts('specialist.hang-trong');
  assert.equal(after.mine, (before.mine ?? 0) + 1);
  assert.ok((await list('specialist.hang-trong', 'mine')).items.some((i) => i.code === d.code));
  assert.ok(!(await list('specialist.hang-trong', 'overdue')).items.some((i) => i.code === d.code));
  clock.set('2026-12-01T02:00:00Z'); // past Monday's due time
  cookies.clear();
  assert.ok((await list('specialist.hang-trong', 'overdue')).items.some((i) => i.code === d.code));
  assert.ok(
    ((await counts('leader.hoan-kiem')).overdue ?? 0) >= 1,
    'the city leader (UBND Thành phố Hà Nội) sees overdue dossiers of its wards',
  );
  assert.equal((await counts('desk.quan-3')).overdue, 0);
  const anon = await kit.rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/counts' });
  assert.equal(anon.statusCode, 401);
});

test('late path: the leader apologises once, at least a working day ahead; the original due time stays', async () => {
  clock.set('2026-12-07T02:00:00Z'); // Monday 09:00
  cookies.clear();
  const res = await kit.rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: funeralSupportAtCounter(kit.hangTrong),
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View & { extendedDueAt: string | null }>();
  // Three working days from Monday 09:00: Thursday 09:00.
  assert.equal(d.dueAt, '2026-12-10T02:00:00.000Z');
  const specialistId = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  assert.equal(
    (await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId })).statusCode,
    200,
  );

  // A specialist may not apologise; the leader may, with a new appointment after the due time.
  clock.set('2026-12-08T03:00:00Z'); // Tuesday 10:00, about two working days before the due time
  cookies.clear();
  const bySpecialist = await act('specialist.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm',
    newDueAt: '2026-12-14T10:00:00+07:00',
  });
  assert.equal(bySpecialist.statusCode, 403, bySpecialist.body);
  const early = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm',
    newDueAt: '2026-12-09T10:00:00+07:00',
  });
  assert.equal(early.statusCode, 400, 'the new appointment must come after the due time');
  const apology = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Cần xác minh thêm thông tin về đối tượng bảo trợ xã hội',
    newDueAt: '2026-12-14T10:00:00+07:00',
  });
  assert.equal(apology.statusCode, 200, apology.body);
  const after = apology.json<View & { extendedDueAt: string | null }>();
  assert.equal(after.dueAt, '2026-12-10T02:00:00.000Z', 'the original due time is kept for KPIs');
  assert.equal(after.extendedDueAt, '2026-12-14T03:00:00.000Z');
  const again = await act('leader.hang-trong', d.code, 'apologize', {
    reason: 'Lần hai',
    newDueAt: '2026-12-16T10:00:00+07:00',
  });
  assert.equal(again.statusCode, 409, `a second apology is refused: ${again.body}`);
  const slip = await getAs('desk.hang-trong', `/api/v1/dossiers/${d.code}/slips/apology`);
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 200));
  const apologyText = pdfText(slip.rawPayload);
  assert.ok(apologyText.replace(/\s+/g, ' ').includes('xác minh thêm'), apologyText);
  const pub = (await kit.rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${d.code}` })).json<{
    dueAt: string;
  }>();
  assert.equal(pub.dueAt, '2026-12-14T03:00:00.000Z', 'the citizen sees the new appointment');
});

test('public lookups asked together are answered together, each with its own dossier', async () => {
  const codes: string[] = [];
  for (const name of ['Nguyễn Thị Hường', 'Trần Văn Minh', 'Lê Thị Lan']) {
    const res = await intake('desk.hang-trong', { applicant: { ...APPLICANT_HUONG, fullName: name } });
    assert.equal(res.statusCode, 201, res.body);
    codes.push(res.json<{ code: string }>().code);
  }
  const asked = [codes[2]!, codes[0]!, 'KHONG-CO-0000', codes[1]!, codes[0]!];
  const answers = await Promise.all(
    // The applicant's ID number ends in 2345 (APPLICANT_HUONG): the names are shown, masked.
    asked.map((code) =>
      kit.rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?digits=2345` }),
    ),
  );
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [200, 200, 404, 200, 200],
  );
  const shown = answers.map((a) =>
    a.statusCode === 200 ? a.json<{ code: string; applicantName: string }>() : null,
  );
  assert.deepEqual(
    shown.map((s) => s && [s.code, s.applicantName]),
    [
      [codes[2], 'Lê T*** L***'],
      [codes[0], 'Nguyễn T*** H***'],
      null,
      [codes[1], 'Trần V*** M***'],
      [codes[0], 'Nguyễn T*** H***'],
    ],
  );
});

test('a supplement handed in the same minute it was asked for resumes the clock (an empty pause)', async () => {
  const d = (await intake('desk.hang-trong')).json<View>();
  const specialistId = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  clock.advance(15 * 60_000);
  const fwd = await act('desk.hang-trong', d.code, 'forward', { nextAssigneeId: specialistId });
  assert.equal(fwd.statusCode, 200, fwd.body);
  clock.advance(10 * 60_000);
  const asked = await act('specialist.hang-trong', d.code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal(asked.json<View>().status, 'awaiting-supplement');
  // The applicant is at the counter with the paper: recorded at once (the clock does not move).
  const supplied = await act('desk.hang-trong', d.code, 'supplement', {
    components: [{ name: 'Giấy chứng sinh (bản chính)' }],
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  const after = supplied.json<View>();
  assert.equal(after.status, 'processing');
  assert.ok(after.dueAt !== null && after.dueAt >= d.dueAt!, `${after.dueAt} ≥ ${d.dueAt}`);
});
