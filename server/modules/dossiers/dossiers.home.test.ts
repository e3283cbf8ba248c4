// The home page's reads (issue 14): each role's counters count exactly what the worklist they open
// lists, in the officer's reach only; "since your last sign-in" lists the dossiers others acted on
// since the previous sign-in, and nothing of another province.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { signInCitizen, startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { birthAtCounter, birthOnline } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { WORKLISTS } from '../../../common/dossiers/worklists.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';

let rt: TestRuntime;
let idp: DevIdp;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const kit = dossierKit(() => rt);
let hangTrong: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

type Changes = {
  since: string;
  firstSignIn: boolean;
  items: { code: string; actions: number; lastAction: { kind: string; at: string; by: string } }[];
  total: number;
};

before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ clock, config: started.config(testConfig(null).oidc) });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await rt.close();
  await idp.close();
});

const inject = (cookie: string, url: string) => rt.app.inject({ method: 'GET', url, headers: { cookie } });
const counts = async (cookie: string) => {
  const res = await inject(cookie, '/api/v1/dossiers/counts');
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Record<string, number>>();
};
const listed = async (cookie: string, list: string) => {
  const res = await inject(cookie, `/api/v1/dossiers?list=${list}&pageSize=100`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ items: { code: string; status: string }[]; total: number }>();
};

/** An online birth registration to Phường Hoàn Kiếm by a citizen at the test identity provider: its code. */
async function submitOnline(): Promise<string> {
  const cookie = await signInCitizen(rt.app, 'dev-001190012345');
  // What the online channel requires, as the server says it.
  const none = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: birthOnline(hangTrong, []),
  });
  const required = errorOf(none)
    .details!.map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  const components = await Promise.all(
    required.map(async (code) => ({ code, fileIds: [await kit.upload(cookie, PDF, 'giay.pdf')] })),
  );
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/portal/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: birthOnline(hangTrong, components),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

async function intake(desk: string, complete = true) {
  const body = birthAtCounter(hangTrong);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await kit.staff(desk), origin: ORIGIN },
    payload: complete ? body : { ...body, components: body.components.slice(1) },
  });
  assert.equal(res.statusCode, complete ? 201 : 422, res.body);
  return res.json<{ code?: string; dossier?: { code: string } }>();
}

test('#14 home counters: each counter counts what its worklist lists, for every role and list', async () => {
  const online = await submitOnline();
  const received = (await intake('desk.hang-trong')).code!;
  await intake('desk.hang-trong', false);
  const assigned = (await intake('desk.hang-trong')).code!;
  await kit.forward(await kit.staff('desk.hang-trong'), assigned, 'specialist.hang-trong');

  const users = ['desk.hang-trong', 'specialist.hang-trong', 'leader.hoan-kiem', 'desk.quan-3'];
  const seen: Record<string, Record<string, number>> = {};
  for (const user of users) {
    const cookie = await kit.staff(user);
    const c = await counts(cookie);
    assert.deepEqual(Object.keys(c).sort(), [...WORKLISTS].sort());
    for (const list of WORKLISTS) {
      const l = await listed(cookie, list);
      assert.equal(c[list], l.total, `${user}: ${list}`);
      assert.equal(Math.min(l.total, 100), l.items.length, `${user}: ${list} rows`);
    }
    seen[user] = c;
  }
  const desk = await kit.staff('desk.hang-trong');
  // What each counter holds, not only that the two agree.
  assert.ok((await listed(desk, 'to-receive')).items.some((d) => d.code === online));
  const today = (await listed(desk, 'received-today')).items.map((d) => d.code);
  assert.ok(today.includes(received) && today.includes(assigned));
  assert.ok(!today.includes(online), 'an online dossier not yet received is not "received today"');
  const waiting = (await listed(desk, 'awaiting-applicant')).items;
  assert.ok(waiting.length >= 1 && waiting.every((d) => d.status.startsWith('awaiting-')));
  assert.ok(
    (await listed(await kit.staff('specialist.hang-trong'), 'mine')).items.some((d) => d.code === assigned),
  );
  assert.ok(seen['leader.hoan-kiem']!['due-soon']! >= 1, "the city leader sees its wards' deadlines");
  // Another province's desk counts none of Hà Nội's dossiers.
  for (const list of WORKLISTS) {
    const l = await listed(await kit.staff('desk.quan-3'), list);
    assert.ok(!l.items.some((d) => [online, received, assigned].includes(d.code)), list);
  }

  // The next morning, "received today" starts again at zero for these.
  clock.set('2026-11-23T01:00:00Z'); // Monday 08:00
  const deskMonday = await loginAs(rt.app, 'desk.hang-trong');
  const monday = (await listed(deskMonday, 'received-today')).items.map((d) => d.code);
  assert.ok(!monday.includes(received) && !monday.includes(assigned));
  assert.equal(
    (await counts(deskMonday))['received-today'],
    (await listed(deskMonday, 'received-today')).total,
  );
  clock.set('2026-11-20T02:00:00Z');
});

