// Payments taken at the desk (cash, transfer): who may, gap-free receipt numbers per agency and year
// under concurrency, confirming an awaiting-payment dossier; the payments list within reach; a
// citizen paying for their own dossier.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf } from '../../test/http.ts';
import { signInCitizen, startTestIdp } from '../../test/citizen.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { DESK_FEE, baseOidc, startKit, type Kit } from './test-kit.ts';

let k: Kit;
let idp: DevIdp;
before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  k = await startKit(started.config(baseOidc()));
});
after(async () => {
  await k.close();
  await idp.close();
});

type PaymentView = {
  paymentId: string;
  reference: string;
  dossierCode: string;
  agency: { code: string };
  amountVnd: number;
  channel: string;
  status: string;
  receiptNumber: string | null;
  createdBy: string;
};
type DeskAnswer = { payment: PaymentView; dossierStatus: string };

const desk = async (
  user: string,
  code: string,
  body: Record<string, unknown> = { method: 'cash' },
  headers: Record<string, string> = {},
) =>
  k.rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/payments/desk`,
    headers: { cookie: await k.as(user), ...headers },
    payload: body,
  });

const list = async (user: string | null, query = '') =>
  k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments${query}`,
    headers: user ? { cookie: await k.as(user) } : {},
  });

const seqOf = (receipt: string) => Number(receipt.split('/')[1]);

test('cash at the desk: paid at once with a receipt; only a desk officer of the receiving agency; nothing owed twice', async () => {
  const d = await k.intake('desk.hang-trong', '00070');
  const specialist = await desk('specialist.hang-trong', d.code);
  assert.equal(specialist.statusCode, 403, specialist.body);
  assert.equal(errorOf(await desk('desk.hang-bac', d.code)).code, 'NOT_FOUND');
  const anon = await k.rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${d.code}/payments/desk`,
    payload: { method: 'cash' },
  });
  assert.equal(anon.statusCode, 401);
  const noRef = await desk('desk.hang-trong', d.code, { method: 'transfer' });
  assert.equal(noRef.statusCode, 400);
  assert.ok(errorOf(noRef).details!.some((x) => x.path === 'body/transferReference'));
  const bad = await desk('desk.hang-trong', d.code, { method: 'cheque' });
  assert.equal(bad.statusCode, 400);

  const res = await desk(
    'desk.hang-trong',
    d.code,
    { method: 'cash' },
    { 'idempotency-key': 'desk-key-0001' },
  );
  assert.equal(res.statusCode, 201, res.body);
  const paid = res.json<DeskAnswer>();
  assert.equal(paid.payment.status, 'paid');
  assert.equal(paid.payment.channel, 'cash');
  assert.equal(paid.payment.amountVnd, DESK_FEE);
  assert.equal(paid.payment.createdBy, 'desk.hang-trong');
  assert.match(paid.payment.receiptNumber!, /^BL-2026\/\d{7}$/);
  assert.equal(paid.dossierStatus, 'received');
  // The same key: the same payment.
  const again = await desk(
    'desk.hang-trong',
    d.code,
    { method: 'cash' },
    { 'idempotency-key': 'desk-key-0001' },
  );
  assert.equal(again.statusCode, 201);
  assert.equal(again.json<DeskAnswer>().payment.paymentId, paid.payment.paymentId);
  // Nothing left: refused.
  const twice = await desk('desk.hang-trong', d.code);
  assert.equal(twice.statusCode, 409, twice.body);
  const fees = (
    await k.rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.code}/fees`,
      headers: { cookie: await k.as('desk.hang-trong') },
    })
  ).json<{ outstandingVnd: number; paidVnd: number; payments: PaymentView[] }>();
  assert.deepEqual([fees.outstandingVnd, fees.paidVnd, fees.payments.length], [0, DESK_FEE, 1]);
});

