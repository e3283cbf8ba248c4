import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { createUser } from '../auth/auth.service.ts';
import { REFERENCE_DATA_DIR, referenceCatalogueFile } from './catalog-source.ts';
import { agencyCodeIn, client, receiveStep, returnStep, step } from './test-kit.ts';

let rt: TestRuntime;
let api: ReturnType<typeof client>;
let admin: string;
/** A procedure offered by UBND Phường Hoàn Kiếm (00070) with a plain working-day limit on the direct channel. */
let wardProcedure: string;
const agencyCode = (unitCode: string, kind: string) => agencyCodeIn(rt, unitCode, kind);

before(async () => {
  rt = await createTestRuntime();
  api = client(rt.app);
  admin = await loginAs(rt.app, 'demo-admin');
  const hangTrong = await agencyCode('00070', 'people-committee');
  const offered = (await api.get(`/api/v1/procedures?agencyCode=${hangTrong}&pageSize=100`)).json<{
    items: { code: string; timeLimits: { direct: { value: number; unit: string } | null } }[];
  }>();
  wardProcedure = offered.items.find(
    (p) =>
      p.code !== '1.001193' && p.timeLimits.direct?.unit === 'working-day' && p.timeLimits.direct.value >= 1,
  )!.code;
});
after(() => rt.close());

type List = { items: { code: string; name: string; levels: string[] }[]; total: number };
const search = async (qs: string) => (await api.get(`/api/v1/procedures?${qs}`)).json<List>();

test('all 47 national procedures are published; re-importing the same file changes nothing', async () => {
  assert.equal((await search('pageSize=100')).total, 47);
  // As seeded: procedures.json with motcua's additions (additions.json).
  const file = JSON.stringify(referenceCatalogueFile());
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import?dryRun=true',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: file,
  });
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<{ created: number; updated: number; unchanged: number; rejected: unknown[] }>();
  assert.deepEqual([report.created, report.updated, report.unchanged, report.rejected.length], [0, 0, 47, 0]);
});

test('a broken file is reported record by record; a dry run writes nothing; an applied run writes only valid records', async () => {
  const file = JSON.parse(fs.readFileSync(path.join(REFERENCE_DATA_DIR, 'procedures.json'), 'utf8')) as {
    procedures: Record<string, unknown>[];
  };
  const good = structuredClone(file.procedures.find((p) => p.code === '1.001193')!);
  good.name = 'Thủ tục đăng ký khai sinh (sửa đổi)';
  const fresh = { ...structuredClone(good), code: '9.999001', name: 'Thủ tục thử nghiệm nhập mới' };
  const broken = {
    ...structuredClone(good),
    code: 'abc',
    implementingLevels: 'commune',
    processingTime: 'nhanh',
  };
  const body = { procedures: [good, fresh, broken] };
  const dry = await api.post('/api/v1/procedures/import', { cookie: admin, payload: body });
  assert.equal(dry.statusCode, 200, dry.body);
  const report = dry.json<{
    dryRun: boolean;
    created: number;
    updated: number;
    rejected: { index: number; reasons: { path: string }[] }[];
  }>();
  assert.equal(report.dryRun, true);
  assert.deepEqual([report.created, report.updated], [1, 1]);
  assert.equal(report.rejected.length, 1);
  assert.equal(report.rejected[0]!.index, 2);
  assert.ok(report.rejected[0]!.reasons.length >= 3, JSON.stringify(report.rejected[0]));
  assert.equal((await search('q=9.999001')).total, 0, 'dry run wrote nothing');

  const applied = await api.post('/api/v1/procedures/import?dryRun=false', { cookie: admin, payload: body });
  assert.equal(applied.json<{ created: number }>().created, 1);
  assert.equal((await search('q=9.999001')).total, 1);
  const versions = await api.get('/api/v1/procedures/1.001193/versions', { cookie: admin });
  assert.deepEqual(
    versions.json<{ items: { version: number; status: string }[] }>().items.map((v) => [v.version, v.status]),
    [
      [1, 'retired'],
      [2, 'published'],
    ],
  );
});

