// The composition server/main.ts starts: in demo mode without PORTAL_BASE_URL the simulator runs in the
// process and a dossier's status reaches it by itself; without a portal and outside demo mode the
// messages wait, untouched. Real time, short polls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { parseConfig } from '../../config.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { startSyncJobs } from './sync.jobs.ts';
import { wardCommitteeCode } from './test-kit.ts';

async function runtime(demoMode: boolean): Promise<TestRuntime> {
  const defaults = parseConfig({ NODE_ENV: 'test' });
  return createTestRuntime({
    config: {
      demoMode,
      simulatorPort: 0,
      portal: { ...defaults.portal, baseUrl: null },
      sync: { ...defaults.sync, pollMs: 20, inboundSeconds: 1, reconcileMinutes: 0 },
    },
  });
}

async function intake(rt: TestRuntime): Promise<string> {
  const hangTrong = await wardCommitteeCode(rt.deps.db);
  return (await receiveBirthAt(rt.app, await loginAs(rt.app, 'desk.hang-trong'), hangTrong)).code;
}

async function eventually(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`${what} within ${ms} ms`);
}

test('demo mode without PORTAL_BASE_URL: the in-process simulator receives statuses and offers inbound dossiers', async () => {
  const rt = await runtime(true);
  const jobs = await startSyncJobs(rt.deps, silentLog);
  try {
    assert.match(jobs.portalUrl!, /^http:\/\/127\.0\.0\.1:\d+$/);
    const code = await intake(rt);
    jobs.worker.notify();
    await eventually('the status reaches the portal', async () => {
      const res = await fetch(`${jobs.portalUrl}/_sim/dossiers/${encodeURIComponent(code)}`);
      return res.status === 200 && ((await res.json()) as { TrangThaiHoSo: number }).TrangThaiHoSo === 2;
    });
    await eventually('the seeded portal dossiers are fetched and enter intake', async () => {
      const rows = await rt.deps.db
        .selectFrom('portal_inbound_dossiers')
        .select(['portal_code', 'status'])
        .execute();
      return rows.length === 3 && rows.some((r) => r.status === 'received');
    });
    // The dossier the portal handed over is synced back like any other.
    const cookie = await loginAs(rt.app, 'demo-admin');
    jobs.worker.notify();
    await eventually('every dossier is synced', async () => {
      const status = await rt.app.inject({ method: 'GET', url: '/api/v1/sync/status', headers: { cookie } });
      return status.json<{ syncedRatio: number }>().syncedRatio === 1;
    });
  } finally {
    await jobs.stop();
    await rt.close();
  }
  await assert.rejects(fetch(`${jobs.portalUrl}/_sim/health`), 'the simulator stopped with the jobs');
});

test('without a portal outside demo mode, messages stay pending, untouched, until one is configured', async () => {
  const rt = await runtime(false);
  const jobs = await startSyncJobs(rt.deps, silentLog);
  try {
    assert.equal(jobs.portalUrl, null);
    const code = await intake(rt);
    jobs.worker.notify();
    await new Promise((r) => setTimeout(r, 200));
    const rows = await rt.deps.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('ordering_key', '=', code)
      .where('topic', '=', 'portal.dossier-status')
      .execute();
    assert.deepEqual(rows, [{ status: 'pending', attempts: 0 }]);
  } finally {
    await jobs.stop();
    await rt.close();
  }
});