test('#14 since last sign-in: the dossiers others acted on since the previous sign-in, in reach only', async () => {
  clock.set('2026-11-24T01:00:00Z'); // Tuesday 08:00
  // A first sign-in of the leader in this database looks back a day.
  const leaderFirst = await loginAs(rt.app, 'leader.hang-trong');
  const first = (await inject(leaderFirst, '/api/v1/dossiers/changes')).json<Changes>();
  assert.equal(first.firstSignIn, true);
  assert.equal(first.since, '2026-11-23T01:00:00.000Z');

  // Later that day the leader signs in again (the first sign-in is now the previous one) ...
  clock.set('2026-11-24T02:00:00Z');
  // ... after the desk received a dossier and passed it on, and the specialist took it.
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  const code = (await receiveOne(desk)).code;
  const online = await submitOnline();
  await kit.forward(desk, code, 'specialist.hang-trong');
  clock.set('2026-11-24T03:00:00Z');
  const leader = await loginAs(rt.app, 'leader.hang-trong');
  const res = await inject(leader, '/api/v1/dossiers/changes');
  assert.equal(res.statusCode, 200, res.body);
  const changes = res.json<Changes>();
  assert.equal(changes.firstSignIn, false);
  assert.equal(changes.since, '2026-11-24T01:00:00.000Z');
  const mine = changes.items.find((d) => d.code === code);
  assert.ok(mine, JSON.stringify(changes.items.map((d) => d.code)));
  assert.equal(mine.lastAction.kind, 'forward');
  assert.ok(mine.actions >= 2, 'received, then forwarded');
  assert.ok(changes.total >= changes.items.length);
  const submitted = changes.items.find((d) => d.code === online);
  assert.ok(submitted, 'a submission nobody has acted on yet is news too');
  assert.deepEqual(submitted.lastAction, {
    kind: 'submit',
    at: '2026-11-24T02:00:00.000Z',
    by: 'Nguyễn Thị Hường',
  });

  // The desk's own actions are not news to the desk.
  clock.set('2026-11-24T04:00:00Z');
  const deskAgain = await loginAs(rt.app, 'desk.hang-trong');
  const deskChanges = (await inject(deskAgain, '/api/v1/dossiers/changes')).json<Changes>();
  assert.ok(!deskChanges.items.some((d) => d.code === code), 'only the desk acted on it');
  // Another province sees none of it; a later sign-in starts afresh.
  const quan3 = await loginAs(rt.app, 'desk.quan-3');
  clock.set('2026-11-24T05:00:00Z');
  const quan3Again = await loginAs(rt.app, 'desk.quan-3');
  for (const c of [quan3, quan3Again]) {
    const other = (await inject(c, '/api/v1/dossiers/changes')).json<Changes>();
    assert.ok(!other.items.some((d) => d.code === code));
  }
  clock.set('2026-11-24T06:00:00Z');
  const leaderLater = await loginAs(rt.app, 'leader.hang-trong');
  const later = (await inject(leaderLater, '/api/v1/dossiers/changes')).json<Changes>();
  assert.equal(later.since, '2026-11-24T03:00:00.000Z');
  assert.ok(!later.items.some((d) => d.code === code), 'nothing happened to it since');

  const anon = await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/changes' });
  assert.equal(anon.statusCode, 401);
});

async function receiveOne(cookie: string) {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie, origin: ORIGIN },
    payload: birthAtCounter(hangTrong),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>();
}
