// The adoption monitor's figures through the HTTP API: dossiers received, resolved and returned at
// Phường Hoàn Kiếm and Phường Cửa Nam (the wards of desk.hang-trong and desk.hang-bac on the map in
// force since 1/7/2025) with a hand-moved clock, then read back for periods of whole months, edge days
// and both, with the staff's sign-ins and actions, the procedures used, the verdict "not using the
// system" and the reasons for a legitimate zero; the June 2025 history as the map stood then and today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Worksheet } from 'exceljs';
import { manualClock } from '../../test/db.ts';
import { errorOf } from '../../test/http.ts';
import { seedDemoHistory } from '../../db/seeds/demo/demo-history.ts';
import type { AdoptionAgency } from '../../../common/contracts/report-adoption.ts';
import { adoptionTestRuntime, agencyIn } from './adoption-test-kit.ts';
import { assertDownload, findRow, layoutText, rowValues, sheetsOf } from '../reports/export-test-kit.ts';
import { missingTools } from '../slips/test-poppler.ts';

const poppler = missingTools('pdftotext');
const civilDay = (day: string) => day.split('-').reverse().join('/');

// Thursday 15 October 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-10-15T02:00:00Z');
const { runtime, kit, code, monitor } = adoptionTestRuntime(clock, [
  ['hoan-kiem', '00070'],
  ['cua-nam', '00082'],
  ['thanh-oai', '10114'],
  ['my-duc', '10441'],
  ['city', '01'],
] as const);

const figures = (a: AdoptionAgency | undefined) =>
  a && {
    received: a.received.value,
    resolved: a.resolved.value,
    returned: a.returned.value,
    verdict: a.verdict,
  };

/** Active accounts with a role at an agency, and of them those in `users` (a plain recount). */
async function staffOf(agencyCode: string): Promise<string[]> {
  const rows = await runtime()
    .deps.db.selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .innerJoin('users as u', 'u.user_id', 'r.user_id')
    .select('u.user_id')
    .distinct()
    .where('a.code', '=', agencyCode)
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}

