// What the adoption monitor's route tests share: a runtime on a hand-moved clock opened before and
// closed after the file's tests, the People's Committee code of each named unit, and the monitor read
// as a user (must answer 200) with an agency's row found in it.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock } from '../../platform/clock.ts';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { AdoptionAgency, AdoptionResponse } from '../../../common/contracts/report-adoption.ts';

/** Registers the file's before/after hooks: `units` are [name, unit code] pairs. */
export function adoptionTestRuntime(clock: Clock, units: readonly (readonly [string, string])[]) {
  let rt: TestRuntime | undefined;
  const runtime = () => rt!;
  const kit = dossierKit(runtime);
  const codes = new Map<string, string>();
  before(async () => {
    rt = await createTestRuntime({ clock, config: { sessionTtlHours: 24 * 365 } });
    for (const [name, unit] of units) codes.set(name, await peoplesCommittee(rt.deps.db, unit));
  });
  after(() => rt?.close());
  /** GET /api/v1/reports/adoption?`query` as `user`. */
  async function monitor(user: string, query: string): Promise<AdoptionResponse> {
    const res = await kit.get(`/api/v1/reports/adoption?${query}`, await kit.staff(user));
    assert.equal(res.statusCode, 200, res.body);
    return res.json<AdoptionResponse>();
  }
  return { runtime, kit, code: (name: string) => codes.get(name)!, monitor };
}

export const agencyIn = (m: AdoptionResponse, agencyCode: string): AdoptionAgency | undefined =>
  m.groups.flatMap((g) => g.agencies).find((a) => a.code === agencyCode);