test('search: diacritics-insensitive, word-order-tolerant, by code, with filters', async () => {
  for (const q of ['khai sinh', 'dang ky khai sinh', 'sinh khai', 'Đăng ký khai sinh', '1.001193']) {
    const res = await search(`q=${encodeURIComponent(q)}`);
    assert.ok(
      res.items.some((p) => p.code === '1.001193'),
      `"${q}" finds 1.001193`,
    );
  }
  assert.equal((await search(`q=${encodeURIComponent('khai sinh xyzzy')}`)).total, 0);
  const commune = await search('level=commune&pageSize=100');
  assert.ok(commune.total > 10 && commune.items.every((p) => p.levels.includes('commune')));
  const hangTrong = await agencyCode('00070', 'people-committee');
  const offered = await search(`agencyCode=${hangTrong}&pageSize=100`);
  assert.ok(offered.items.some((p) => p.code === '1.001193'));
  assert.ok(offered.total < 47);
  // Thành phố Đà Nẵng, which Quảng Nam joined
  const daNangProvince = await search(
    `agencyCode=${await agencyCode('48', 'people-committee')}&q=khai%20sinh`,
  );
  assert.ok(
    !daNangProvince.items.some((p) => p.code === '1.001193'),
    'birth registration is a commune procedure',
  );
});

test('a procedure page has its real form, time limits, fees and where to apply', async () => {
  const res = await api.get('/api/v1/procedures/1.001193');
  assert.equal(res.statusCode, 200);
  const d = res.json<{
    genericForm: boolean;
    form: { title?: string };
    procedure: { timeLimits: { direct: { value: number; unit: string } } };
    offeredBy: { unitCode: string }[];
  }>();
  assert.equal(d.genericForm, false);
  assert.deepEqual(
    [d.procedure.timeLimits.direct.value, d.procedure.timeLimits.direct.unit],
    [1, 'working-day'],
  );
  assert.ok(d.offeredBy.some((a) => a.unitCode === '00070'));
  const generic = (await api.get('/api/v1/procedures/1.001612')).json<{
    genericForm: boolean;
  }>();
  assert.equal(generic.genericForm, false, 'the household-business form is shipped');
  assert.equal((await api.get('/api/v1/procedures/9.123456')).statusCode, 404);
});

test('declaration forms report every error at once with its pointer, in Vietnamese', async () => {
  const res = await api.post('/api/v1/procedures/1.001193/form/validate', {
    payload: { formData: { nguoiDuocKhaiSinh: { hoTen: 42 } } },
  });
  assert.equal(res.statusCode, 200);
  const r = res.json<{ ok: boolean; errors: { pointer: string; message: string }[] }>();
  assert.equal(r.ok, false);
  assert.ok(r.errors.length >= 3, JSON.stringify(r.errors));
  assert.ok(r.errors.some((e) => e.pointer.startsWith('/nguoiDuocKhaiSinh')));
  assert.ok(r.errors.every((e) => /[àáảãạăâđêôơưếềểễệ]/i.test(e.message) || e.message.length > 0));
});

