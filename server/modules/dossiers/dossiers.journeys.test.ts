// Journeys through the HTTP API, as desks, specialists and leaders do them: one ward's desk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf } from '../../test/http.ts';
import { APPLICANT_HUONG, birthAtCounter } from '../../test/fixtures.ts';
import { countRows, userId } from '../../test/seeded.ts';
import { journeyKit, pdfText, type View } from './test-kit.ts';

const { kit, cookies, as, intake, act, actWith, viewOf, allowed, getAs } = journeyKit();
const { clock } = kit;

test('birth registration at Phường Hoàn Kiếm: received, processed, approved, returned; the public sees it masked', async () => {
  const res = await intake('desk.hang-trong');
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View>();
  // The answer is built from what intake wrote, not read back: it must be what a read shows.
  assert.deepEqual(d, await viewOf('desk.hang-trong', d.code));
  assert.match(d.code, new RegExp(`^${kit.hangTrong.replace(/\./g, '\\.')}-261120-0001$`));
  assert.equal(d.status, 'received');
  // One working day from Friday 09:00: Monday 09:00 (the weekend is not counted).
  assert.equal(d.dueAt, '2026-11-23T02:00:00.000Z');
  assert.ok(d.steps.every((s) => s.agency.code === kit.hangTrong));

  const deskActions = await allowed('desk.hang-trong', d.code);
  assert.ok(
    deskActions.items.some((a) => a.kind === 'forward'),
    JSON.stringify(deskActions.items.map((a) => a.kind)),
  );
  const specialistId = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  const fwdInputs = deskActions.items.find((a) => a.kind === 'forward')!.inputs;
  const fwdBody =
    fwdInputs.properties && 'nextAssigneeId' in fwdInputs.properties ? { nextAssigneeId: specialistId } : {};
  clock.advance(15 * 60_000);
  const fwd = await act('desk.hang-trong', d.code, 'forward', fwdBody);
  assert.equal(fwd.statusCode, 200, fwd.body);
  assert.equal(fwd.json<View>().status, 'processing');

  // The specialist moves it on to the leader's approval step.
  clock.advance(60 * 60_000);
  const spActions = await allowed('specialist.hang-trong', d.code);
  if (spActions.items.some((a) => a.kind === 'claim')) {
    const claim = await act('specialist.hang-trong', d.code, 'claim');
    assert.equal(claim.statusCode, 200, claim.body);
  }
  const leaderId = await userId(kit.rt.deps.db, 'leader.hang-trong');
  const sp2 = await allowed('specialist.hang-trong', d.code);
  const spFwd = sp2.items.find((a) => a.kind === 'forward');
  assert.ok(spFwd, JSON.stringify(sp2.items.map((a) => a.kind)));
  const toLeader = await act(
    'specialist.hang-trong',
    d.code,
    'forward',
    spFwd.inputs.properties && 'nextAssigneeId' in spFwd.inputs.properties
      ? { nextAssigneeId: leaderId, note: 'Đủ điều kiện' }
      : { note: 'Đủ điều kiện' },
  );
  assert.equal(toLeader.statusCode, 200, toLeader.body);

  clock.advance(30 * 60_000);
  const approve = await act('leader.hang-trong', d.code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  assert.equal(approve.json<View>().status, 'result-ready');

  clock.advance(30 * 60_000);
  const ret = await act('desk.hang-trong', d.code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  const returned = ret.json<View>();
  assert.equal(ret.statusCode, 200, ret.body);
  assert.equal(returned.status, 'returned');
  assert.deepEqual(returned.history.map((h) => h.to).at(-1), 'returned');

  // The receipt (Mẫu 01) as a PDF whose text carries the statutory fields.
  const slip = await getAs('desk.hang-trong', `/api/v1/dossiers/${d.code}/slips/receipt`);
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 300));
  assert.equal(slip.headers['content-type'], 'application/pdf');
  const text = pdfText(slip.rawPayload);
  for (const s of [
    d.code,
    'Nguyễn Thị Hường',
    'Thủ tục đăng ký khai sinh',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'PHƯỜNG HOÀN KIẾM',
  ]) {
    assert.ok(text.includes(s), `receipt contains ${s}`);
  }
  const control = await getAs('leader.hang-trong', `/api/v1/dossiers/${d.code}/slips/process-control`);
  assert.equal(control.statusCode, 200);
  const noRefusal = await getAs('desk.hang-trong', `/api/v1/dossiers/${d.code}/slips/refusal`);
  assert.equal(noRefusal.statusCode, 404);

  const book = await getAs(
    'desk.hang-trong',
    `/api/v1/desks/${kit.hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20`,
  );
  assert.equal(book.statusCode, 200, book.body.slice(0, 300));
  assert.ok(pdfText(book.rawPayload).includes(d.code));
  const xlsx = await getAs(
    'desk.hang-trong',
    `/api/v1/desks/${kit.hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20&format=xlsx`,
  );
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const otherDesk = await getAs(
    'desk.hang-bac',
    `/api/v1/desks/${kit.hangTrong}/tracking-book?from=2026-11-20&to=2026-11-20`,
  );
  assert.equal(otherDesk.statusCode, 403);

  // With the last 4 digits of the applicant's phone: who applied for what, the name masked.
  const pub = await kit.rt.app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/${d.code}?digits=5678`,
  });
  assert.equal(pub.statusCode, 200);
  const p = pub.json<Record<string, unknown>>();
  assert.equal(p.applicantName, 'Nguyễn T*** H***');
  assert.equal(p.status, 'returned');
  assert.ok(!pub.body.includes(APPLICANT_HUONG.idNumber) && !pub.body.includes(APPLICANT_HUONG.phone));
  const none = await kit.rt.app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/${d.code.replace(/0001$/, '0999')}`,
  });
  assert.equal(none.statusCode, 404);
});