test('concurrent desk payments never share a receipt number; each agency and year has its own gap-free series', async () => {
  const trong = await Promise.all(Array.from({ length: 6 }, () => k.intake('desk.hang-trong', '00070')));
  const bac = await Promise.all(Array.from({ length: 3 }, () => k.intake('desk.hang-bac', '00082')));
  const answers = await Promise.all([
    ...trong.map((d) => desk('desk.hang-trong', d.code)),
    ...bac.map((d, i) =>
      desk('desk.hang-bac', d.code, { method: 'transfer', transferReference: `FT2611200000${i}` }),
    ),
  ]);
  for (const a of answers) assert.equal(a.statusCode, 201, a.body);
  const all = await k.rt.deps.db
    .selectFrom('payments as p')
    .innerJoin('agencies as a', 'a.agency_id', 'p.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['u.code as unit_code', 'p.receipt_year', 'p.receipt_seq'])
    .where('p.status', '=', 'paid')
    .execute();
  for (const unit of ['00070', '00082']) {
    const seqs = all
      .filter((r) => r.unit_code === unit)
      .map((r) => r.receipt_seq!)
      .sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
      `${unit}: ${seqs.join(',')}`,
    );
  }
  assert.deepEqual(
    answers
      .slice(6)
      .map((a) => seqOf(a.json<DeskAnswer>().payment.receiptNumber!))
      .sort(),
    [1, 2, 3],
  );
});

test('a desk payment of an awaiting-payment dossier confirms it, as the desk officer', async () => {
  const d = await k.intake('desk.hang-trong', '00070');
  await k.awaitPayment(d.code, 'hang-trong', [
    { name: 'Lệ phí', amountVnd: 10000 },
    { name: 'Phí thẩm định', amountVnd: 0 },
  ]);
  const res = await desk('desk.hang-trong', d.code);
  assert.equal(res.statusCode, 201, res.body);
  const answer = res.json<DeskAnswer>();
  assert.equal(answer.payment.amountVnd, DESK_FEE + 10000);
  assert.equal(answer.dossierStatus, 'processing');
  const view = (
    await k.rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.code}`,
      headers: { cookie: await k.as('desk.hang-trong') },
    })
  ).json<{ history: { action: string; by: string; note: string | null }[] }>();
  const last = view.history.at(-1)!;
  assert.equal(last.action, 'confirm-payment');
  assert.equal(last.by, 'desk.hang-trong');

  // An obligation without an amount (a tax paid elsewhere) is confirmed by hand, not by the payment.
  const t = await k.intake('desk.hang-trong', '00070');
  await k.awaitPayment(t.code, 'hang-trong', [
    { name: 'Thuế thu nhập cá nhân' },
    { name: 'Lệ phí', amountVnd: 2000 },
  ]);
  const partial = await desk('desk.hang-trong', t.code);
  assert.equal(partial.statusCode, 201, partial.body);
  assert.equal(partial.json<DeskAnswer>().dossierStatus, 'awaiting-payment');
  const fees = (
    await k.rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${t.code}/fees`,
      headers: { cookie: await k.as('desk.hang-trong') },
    })
  ).json<{ unpriced: { name: string; source: string }[]; outstandingVnd: number }>();
  assert.deepEqual(fees.unpriced, [{ name: 'Thuế thu nhập cá nhân', text: null, source: 'obligation' }]);
  assert.equal(fees.outstandingVnd, 0);
});