test('version lifecycle: draft → published → retired; one draft at a time; publishing checks workflows', async () => {
  const h = { cookie: admin };
  const draft = await api.post('/api/v1/procedures/1.000894/versions', h);
  assert.equal(draft.statusCode, 201, draft.body);
  const v = draft.json<{ version: number }>().version;
  assert.equal((await api.post('/api/v1/procedures/1.000894/versions', h)).statusCode, 409);

  const exported = (await api.get('/api/v1/procedures/export')).json<{
    procedures: Record<string, unknown>[];
  }>();
  const record = structuredClone(exported.procedures.find((p) => p.code === '1.003677')!);
  const wrongCode = await api.put(`/api/v1/procedures/1.000894/versions/${v}`, { ...h, payload: { record } });
  assert.equal(wrongCode.statusCode, 400);
  assert.ok(errorOf(wrongCode).details!.some((d) => d.path === 'body/record/code'));

  const own = structuredClone(exported.procedures.find((p) => p.code === '1.000894')!);
  const badForm = await api.put(`/api/v1/procedures/1.000894/versions/${v}`, {
    ...h,
    payload: { record: own, formSchema: { $ref: 'https://evil.example/x.json' } },
  });
  assert.equal(badForm.statusCode, 400, badForm.body);
  // Published with a bare "1" on every channel: publishing is refused until each has its unit.
  const renamed = { ...own, name: 'Tên đã sửa' };
  const ok = await api.put(`/api/v1/procedures/1.000894/versions/${v}`, {
    ...h,
    payload: { record: renamed },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const incomplete = await api.post(`/api/v1/procedures/1.000894/versions/${v}/publish`, h);
  assert.equal(incomplete.statusCode, 422, incomplete.body);
  assert.equal(errorOf(incomplete).reason, 'PROCEDURE_DRAFT_INCOMPLETE');
  const times = (own as { processingTime: Record<string, unknown>[] }).processingTime;
  const withUnits = { ...renamed, processingTime: times.map((t) => ({ ...t, unit: 'Ngày làm việc' })) };
  const fixed = await api.put(`/api/v1/procedures/1.000894/versions/${v}`, {
    ...h,
    payload: { record: withUnits },
  });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.deepEqual(fixed.json<{ flags: unknown[] }>().flags, [], 'its units given, nothing is flagged');
  const pub = await api.post(`/api/v1/procedures/1.000894/versions/${v}/publish`, h);
  assert.equal(pub.statusCode, 200, pub.body);
  const detail = (await api.get('/api/v1/procedures/1.000894')).json<{
    version: number;
    procedure: { name: string };
  }>();
  assert.deepEqual([detail.version, detail.procedure.name], [v, 'Tên đã sửa']);
  assert.equal((await api.post(`/api/v1/procedures/1.000894/versions/1/publish`, h)).statusCode, 409);

  // A workflow stored on the published version is copied to the next draft; when the draft's limit
  // changes, the copied shares no longer add up and publishing is refused until they are fixed.
  const steps = [
    receiveStep(1),
    step('process', {
      name: 'Xử lý',
      role: 'specialist',
      performer: { kind: 'competent-agency' },
      hours: 6,
      canSendBack: true,
    }),
    returnStep(1),
  ];
  const wf = await api.put('/api/v1/procedures/1.001193/workflow', {
    ...h,
    payload: { channel: 'direct', version: 0, steps },
  });
  assert.equal(wf.statusCode, 200, wf.body);
  const d2 = (await api.post('/api/v1/procedures/1.001193/versions', h)).json<{ version: number }>();
  const birth = structuredClone(exported.procedures.find((p) => p.code === '1.001193')!) as {
    processingTime: { channel: string; value: number; unit: string }[];
  };
  birth.processingTime = birth.processingTime.map((t) => ({ ...t, value: 2 }));
  const edit = await api.put(`/api/v1/procedures/1.001193/versions/${d2.version}`, {
    ...h,
    payload: { record: birth },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const refused = await api.post(`/api/v1/procedures/1.001193/versions/${d2.version}/publish`, h);
  assert.equal(refused.statusCode, 422, refused.body);
  assert.ok(errorOf(refused).details!.some((d) => d.path.startsWith('workflows/direct')));
});

test('workflow shares must add up; the default adds up; inter-agency steps resolve to real agencies', async () => {
  const hangTrong = await agencyCode('00070', 'people-committee');
  const def = await api.get(`/api/v1/procedures/${wardProcedure}/workflow?agencyCode=${hangTrong}`, {
    cookie: admin,
  });
  assert.equal(def.statusCode, 200, def.body);
  const w = def.json<{ source: string; steps: { agency: { code: string } | null }[] }>();
  assert.equal(w.source, 'default');
  assert.ok(w.steps.length >= 3 && w.steps.every((s) => s.agency?.code === hangTrong));

  const bad = await api.put(`/api/v1/procedures/${wardProcedure}/workflow`, {
    cookie: admin,
    payload: {
      channel: 'direct',
      version: 0,
      steps: [
        step('only', {
          name: 'Một bước',
          role: 'specialist',
          performer: { kind: 'competent-agency' },
          hours: 1,
        }),
      ],
    },
  });
  assert.equal(bad.statusCode, 400);
  assert.ok(
    errorOf(bad).details!.some((d) => d.path.startsWith('body/steps')),
    bad.body,
  );

  // a ward's police post answers to the city's police since the districts ended (1/7/2025)
  const wardPolice = await agencyCode('00070', 'police');
  const cityPolice = await agencyCode('01', 'police');
  const steps = [
    receiveStep(2),
    step('verify', {
      name: 'Công an cấp trên xác minh',
      role: 'specialist',
      performer: { kind: 'agency-of-kind-above', agencyKind: 'police' },
      hours: 14,
      canSendBack: true,
    }),
    step('approve', {
      name: 'Phê duyệt',
      role: 'leader',
      performer: { kind: 'competent-agency' },
      hours: 6,
      canSendBack: true,
    }),
    returnStep(2),
  ];
  const put = await api.put('/api/v1/procedures/3.000722/workflow', {
    cookie: admin,
    payload: { channel: 'online', version: 0, steps },
  });
  assert.equal(put.statusCode, 200, put.body);
  const resolved = await api.get(
    `/api/v1/procedures/3.000722/workflow?channel=online&agencyCode=${wardPolice}`,
    { cookie: admin },
  );
  const r = resolved.json<{ steps: { key: string; agency: { code: string; name: string } | null }[] }>();
  assert.equal(r.steps.find((s) => s.key === 'verify')!.agency?.code, cityPolice, resolved.body);
  assert.equal(r.steps.find((s) => s.key === 'approve')!.agency?.code, wardPolice);
});

test('authorisation: a ward admin cannot edit the province catalogue; unit admins edit their own agencies’ workflows', async () => {
  const hangTrong = await agencyCode('00070', 'people-committee');
  await createUser(
    rt.deps,
    { userId: null, label: 'test' },
    {
      username: 'admin.hang-trong',
      fullName: 'Quản trị Phường Hoàn Kiếm',
      password: 'mat-khau-dai',
      roles: [{ role: 'unit-admin', agencyCode: hangTrong }],
    },
  );
  const ward = await loginAs(rt.app, 'admin.hang-trong', 'mat-khau-dai');
  const h = { cookie: ward };
  assert.equal((await api.post('/api/v1/procedures/1.003677/versions', h)).statusCode, 403);
  assert.equal(
    (await api.post('/api/v1/procedures/import', { ...h, payload: { procedures: [] } })).statusCode,
    403,
  );
  assert.equal(
    (await api.put('/api/v1/procedures/1.003677/offerings', { ...h, payload: { agencyCodes: [] } }))
      .statusCode,
    403,
  );
  const current = (
    await api.get(`/api/v1/procedures/${wardProcedure}/workflow?agencyCode=${hangTrong}`, h)
  ).json<{ steps: Record<string, unknown>[] }>();
  const steps = current.steps.map(({ agency: _a, unresolved: _u, ...s }) => s);
  const provinceWide = await api.put(`/api/v1/procedures/${wardProcedure}/workflow`, {
    ...h,
    payload: { channel: 'direct', version: 0, steps },
  });
  assert.equal(provinceWide.statusCode, 403);
  const beside = await api.put(`/api/v1/procedures/${wardProcedure}/workflow`, {
    ...h,
    payload: {
      channel: 'direct',
      version: 0,
      steps,
      // Phường Cửa Nam, beside it
      agencyCode: await agencyCode('00082', 'people-committee'),
    },
  });
  assert.equal(beside.statusCode, 403);
  const own = await api.put(`/api/v1/procedures/${wardProcedure}/workflow`, {
    ...h,
    payload: { channel: 'direct', version: 0, steps, agencyCode: hangTrong },
  });
  assert.equal(own.statusCode, 200, own.body);
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  assert.equal((await api.post('/api/v1/procedures/1.003677/versions', { cookie: desk })).statusCode, 403);
  assert.equal((await api.post('/api/v1/procedures/1.003677/versions')).statusCode, 401);
  assert.equal((await api.get(`/api/v1/procedures/${wardProcedure}/workflow`)).statusCode, 401);
});