test('an incomplete intake gets a supplement request, not a received dossier', async () => {
  // No declaration (required at the counter), and the officer notes the birth certificate is missing.
  const res = await intake('desk.hang-trong', {
    components: [],
    missing: [{ code: 'TP3', note: 'bản chính' }],
  });
  assert.equal(res.statusCode, 422, res.body);
  const err = res.json<{ error: { code: string; dossierCode: string; details: { message: string }[] } }>()
    .error;
  assert.equal(err.code, 'DOSSIER_INCOMPLETE');
  assert.equal(err.details.length, 2);
  const slip = await getAs('desk.hang-trong', `/api/v1/dossiers/${err.dossierCode}/slips/supplement-request`);
  assert.equal(slip.statusCode, 200, slip.body.slice(0, 300));
  assert.ok(pdfText(slip.rawPayload).includes('Giấy chứng sinh'));
  assert.ok(err.details.some((d) => d.message.includes('Tờ khai đăng ký khai sinh')));
  assert.ok(err.details.some((d) => d.message.includes('Giấy chứng sinh')));
  const d = (await getAs('desk.hang-trong', `/api/v1/dossiers/${err.dossierCode}`)).json<View>();
  assert.equal(d.status, 'awaiting-supplement');
  assert.equal(d.receivedAt, null);
});

