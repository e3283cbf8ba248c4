// Shared by the payment tests (never seeds): a runtime whose payment platform is a simulator on real
// HTTP, listening so that the simulator's callbacks reach it; a procedure with a fee; dossiers taken
// to the states a payment needs.
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { testConfig } from '../../test/template.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import type { Config } from '../../config.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';

export const PARTNER = 'MOTCUA-TEST';
export const SECRET = 'payment-test-secret-0123456789';
/** The fee the tests publish for birth registration: 8.000 đồng at the desk, 5.000 đồng online. */
export const DESK_FEE = 8000;

/** What an INIT message says of the birth registration the unit tests pay for. */
export const BIRTH_INIT = {
  dossierCode: '000.00.70.H26-261120-0001',
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
  agency: { code: '000.00.70.H26', name: 'Ủy ban nhân dân Phường Hàng Trống' },
  ip: '127.0.0.1',
};

export type Kit = {
  rt: TestRuntime;
  sim: Simulator;
  /** Where motcua listens (the simulator's callbacks go to `${url}/api/v1/payments/callback`). */
  url: string;
  clock: ReturnType<typeof manualClock>;
  as: (username: string) => Promise<string>;
  agency: (unitCode: string) => Promise<string>;
  /** A birth registration received at a ward's desk (it owes the desk fee). */
  intake: (desk: string, unitCode: string) => Promise<{ code: string; version: number }>;
  act: (
    user: string,
    code: string,
    action: string,
    body?: Record<string, unknown>,
  ) => Promise<{ status: string; version: number }>;
  /** Forwarded to the ward's specialist, who asks for a financial obligation: awaiting-payment. */
  awaitPayment: (code: string, ward: string, items: { name: string; amountVnd?: number }[]) => Promise<void>;
  close: () => Promise<void>;
};

export async function startKit(extra: Partial<Config> = {}): Promise<Kit> {
  const sim = await startSimulator({ port: 0 });
  // Friday 20 November 2026, 09:00 in Hà Nội.
  const clock = manualClock('2026-11-20T02:00:00Z');
  const rt = await createTestRuntime({
    clock,
    config: {
      payment: {
        baseUrl: sim.url,
        partnerCode: PARTNER,
        secret: SECRET,
        reconcileMinutes: 0,
        callbacksPerMinute: 300,
      },
      ...extra,
    },
  });
  const url = await rt.app.listen({ port: 0, host: '127.0.0.1' });
  sim.control.payments.setPartner({
    code: PARTNER,
    secret: SECRET,
    callbackUrl: `${url}/api/v1/payments/callback`,
  });
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
    return cookies.get(u)!;
  };
  const agency = async (unitCode: string) => await peoplesCommittee(rt.deps.db, unitCode);

  // Birth registration gets a published fee (a new version through the catalogue's API).
  const admin = await as('demo-admin');
  const exported = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/export' })).json<{
    procedures: Record<string, unknown>[];
  }>();
  const record = structuredClone(exported.procedures.find((p) => p.code === '1.001193')!);
  record.fees = [
    { channel: 'Trực tiếp', amountVnd: DESK_FEE, unit: null, displayed: '8.000 đồng' },
    { channel: 'Trực tuyến', amountVnd: 5000, unit: null, displayed: '5.000 đồng' },
  ];
  const draft = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/versions',
    headers: { cookie: admin },
  });
  assert.equal(draft.statusCode, 201, draft.body);
  const v = draft.json<{ version: number }>().version;
  const edit = await rt.app.inject({
    method: 'PUT',
    url: `/api/v1/procedures/1.001193/versions/${v}`,
    headers: { cookie: admin },
    payload: { record },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const pub = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/procedures/1.001193/versions/${v}/publish`,
    headers: { cookie: admin },
  });
  assert.equal(pub.statusCode, 200, pub.body);

  const view = async (user: string, code: string) => {
    const res = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}`,
      headers: { cookie: await as(user) },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ status: string; version: number }>();
  };
  const act: Kit['act'] = async (user, code, action, body = {}) => {
    clock.advance(60_000);
    const { version } = await view(user, code);
    const res = await rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/${action}`,
      headers: { cookie: await as(user), 'if-match': String(version) },
      payload: body,
    });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    return res.json<{ status: string; version: number }>();
  };

  return {
    rt,
    sim,
    url,
    clock,
    as,
    agency,
    intake: async (desk, unitCode) => {
      clock.advance(60_000);
      return receiveBirthAt(rt.app, await as(desk), await agency(unitCode));
    },
    act,
    awaitPayment: async (code, ward, items) => {
      await act(`desk.${ward}`, code, 'forward', {
        nextAssigneeId: await userId(rt.deps.db, `specialist.${ward}`),
      });
      const r = await act(`specialist.${ward}`, code, 'request-payment', { items });
      assert.equal(r.status, 'awaiting-payment');
      // The payer takes a few minutes (a pause of no length is not a pause).
      clock.advance(5 * 60_000);
    },
    close: async () => {
      await sim.control.payments.settle();
      await rt.close();
      await sim.close();
    },
  };
}

/** Test configuration of the identity provider, for a kit with citizens (see server/test/citizen.ts). */
export const baseOidc = () => testConfig(null).oidc;