test("GET /payments: each desk sees its own agency, the city's desk the wards below, the auditor all; filters", async () => {
  const trongCode = await k.agency('00070');
  const bacCode = await k.agency('00082');
  const seen = async (user: string, query = '?pageSize=500') => {
    const res = await list(user, query);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: PaymentView[]; total: number }>();
  };
  const trong = await seen('desk.hang-trong');
  assert.ok(trong.total > 0);
  assert.ok(trong.items.every((p) => p.agency.code === trongCode));
  const bac = await seen('desk.hang-bac');
  assert.ok(bac.total > 0);
  assert.ok(bac.items.every((p) => p.agency.code === bacCode));
  const city = await seen('desk.hoan-kiem');
  assert.equal(city.total, trong.total + bac.total);
  const auditor = await seen('auditor.ha-noi');
  assert.equal(auditor.total, trong.total + bac.total);
  const quangNam = await seen('admin.quang-nam');
  assert.equal(quangNam.total, 0);
  // Filters.
  const paidOnly = await seen('auditor.ha-noi', '?status=paid&pageSize=500');
  assert.ok(paidOnly.items.every((p) => p.status === 'paid'));
  const byAgency = await seen('auditor.ha-noi', `?agencyCode=${bacCode}`);
  assert.equal(byAgency.total, bac.total);
  const other = await seen('desk.hang-trong', `?agencyCode=${bacCode}`);
  assert.equal(other.total, 0);
  const paged = await seen('desk.hang-trong', '?pageSize=2&page=1');
  assert.equal(paged.items.length, 2);
  // Invalid input, no session.
  assert.equal((await list('desk.hang-trong', '?status=lost')).statusCode, 400);
  assert.equal((await list('desk.hang-trong', '?colour=blue')).statusCode, 400);
  assert.equal((await list(null)).statusCode, 401);
  // One payment: visible to its agency's desk, not to another ward's.
  const one = trong.items[0]!;
  const mine = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${one.paymentId}`,
    headers: { cookie: await k.as('desk.hang-trong') },
  });
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.json<PaymentView>().reference, one.reference);
  const theirs = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${one.paymentId}`,
    headers: { cookie: await k.as('desk.hang-bac') },
  });
  assert.equal(theirs.statusCode, 404);
});

test('a citizen sees and pays the fees of their own dossier online, and not those of others', async () => {
  const d = await k.intake('desk.hang-trong', '00070');
  const huong = await signInCitizen(k.rt.app, 'dev-001190012345');
  const minh = await signInCitizen(k.rt.app, 'dev-001085004321');
  const fees = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/fees`,
    headers: { cookie: huong },
  });
  assert.equal(fees.statusCode, 200, fees.body);
  assert.equal(fees.json<{ outstandingVnd: number }>().outstandingVnd, DESK_FEE);
  const other = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/fees`,
    headers: { cookie: minh },
  });
  assert.equal(other.statusCode, 404);
  const start = await k.rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${d.code}/payments`,
    headers: { cookie: huong, origin: 'http://localhost:3000' },
  });
  assert.equal(start.statusCode, 201, start.body);
  const { reference } = start.json<{ reference: string }>();
  const tx = k.sim.control.payments.transaction(reference)!;
  assert.equal(tx.payerName, 'Nguyễn Thị Hường');
  k.sim.control.payments.confirm(reference);
  await k.sim.control.payments.settle();
  const paid = (
    await k.rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.code}/fees`,
      headers: { cookie: huong },
    })
  ).json<{ outstandingVnd: number; payments: PaymentView[] }>();
  assert.equal(paid.outstandingVnd, 0);
  const receipt = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${paid.payments[0]!.paymentId}/receipt`,
    headers: { cookie: huong },
  });
  assert.equal(receipt.statusCode, 200);
  const foreign = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${paid.payments[0]!.paymentId}/receipt`,
    headers: { cookie: minh },
  });
  assert.equal(foreign.statusCode, 404);
  // A citizen does not list payments (staff only).
  assert.equal(
    (await k.rt.app.inject({ method: 'GET', url: '/api/v1/payments', headers: { cookie: huong } }))
      .statusCode,
    401,
  );
});

test('a citizen reading a desk payment of their dossier is told the agency, not the officer who took it', async () => {
  const d = await k.intake('desk.hang-trong', '00070');
  const paid = await desk('desk.hang-trong', d.code);
  assert.equal(paid.statusCode, 201, paid.body);
  const { payment } = paid.json<DeskAnswer>();
  const huong = await signInCitizen(k.rt.app, 'dev-001190012345');
  const fees = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${d.code}/fees`,
    headers: { cookie: huong },
  });
  const one = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${payment.paymentId}`,
    headers: { cookie: huong },
  });
  for (const res of [fees, one]) {
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes('desk.hang-trong'), res.body);
  }
  const seen = one.json<PaymentView & { agency: { name: string } }>();
  assert.equal(seen.createdBy, seen.agency.name);
  // Staff still see who took it.
  const staffView = await k.rt.app.inject({
    method: 'GET',
    url: `/api/v1/payments/${payment.paymentId}`,
    headers: { cookie: await k.as('desk.hang-trong') },
  });
  assert.equal(staffView.json<PaymentView>().createdBy, 'desk.hang-trong');
});