test('an incomplete dossier not supplemented is refused with the refusal slip', async () => {
  const res = await intake('desk.hang-trong', { components: [] });
  const code = res.json<{ error: { dossierCode: string } }>().error.dossierCode;
  clock.advance(10 * 60_000);
  const refused = await act('desk.hang-trong', code, 'refuse', {
    reason: 'Quá hạn bổ sung theo phiếu yêu cầu bổ sung mà người nộp không hoàn thiện hồ sơ',
  });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json<View>().status, 'refused');
  const slip = await getAs('desk.hang-trong', `/api/v1/dossiers/${code}/slips/refusal`);
  assert.equal(slip.statusCode, 200);
  assert.ok(pdfText(slip.rawPayload).includes('Quá hạn bổ sung'));
  const pub = (await kit.rt.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` })).json<{
    status: string;
  }>();
  assert.equal(pub.status, 'refused');
});

test('bad intake input names every field; nothing is written', async () => {
  const before = await countRows(kit.rt.deps.db, 'dossiers');
  const res = await intake('desk.hang-trong', {
    applicant: {
      ...APPLICANT_HUONG,
      idNumber: '123456789',
      phone: 'abcdefgh',
      address: { unitCode: '99999', line: 'x' },
    },
    formData: { nguoiDuocKhaiSinh: { hoTen: 42 } },
    components: [{ code: 'TP99', provided: 'electronic' }],
  });
  assert.equal(res.statusCode, 400, res.body);
  const paths = errorOf(res).details!.map((d) => d.path);
  for (const p of [
    'body/applicant/idNumber',
    'body/applicant/phone',
    'body/applicant/address/unitCode',
    'body/components/0/code',
    'body/components/0/fileIds',
  ]) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  }
  assert.ok(paths.some((p) => p.startsWith('body/formData/')));
  const after = await countRows(kit.rt.deps.db, 'dossiers');
  assert.equal(after, before);
  assert.equal((await intake('specialist.hang-trong')).statusCode, 403);
});

test('stale versions get 409; an idempotent retry never acts twice', async () => {
  const d = (await intake('desk.hang-trong', {}, { 'idempotency-key': 'intake-retry-0001' })).json<View>();
  const again = await intake('desk.hang-trong', {}, { 'idempotency-key': 'intake-retry-0001' });
  assert.equal(again.statusCode, 201);
  assert.equal(again.json<View>().code, d.code);
  const stale = await actWith('desk.hang-trong', d.code, { action: 'forward', version: d.version + 5 });
  assert.equal(stale.statusCode, 409);
  assert.equal(errorOf(stale).code, 'STALE_VERSION');
  const withdrawal = {
    action: 'withdraw',
    body: { reason: 'Người nộp xin rút' },
    version: d.version,
    headers: { 'idempotency-key': 'withdraw-0001' },
  };
  const r1 = await actWith('desk.hang-trong', d.code, withdrawal);
  if (r1.statusCode === 200) {
    const r2 = await actWith('desk.hang-trong', d.code, withdrawal);
    assert.equal(r2.statusCode, 200);
    assert.equal(r2.json<View>().version, r1.json<View>().version);
    const actions = await kit.rt.deps.db
      .selectFrom('dossier_actions')
      .select('kind')
      .where('kind', '=', 'withdraw')
      .execute();
    assert.equal(actions.length, 1);
  }
});

test('another ward cannot see the dossier; the city above can', async () => {
  const d = (await intake('desk.hang-trong')).json<View>();
  const other = await getAs('desk.hang-bac', `/api/v1/dossiers/${d.code}`);
  assert.equal(other.statusCode, 404);
  // leader.hoan-kiem leads at UBND Thành phố Hà Nội, the one level above the wards since 1/7/2025.
  const city = await getAs('leader.hoan-kiem', `/api/v1/dossiers/${d.code}`);
  assert.equal(city.statusCode, 200);
  const list = (await getAs('desk.hang-bac', '/api/v1/dossiers?q=huong')).json<{ total: number }>();
  assert.equal(list.total, 0);
  const mine = (await getAs('desk.hang-trong', '/api/v1/dossiers?q=nguyen%20huong')).json<{
    total: number;
  }>();
  assert.ok(mine.total >= 1);
});

test('50 concurrent intakes at one desk get 50 unique, gap-free codes', async () => {
  clock.set('2026-11-24T01:00:00Z');
  cookies.clear(); // sessions from Friday have expired
  const cookie = await as('desk.hang-trong');
  const results = await Promise.all(
    Array.from({ length: 50 }, () =>
      kit.rt.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie },
        payload: birthAtCounter(kit.hangTrong),
      }),
    ),
  );
  assert.ok(
    results.every((r) => r.statusCode === 201),
    results.map((r) => r.statusCode).join(','),
  );
  const codes = results.map((r) => r.json<View>().code).sort();
  assert.equal(new Set(codes).size, 50);
  assert.deepEqual(
    codes.map((c) => c.slice(-4)),
    Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(4, '0')),
  );
  assert.ok(codes.every((c) => c.includes('-261124-')));
});
