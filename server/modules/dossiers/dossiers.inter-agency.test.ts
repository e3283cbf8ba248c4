// Journeys through the HTTP API across agencies of the two-level map: a ward and the province's
// department above it (the ward's unit's parent is now the province).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_HUONG } from '../../test/fixtures.ts';
import { journeyKit, pdfText, type View } from './test-kit.ts';
import { agencyCode, userId } from '../../test/seeded.ts';

const { kit, cookies, as, intake, act, viewOf, getAs } = journeyKit();
const { clock } = kit;

test('inter-agency: ward → province department → ward leader, each step at its agency', async () => {
  clock.set('2026-11-25T01:30:00Z'); // Wednesday 08:30
  cookies.clear();
  const admin = await as('demo-admin');
  const stp = await agencyCode(kit.rt.deps.db, '01', 'justice');
  const share = (value: number) => ({ value, unit: 'working-hour' });
  const steps = [
    {
      key: 'receive',
      name: 'Tiếp nhận',
      role: 'desk-officer',
      performer: { kind: 'receiving-agency' },
      share: share(1),
      canSendBack: false,
    },
    {
      key: 'ward',
      name: 'Công chức tư pháp – hộ tịch thẩm định',
      role: 'specialist',
      performer: { kind: 'competent-agency' },
      share: share(2),
      canSendBack: true,
    },
    // The department of the level above the ward, found by kind through the ward's unit's parent (the
    // province, since 1/7/2025), then named by its code: both are Sở Tư pháp Hà Nội.
    {
      key: 'department',
      name: 'Sở Tư pháp thẩm định',
      role: 'specialist',
      performer: { kind: 'agency-of-kind-above', agencyKind: 'justice' },
      share: share(2),
      canSendBack: true,
    },
    {
      key: 'province',
      name: 'Lãnh đạo Sở Tư pháp cho ý kiến',
      role: 'leader',
      performer: { kind: 'named-agency', agencyCode: stp },
      share: share(1),
      canSendBack: true,
    },
    {
      key: 'approve',
      name: 'Chủ tịch UBND phường ký',
      role: 'leader',
      performer: { kind: 'competent-agency' },
      share: share(1),
      canSendBack: true,
    },
    {
      key: 'return',
      name: 'Trả kết quả',
      role: 'desk-officer',
      performer: { kind: 'receiving-agency' },
      share: share(1),
      canSendBack: false,
    },
  ];
  const current = (
    await kit.rt.app.inject({
      method: 'GET',
      url: `/api/v1/procedures/1.001193/workflow?agencyCode=${kit.hangTrong}`,
      headers: { cookie: admin },
    })
  ).json<{ source: string; version: number }>();
  const put = await kit.rt.app.inject({
    method: 'PUT',
    url: '/api/v1/procedures/1.001193/workflow',
    headers: { cookie: admin },
    payload: {
      agencyCode: kit.hangTrong,
      channel: 'direct',
      version: current.source === 'agency' ? current.version : 0,
      steps,
    },
  });
  assert.equal(put.statusCode, 200, put.body);

  const d = (await intake('desk.hang-trong')).json<View>();
  assert.deepEqual(
    d.steps.map((s) => s.agency.code),
    [kit.hangTrong, kit.hangTrong, stp, stp, kit.hangTrong, kit.hangTrong],
  );
  assert.deepEqual(d, await viewOf('desk.hang-trong', d.code), 'the answer is what a read shows');
  const hops: [string, string, string][] = [
    ['desk.hang-trong', 'specialist.hang-trong', kit.hangTrong],
    ['specialist.hang-trong', 'specialist.stp-ha-noi', stp],
    ['specialist.stp-ha-noi', 'leader.stp-ha-noi', stp],
    ['leader.stp-ha-noi', 'leader.hang-trong', kit.hangTrong],
  ];
  // The next step is the ward's: a specialist of the city's People's Committee above it cannot be
  // named for it (422 naming the field, nothing written), nor can the ward's own desk officer.
  for (const wrong of ['specialist.hoan-kiem', 'desk.hang-trong']) {
    const refused = await act('desk.hang-trong', d.code, 'forward', {
      nextAssigneeId: await userId(kit.rt.deps.db, wrong),
    });
    assert.equal(refused.statusCode, 422, `${wrong}: ${refused.body}`);
    const error = refused.json<{ error: { reason: string; details: { path: string }[] } }>().error;
    assert.equal(error.reason, 'DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP');
    assert.deepEqual(
      error.details.map((x) => x.path),
      ['body/nextAssigneeId'],
    );
    assert.equal((await viewOf('desk.hang-trong', d.code)).version, d.version, 'nothing written');
  }
  for (const [from, to, agency] of hops) {
    clock.advance(20 * 60_000);
    const res = await act(from, d.code, 'forward', {
      nextAssigneeId: await userId(kit.rt.deps.db, to),
      note: `Chuyển ${to}`,
    });
    assert.equal(res.statusCode, 200, `${from} → ${to}: ${res.body}`);
    const v = res.json<View & { currentAgency: { code: string } }>();
    assert.equal(v.currentAgency.code, agency, `${from} → ${to}`);
  }
  // The province department sees the dossier it worked on; a desk of another province does not.
  assert.equal((await getAs('specialist.stp-ha-noi', `/api/v1/dossiers/${d.code}`)).statusCode, 200);
  assert.equal((await getAs('desk.quan-3', `/api/v1/dossiers/${d.code}`)).statusCode, 404);
  clock.advance(20 * 60_000);
  const approved = await act('leader.hang-trong', d.code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh' }],
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const ret = await act('desk.hang-trong', d.code, 'return-result', { channel: 'counter' });
  assert.equal(ret.json<View>().status, 'returned');
  const control = await getAs('desk.hang-trong', `/api/v1/dossiers/${d.code}/slips/process-control`);
  const text = pdfText(control.rawPayload);
  assert.ok(
    text.includes('Sở Tư pháp') || text.includes('SỞ TƯ PHÁP'),
    'the control slip records the hand-over to the department',
  );
});

test('a province procedure at Phường Hoàn Kiếm: the province lets the ward offer it; the ward desk receives and returns it', async () => {
  clock.set('2026-11-26T02:00:00Z'); // Thursday 09:00
  cookies.clear();
  const admin = await as('demo-admin');
  // Re-issuing a lost land-use certificate is published at province level only (Sở Nông nghiệp và Môi
  // trường); the city hands it to a ward's People's Committee too, below the province.
  const office = kit.hangTrong;
  const detail = (await kit.rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.012786' })).json<{
    offeredBy: { code: string; unitCode: string }[];
    procedure: { components: unknown[] };
  }>();
  const offer = await kit.rt.app.inject({
    method: 'PUT',
    url: '/api/v1/procedures/1.012786/offerings',
    headers: { cookie: admin },
    // The province replaces its own offerings only: Hà Nội's department stays, the ward joins.
    payload: {
      agencyCodes: [...detail.offeredBy.filter((a) => a.unitCode === '01').map((a) => a.code), office],
    },
  });
  assert.equal(offer.statusCode, 200, offer.body);
  const after = (await kit.rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.012786' })).json<{
    offeredBy: { code: string; unitCode: string }[];
  }>();
  assert.ok(
    after.offeredBy.some((a) => a.unitCode === '79'),
    'another province’s offerings are untouched',
  );

  const res = await kit.rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: {
      procedureCode: '1.012786',
      agencyCode: office,
      applicant: { ...APPLICANT_HUONG, address: { unitCode: '00070', line: 'Số 5 phố Hàng Bạc' } },
      formData: {
        nguoiYeuCau: {
          hoTen: 'Nguyễn Thị Hường',
          soDinhDanh: '001190012345',
          noiCuTru: 'Số 5 phố Hàng Bạc, phường Hoàn Kiếm',
        },
        noiDungYeuCau: 'Đề nghị cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất',
        hinhThucNhanKetQua: 'Nhận trực tiếp',
        camDoan: true,
      },
      components: detail.procedure.components.map((_c, i) => ({ code: `TP${i + 1}`, provided: 'original' })),
      channel: 'direct',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View & { competentAgency: { code: string } }>();
  assert.equal(d.competentAgency.code, office);
  assert.match(d.code, new RegExp(`^${office.replace(/\./g, '\\.')}-261126-0001$`));
  // 20 working days from Thursday 26/11/2026 09:00: 24/12/2026 09:00 (no holiday in between).
  assert.equal(d.dueAt, '2026-12-24T02:00:00.000Z');

  const toSpecialist = await act('desk.hang-trong', d.code, 'forward', {
    nextAssigneeId: await userId(kit.rt.deps.db, 'specialist.hang-trong'),
  });
  assert.equal(toSpecialist.statusCode, 200, toSpecialist.body);
  const toLeader = await act('specialist.hang-trong', d.code, 'forward', {
    nextAssigneeId: await userId(kit.rt.deps.db, 'leader.hang-trong'),
  });
  assert.equal(toLeader.statusCode, 200, toLeader.body);
  const approved = await act('leader.hang-trong', d.code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy chứng nhận quyền sử dụng đất (cấp lại)' }],
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const returned = await act('desk.hang-trong', d.code, 'return-result', { channel: 'counter' });
  assert.equal(returned.json<View>().status, 'returned');
  // The ward desk next door (Phường Cửa Nam) never sees it.
  assert.equal((await getAs('desk.hang-bac', `/api/v1/dossiers/${d.code}`)).statusCode, 404);
});
