// Who may see and operate the sync: anonymous → 401, staff without the role → 403, auditors read the
// status and the inbound portal dossiers only, province administrators everything; bad input is named;
// re-drive answers 404 and 409.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';

let rt: TestRuntime;
let pendingId: string;
let heldId: string;

before(async () => {
  rt = await createTestRuntime();
  const now = new Date();
  pendingId = (
    await rt.deps.db
      .insertInto('outbox')
      .values({
        topic: 'portal.dossier-status',
        ordering_key: 'X-1',
        payload: JSON.stringify({ dossierCode: 'X-1' }),
        available_at: now,
        created_at: now,
      })
      .returning('outbox_id')
      .executeTakeFirstOrThrow()
  ).outbox_id;
  // A portal dossier held for a catalogue gap (the retry must not touch it unless a province
  // administrator asks).
  heldId = (
    await rt.deps.db
      .insertInto('portal_inbound_dossiers')
      .values({
        portal_code: 'G22.99-261120-0001',
        procedure_code: '1.000656',
        agency_code: '000.00.00.H26',
        record: JSON.stringify({}),
        intake: JSON.stringify({}),
        problems: JSON.stringify([{ path: 'limit', message: 'Thời hạn giải quyết “1” chưa có đơn vị' }]),
        status: 'held',
        fetched_at: now,
      })
      .returning('inbound_id')
      .executeTakeFirstOrThrow()
  ).inbound_id;
});
after(() => rt.close());

const routes = () => [
  { method: 'GET' as const, url: '/api/v1/sync/status', auditor: true },
  { method: 'GET' as const, url: '/api/v1/sync/messages?status=pending', auditor: false },
  { method: 'POST' as const, url: `/api/v1/sync/messages/${pendingId}/redrive`, auditor: false },
  { method: 'POST' as const, url: '/api/v1/sync/redrive?topic=portal.dossier-status', auditor: false },
  { method: 'GET' as const, url: '/api/v1/sync/inbound?status=held', auditor: true },
  { method: 'POST' as const, url: `/api/v1/sync/inbound/${heldId}/retry`, auditor: false },
];

test('anonymous callers get 401, desk officers and specialists 403, auditors read the status and the inbound list only', async () => {
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  const specialist = await loginAs(rt.app, 'specialist.hang-trong');
  const auditor = await loginAs(rt.app, 'auditor.ha-noi');
  for (const r of routes()) {
    const anon = await rt.app.inject({ method: r.method, url: r.url });
    assert.equal(anon.statusCode, 401, `${r.method} ${r.url}`);
    assert.equal(errorOf(anon).code, 'UNAUTHENTICATED');
    for (const cookie of [desk, specialist]) {
      const res = await rt.app.inject({ method: r.method, url: r.url, headers: { cookie } });
      assert.equal(res.statusCode, 403, `${r.method} ${r.url}`);
      assert.equal(errorOf(res).code, 'FORBIDDEN');
    }
    const a = await rt.app.inject({ method: r.method, url: r.url, headers: { cookie: auditor } });
    assert.equal(a.statusCode, r.auditor ? 200 : 403, `auditor ${r.method} ${r.url}: ${a.body}`);
  }
  // Nothing was re-driven or taken again by anyone.
  const row = await rt.deps.db
    .selectFrom('outbox')
    .select('status')
    .where('outbox_id', '=', pendingId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'pending');
  const held = await rt.deps.db
    .selectFrom('portal_inbound_dossiers')
    .select('status')
    .where('inbound_id', '=', heldId)
    .executeTakeFirstOrThrow();
  assert.equal(held.status, 'held');
  assert.equal(
    (await rt.deps.db.selectFrom('audit_log').select('audit_id').where('action', 'like', 'sync.%').execute())
      .length,
    0,
  );
});

test('province administrators: lists by status, re-drive answers 404 for no message and 409 for one not dead', async () => {
  const admin = await loginAs(rt.app, 'demo-admin');
  const list = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/messages?status=pending&pageSize=10',
    headers: { cookie: admin },
  });
  assert.equal(list.statusCode, 200, list.body);
  const body = list.json<{
    total: number;
    items: { id: string; key: string; agencyCode: string | null }[];
  }>();
  assert.ok(body.items.some((m) => m.id === pendingId && m.key === 'X-1' && m.agencyCode === null));
  const byKey = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/messages?status=pending&key=X-1',
    headers: { cookie: admin },
  });
  assert.equal(byKey.json<{ total: number }>().total, 1);
  const dead = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/messages',
    headers: { cookie: admin },
  });
  assert.deepEqual(dead.json(), { items: [], total: 0 });

  const missing = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/sync/messages/999999999/redrive',
    headers: { cookie: admin },
  });
  assert.equal(missing.statusCode, 404);
  assert.equal(errorOf(missing).code, 'NOT_FOUND');
  const notDead = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/sync/messages/${pendingId}/redrive`,
    headers: { cookie: admin },
  });
  assert.equal(notDead.statusCode, 409);
  assert.equal(errorOf(notDead).code, 'CONFLICT');
  const none = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/sync/redrive?topic=applicant.notification',
    headers: { cookie: admin },
  });
  assert.deepEqual(none.json(), { topic: 'applicant.notification', redriven: 0 });
  assert.equal(
    (await rt.deps.db.selectFrom('audit_log').select('audit_id').where('action', 'like', 'sync.%').execute())
      .length,
    0,
    'nothing re-driven, nothing audited',
  );
});

test('auditors list the held portal dossiers as administrators do', async () => {
  for (const user of ['demo-admin', 'auditor.ha-noi']) {
    const res = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/sync/inbound?status=held',
      headers: { cookie: await loginAs(rt.app, user) },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ total: number; items: { id: string; agency: { name: string | null } }[] }>();
    assert.equal(body.total, 1);
    assert.equal(body.items[0]!.id, heldId);
    assert.equal(body.items[0]!.agency.name, null, 'no agency of that code in the province');
  }
});

test('bad input is named: status, topic, ids, paging', async () => {
  const admin = await loginAs(rt.app, 'demo-admin');
  const cases: [string, string, string[]][] = [
    ['GET', '/api/v1/sync/messages?status=lost&page=0', ['query/status', 'query/page']],
    ['GET', '/api/v1/sync/status?topic=Not%20A%20Topic', ['query/topic']],
    ['GET', '/api/v1/sync/messages?key=%3Cscript%3E', ['query/key']],
    ['POST', '/api/v1/sync/messages/abc/redrive', ['params/id']],
    ['POST', '/api/v1/sync/redrive', ['query/topic']],
    ['POST', '/api/v1/sync/redrive?topic=portal.dossier-status&extra=1', ['query/extra']],
    [
      'GET',
      '/api/v1/sync/inbound?status=waiting&page=0&pageSize=501',
      ['query/status', 'query/page', 'query/pageSize'],
    ],
    ['GET', '/api/v1/sync/inbound?agency=000.00.00.H26', ['query/agency']],
    ['POST', '/api/v1/sync/inbound/0/retry', ['params/id']],
  ];
  for (const [method, url, paths] of cases) {
    const res = await rt.app.inject({ method: method as 'GET', url, headers: { cookie: admin } });
    assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
    const named = (errorOf(res).details ?? []).map((d) => d.path);
    for (const p of paths) assert.ok(named.includes(p), `${url}: ${p} in ${named.join(', ')}`);
  }
});