async function actionsBy(userIds: string[], from: string, to: string): Promise<number> {
  const row = await runtime()
    .deps.db.selectFrom('dossier_actions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('actor_user_id', 'in', userIds)
    .where('at', '>=', new Date(from))
    .where('at', '<', new Date(to))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('received, resolved and returned from the count tables, whole months and edge days; staff, procedures, verdicts', async () => {
  // Thursday 15 October: Cửa Nam receives one birth registration (its desk officer signs in now).
  await kit.receiveBirth(code('cua-nam'), 'desk.hang-bac');

  // Monday 2 November 09:00: Hoàn Kiếm receives three; the first is approved at 10:00 and returned at
  // 10:30, the second withdrawn on Tuesday (its desk, specialist and leader sign in on Monday).
  clock.set('2026-11-02T02:00:00Z');
  const desk = await kit.staff('desk.hang-trong');
  await kit.staff('specialist.hang-trong');
  await kit.staff('leader.hang-trong');
  const [d1, d2] = [
    await kit.receiveBirth(code('hoan-kiem')),
    await kit.receiveBirth(code('hoan-kiem')),
    await kit.receiveBirth(code('hoan-kiem')),
  ];
  await kit.forward(desk, d1, 'specialist.hang-trong');
  await kit.forward(await kit.staff('specialist.hang-trong'), d1, 'leader.hang-trong');
  clock.set('2026-11-02T03:00:00Z');
  await kit.actOk(await kit.staff('leader.hang-trong'), d1, 'approve', {
    resultDate: '2026-11-02',
    signer: 'Vũ Thị Hồng Nhung',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  clock.set('2026-11-02T03:30:00Z');
  await kit.actOk(desk, d1, 'return-result', { channel: 'counter', recipientName: 'Nguyễn Thị Hường' });
  clock.set('2026-11-03T02:00:00Z');
  await kit.actOk(desk, d2, 'withdraw', { reason: 'Người nộp xin rút' });

  // Friday 6 November: the city's leader reads November.
  clock.set('2026-11-06T03:00:00Z');
  const nov = await monitor('leader.hoan-kiem', 'from=2026-11-01&to=2026-11-30');
  assert.equal(nov.periodLabel, 'Tháng 11 năm 2026');
  assert.equal(nov.today, '2026-11-06');
  assert.equal(nov.map, 'today');
  assert.deepEqual(
    nov.scope.map((s) => s.code),
    [code('city')],
  );
  const hk = agencyIn(nov, code('hoan-kiem'))!;
  assert.deepEqual(figures(hk), { received: 3, resolved: 2, returned: 1, verdict: 'using' });
  assert.equal(
    hk.received.drill,
    `/api/v1/reports/ii06a/dossiers?from=2026-11-01&to=2026-11-30&map=today&agencyCode=${encodeURIComponent(code('hoan-kiem'))}&groupBy=agency&key=${encodeURIComponent(code('hoan-kiem'))}&cell=received.inPeriod`,
  );
  // Each drill-down lists as many dossiers as its figure counts.
  for (const f of [hk.received, hk.resolved]) {
    const listed = await runtime().app.inject({
      method: 'GET',
      url: f.drill!,
      headers: { cookie: await kit.staff('leader.hoan-kiem') },
    });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json<{ total: number }>().total, f.value, f.drill!);
  }
  assert.match(hk.resolved.drill!, /cell=resolved\.total$/);
  assert.equal(hk.returned.drill, null);
  assert.equal(hk.staff.drill, `/api/v1/staff?agencyCode=${encodeURIComponent(code('hoan-kiem'))}`);

  // Staff: every active account with a role there; the three who signed in on Monday; their actions.
  const hkStaff = await staffOf(code('hoan-kiem'));
  assert.ok(hkStaff.length >= 3);
  assert.equal(hk.staff.total, hkStaff.length);
  assert.equal(hk.staff.signedIn, 3);
  assert.equal(hk.staff.signIns, 3);
  const acted = await actionsBy(hkStaff, '2026-10-31T17:00:00Z', '2026-11-30T17:00:00Z');
  assert.ok(acted >= 7, `intakes, forwards, approval, return, withdrawal: ${acted}`);
  assert.equal(hk.staff.actions, acted);

  // Procedures: only birth registration had dossiers, out of those the ward offers.
  const offered = await runtime()
    .deps.db.selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('a.code', '=', code('hoan-kiem'))
    .executeTakeFirstOrThrow();
  assert.ok(Number(offered.n) > 1);
  assert.deepEqual(hk.procedures.offered, Number(offered.n));
  assert.equal(hk.procedures.used, 1);
  assert.equal(hk.procedures.share, 1 / Number(offered.n));

  // Cửa Nam received in October only: not using the system in November; its desk officer did not sign in.
  const cn = agencyIn(nov, code('cua-nam'))!;
  assert.deepEqual(figures(cn), { received: 0, resolved: 0, returned: 0, verdict: 'not-using' });
  assert.equal(cn.staff.signedIn, 0);
  assert.equal(cn.staff.actions, 0);
  assert.equal(cn.procedures.used, 0);
  assert.deepEqual(figures(agencyIn(nov, code('thanh-oai'))), {
    received: 0,
    resolved: 0,
    returned: 0,
    verdict: 'not-using',
  });

  // Grouped by the tree: the city first, then each ward with its trail; totals add the rows up.
  assert.equal(nov.groups[0]!.unit.code, '01');
  const hkGroup = nov.groups.find((g) => g.agencies.some((a) => a.code === code('hoan-kiem')))!;
  assert.deepEqual(hkGroup.unit, { code: '00070', name: 'Phường Hoàn Kiếm' });
  assert.deepEqual(hkGroup.trail, [
    { code: '01', name: 'Thành phố Hà Nội' },
    { code: '00070', name: 'Phường Hoàn Kiếm' },
  ]);
  const all = nov.groups.flatMap((g) => g.agencies);
  assert.ok(all.length > 100, `${all.length} agencies with a desk in Hà Nội`);
  assert.equal(nov.totals.agencies, all.length);
  assert.deepEqual(
    [nov.totals.received, nov.totals.resolved, nov.totals.returned, nov.totals.using],
    [3, 2, 1, 1],
  );
  assert.equal(nov.totals.notUsing, all.length - 1);
  assert.equal(nov.totals.zeroExplained, 0);

  // The trend: the twelve months to November, from report_months.
  assert.equal(nov.months[0], '2025-12');
  assert.equal(nov.months[11], '2026-11');
  assert.deepEqual(hk.trend.received.slice(9), [0, 0, 3]);
  assert.deepEqual(hk.trend.resolved.slice(9), [0, 0, 2]);
  assert.deepEqual(cn.trend.received.slice(9), [0, 1, 0]);
  assert.deepEqual(nov.totals.trend.received.slice(9), [0, 1, 3]);

  // Edge days only (report_days), either side of a month boundary.
  const edges = await monitor('leader.hoan-kiem', 'from=2026-10-15&to=2026-11-02');
  assert.equal(edges.periodLabel, 'Từ ngày 15/10/2026 đến ngày 02/11/2026');
  assert.deepEqual(figures(agencyIn(edges, code('cua-nam'))), {
    received: 1,
    resolved: 0,
    returned: 0,
    verdict: 'using',
  });
  assert.deepEqual(figures(agencyIn(edges, code('hoan-kiem'))), {
    received: 3,
    resolved: 1,
    returned: 1,
    verdict: 'using',
  });
  const between = await monitor('leader.hoan-kiem', 'from=2026-10-16&to=2026-11-01');
  assert.equal(between.totals.received + between.totals.resolved, 0);
  assert.equal(between.totals.using, 0);
  // Days before a whole month and the month itself; whole months only; a year.
  const octNov = await monitor('leader.hoan-kiem', 'from=2026-10-10&to=2026-11-30');
  assert.deepEqual([octNov.totals.received, octNov.totals.resolved], [4, 2]);
  const year = await monitor('leader.hoan-kiem', 'from=2026-01-01&to=2026-12-31');
  assert.equal(year.periodLabel, 'Năm 2026');
  assert.deepEqual([year.totals.received, year.totals.resolved, year.totals.returned], [4, 2, 1]);
  assert.deepEqual(year.totals.trend.received.slice(9), [1, 3, 0]);

  // The ward's own leader sees the ward alone; the city's leader can narrow to it.
  const ward = await monitor('leader.hang-trong', 'from=2026-11-01&to=2026-11-30');
  assert.deepEqual(
    ward.groups.flatMap((g) => g.agencies.map((a) => a.code)),
    [code('hoan-kiem')],
  );
  const narrowed = await monitor(
    'leader.hoan-kiem',
    `from=2026-11-01&to=2026-11-30&agencyCode=${code('cua-nam')}`,
  );
  assert.deepEqual(
    narrowed.groups.flatMap((g) => g.agencies.map((a) => a.code)),
    [code('cua-nam')],
  );
});

test('a reason for a legitimate zero turns "not using" into "explained" for the periods it covers', async () => {
  clock.set('2026-11-06T03:00:00Z');
  const put = (user: string, body: Record<string, unknown>) =>
    kit.staff(user).then((cookie) =>
      runtime().app.inject({
        method: 'PUT',
        url: '/api/v1/reports/adoption/zero-reasons',
        headers: { cookie },
        payload: body,
      }),
    );
  const nov = { from: '2026-11-01', to: '2026-11-30' };
  const recorded = await put('admin.hoan-kiem', {
    agencyCode: code('thanh-oai'),
    ...nov,
    reason: 'Không phát sinh hồ sơ',
  });
  assert.equal(recorded.statusCode, 200, recorded.body);
  assert.equal(recorded.json<{ recordedBy: string }>().recordedBy, 'Trịnh Xuân Bách');
  // Recording again for the same period replaces the reason (one row).
  const again = await put('admin.hoan-kiem', {
    agencyCode: code('thanh-oai'),
    ...nov,
    reason: 'Không phát sinh hồ sơ trong tháng',
  });
  assert.equal(again.statusCode, 200, again.body);
  // The province's administrator records one for the whole quarter at Mỹ Đức.
  const quarter = await put('demo-admin', {
    agencyCode: code('my-duc'),
    from: '2026-10-01',
    to: '2026-12-31',
    reason: 'Không phát sinh hồ sơ',
  });
  assert.equal(quarter.statusCode, 200, quarter.body);

  const m = await monitor('demo-admin', 'from=2026-11-01&to=2026-11-30');
  const thanhOai = agencyIn(m, code('thanh-oai'))!;
  assert.equal(thanhOai.verdict, 'zero-explained');
  assert.equal(thanhOai.zeroReason?.reason, 'Không phát sinh hồ sơ trong tháng');
  assert.equal(thanhOai.zeroReason?.from, '2026-11-01');
  assert.equal(agencyIn(m, code('my-duc'))!.verdict, 'zero-explained');
  assert.equal(m.totals.zeroExplained, 2);
  assert.equal(m.totals.notUsing, m.totals.agencies - 3);

  // A reason for November does not cover October and November together; the quarter's does.
  const two = await monitor('demo-admin', 'from=2026-10-01&to=2026-11-30');
  assert.equal(agencyIn(two, code('thanh-oai'))!.verdict, 'not-using');
  assert.equal(agencyIn(two, code('thanh-oai'))!.zeroReason, null);
  assert.equal(agencyIn(two, code('my-duc'))!.verdict, 'zero-explained');

  // Withdrawn: not using again; a second withdrawal finds nothing.
  const withdraw = async () =>
    runtime().app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/adoption/zero-reasons?agencyCode=${code('thanh-oai')}&from=2026-11-01&to=2026-11-30`,
      headers: { cookie: await kit.staff('admin.hoan-kiem') },
    });
  assert.equal((await withdraw()).statusCode, 204);
  const gone = await withdraw();
  assert.equal(gone.statusCode, 404);
  assert.equal(errorOf(gone).reason, 'ADOPTION_ZERO_REASON_NOT_FOUND');
  const after = await monitor('demo-admin', 'from=2026-11-01&to=2026-11-30');
  assert.equal(agencyIn(after, code('thanh-oai'))!.verdict, 'not-using');

  // Every change is in the agencies' audit chains.
  const audited = await runtime()
    .deps.db.selectFrom('audit_log')
    .select(['action', 'actor_label'])
    .where('action', 'like', 'adoption.zero-reason.%')
    .orderBy('audit_id')
    .execute();
  assert.deepEqual(
    audited.map((a) => `${a.action} ${a.actor_label}`),
    [
      'adoption.zero-reason.record admin.hoan-kiem',
      'adoption.zero-reason.record admin.hoan-kiem',
      'adoption.zero-reason.record demo-admin',
      'adoption.zero-reason.withdraw admin.hoan-kiem',
    ],
  );

  // Who may record: administrators over the agency only; invalid periods are named.
  for (const [user, status] of [
    ['leader.thanh-oai', 403],
    ['desk.thanh-oai', 403],
    ['auditor.ha-noi', 403],
    ['admin.quang-nam', 403],
  ] as const) {
    const res = await put(user, { agencyCode: code('thanh-oai'), ...nov, reason: 'Không phát sinh hồ sơ' });
    assert.equal(res.statusCode, status, `${user}: ${res.body}`);
  }
  const bad = await put('demo-admin', {
    agencyCode: code('thanh-oai'),
    from: '2026-02-30',
    to: '2026-01-31',
    reason: 'x',
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    errorOf(bad).details?.map((d) => d.path),
    ['body/from'],
  );
  const backwards = await put('demo-admin', {
    agencyCode: code('thanh-oai'),
    from: '2026-12-01',
    to: '2026-11-30',
    reason: 'x',
  });
  assert.equal(backwards.statusCode, 400);
  assert.deepEqual(
    errorOf(backwards).details?.map((d) => d.path),
    ['body/to'],
  );
  const unknown = await put('demo-admin', { agencyCode: 'H26.999', ...nov, reason: 'x' });
  assert.equal(unknown.statusCode, 404);
});

test('the June 2025 history: where it was received (then) or at the successor (today)', async () => {
  clock.set('2026-11-06T03:00:00Z');
  assert.equal(await seedDemoHistory(runtime().deps), 3);
  const today = await monitor('demo-admin', 'from=2025-06-01&to=2025-06-30');
  const hk = agencyIn(today, code('hoan-kiem'))!;
  assert.deepEqual(figures(hk), { received: 3, resolved: 0, returned: 0, verdict: 'using' });
  assert.ok(
    !today.groups.some((g) => g.agencies.some((a) => a.name === 'Ủy ban nhân dân Phường Hàng Trống')),
  );

  const then = await monitor('demo-admin', 'from=2025-06-01&to=2025-06-30&map=then');
  assert.equal(then.map, 'then');
  const byName = (name: string) =>
    then.groups.flatMap((g) => g.agencies).find((a) => a.name === `Ủy ban nhân dân ${name}`);
  // Each former ward counts what its own desk received (a plain recount from the dossiers).
  for (const ward of ['Phường Hàng Trống', 'Phường Hàng Bạc']) {
    const received = await runtime()
      .deps.db.selectFrom('dossiers as d')
      .innerJoin('agencies as a', 'a.agency_id', 'd.received_by_agency_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('a.name', '=', `Ủy ban nhân dân ${ward}`)
      .executeTakeFirstOrThrow();
    assert.ok(Number(received.n) > 0);
    assert.equal(byName(ward)?.received.value, Number(received.n), ward);
    assert.equal(byName(ward)?.verdict, 'using');
  }
  assert.equal(agencyIn(then, code('hoan-kiem')), undefined, 'Phường Hoàn Kiếm was formed on 1 July 2025');
  const trong = then.groups.find((g) =>
    g.agencies.some((a) => a.name === 'Ủy ban nhân dân Phường Hàng Trống'),
  )!;
  assert.deepEqual(
    trong.trail.map((s) => s.name),
    ['Thành phố Hà Nội', 'Quận Hoàn Kiếm', 'Phường Hàng Trống'],
  );
  assert.equal(then.totals.received, 3);
});

test('the monitor as .xlsx: every agency by unit, the verdict in Vietnamese, numbers as numbers; the trend', async () => {
  clock.set('2026-11-06T03:00:00Z');
  const nov = 'from=2026-11-01&to=2026-11-30';
  const json = await monitor('leader.hoan-kiem', nov);
  const res = await kit.get(
    `/api/v1/reports/adoption?${nov}&format=xlsx`,
    await kit.staff('leader.hoan-kiem'),
  );
  const sheets = await sheetsOf(assertDownload(res, 'xlsx', /su-dung-20261101-20261130/));
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['su-dung-20261101-20261130', 'Xu hướng 12 tháng'],
  );
  const [agencies, trend] = sheets as [Worksheet, Worksheet];
  assert.deepEqual(rowValues(agencies, 1), [
    'Đơn vị hành chính',
    'Cơ quan',
    'Tình trạng',
    'Hồ sơ tiếp nhận',
    'Hồ sơ đã giải quyết',
    'Trả kết quả',
    'Số cán bộ',
    'Cán bộ đã đăng nhập',
    'Lượt đăng nhập',
    'Lượt xử lý hồ sơ',
    'Thủ tục có hồ sơ',
    'Thủ tục cung cấp',
    'Giải trình',
    'Chuyển dữ liệu từ hệ thống cũ từ ngày',
    'Hồ sơ đã chuyển',
    'Lịch sử từ ngày',
    'Hồ sơ đầu tiên tiếp nhận trên hệ thống',
  ]);
  const all = json.groups.flatMap((g) => g.agencies);
  assert.equal(agencies.rowCount, 1 + all.length + 1);
  // In the order of the tree, each with its unit.
  assert.deepEqual(
    Array.from({ length: all.length }, (_, i) => agencies.getRow(i + 2).getCell(2).text),
    all.map((a) => a.name),
  );
  const hk = agencyIn(json, code('hoan-kiem'))!;
  assert.deepEqual(rowValues(agencies, findRow(agencies, { 2: hk.name })), [
    'Phường Hoàn Kiếm',
    hk.name,
    'Đang sử dụng',
    3,
    2,
    1,
    hk.staff.total,
    3,
    3,
    hk.staff.actions,
    1,
    hk.procedures.offered,
    'Chưa yêu cầu',
    'Chưa chuyển',
    null,
    null,
    // Hàng Trống's and Hàng Bạc's June 2025 dossiers (the test above) count at Hoàn Kiếm today.
    civilDay(hk.firstReceivedOn!),
  ]);
  assert.match(hk.firstReceivedOn!, /^2025-06-/);
  const cn = agencyIn(json, code('cua-nam'))!;
  assert.deepEqual(rowValues(agencies, findRow(agencies, { 2: cn.name }), 6).slice(2), [
    'Chưa sử dụng hệ thống',
    0,
    0,
    0,
  ]);
  // Mỹ Đức: the quarter's reason for a legitimate zero (the test above).
  const md = findRow(agencies, { 2: agencyIn(json, code('my-duc'))!.name });
  assert.equal(agencies.getRow(md).getCell(3).text, 'Không phát sinh (đã giải trình lý do)');
  assert.match(agencies.getRow(md).getCell(13).text, /^Lý do không phát sinh: Không phát sinh hồ sơ/);
  const n = json.totals;
  assert.deepEqual(rowValues(agencies, agencies.rowCount, 6), [
    'Tổng cộng',
    `${n.agencies} cơ quan`,
    null,
    n.received,
    n.resolved,
    n.returned,
  ]);
  assert.equal(agencies.getRow(agencies.rowCount).getCell(4).numFmt, '#,##0');
  assert.deepEqual(rowValues(trend, 1), ['Tháng', 'Hồ sơ tiếp nhận', 'Hồ sơ đã giải quyết']);
  assert.equal(trend.rowCount, 13);
  assert.deepEqual(rowValues(trend, 13), ['11/2026', n.trend.received[11], n.trend.resolved[11]]);
  assert.deepEqual(rowValues(trend, 12), ['10/2026', n.trend.received[10], n.trend.resolved[10]]);
});

test(
  'the monitor as PDF: the title, the period, the verdicts and a ward’s figures',
  { skip: poppler },
  async () => {
    clock.set('2026-11-06T03:00:00Z');
    const nov = 'from=2026-11-01&to=2026-11-30';
    const res = await kit.get(
      `/api/v1/reports/adoption?${nov}&format=pdf`,
      await kit.staff('leader.hoan-kiem'),
    );
    const pdf = assertDownload(res, 'pdf', /su-dung-20261101-20261130/);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = layoutText(pdf);
    for (const s of [
      'THEO DÕI SỬ DỤNG HỆ THỐNG THÔNG TIN MỘT CỬA ĐIỆN TỬ',
      'Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)',
      'Chưa sử dụng hệ thống',
      'Xu hướng 12 tháng',
    ]) {
      assert.ok(text.includes(s), `${s} in\n${text}`);
    }
    // Phường Hoàn Kiếm, the one agency using the system: 3 received, 2 resolved, 1 returned.
    assert.match(text, /Đang sử dụng\s+3\s+2\s+1\s/);
  },
);
