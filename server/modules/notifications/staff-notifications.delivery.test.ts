// Staff told of what lands in their worklist (#18, scope 4), through the SMTP sink (smtp-server on
// 127.0.0.1) and the notifications' outbox worker, on the injected clock: "immediate" gets one e-mail
// per arrival, once even when the outbox delivers the message again; "daily" gets one summary at its
// time on a working day — none before it, none on a Sunday, one when two runs race — listing what came
// in since the last one, and the dossiers and PAKN due soon and overdue; "off" gets nothing. A PAKN
// assigned tells its officer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { feedbackKit, SENDER } from '../feedback/feedback.test-kit.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import type { SmtpSink } from '../../../simulator/smtp-sink.ts';
import { startNotifyKit, type NotifyKit } from './test-kit.ts';
import { channelMonitor } from './delivery.ts';
import { runStaffDigests } from './staff-digest.ts';
import type { Senders } from './senders.ts';

const clock = manualClock('2026-12-07T02:00:00Z'); // Monday 09:00 in Hà Nội
let kit: NotifyKit;
let rt: TestRuntime;
let sink: SmtpSink;
let senders: Senders;
let hangTrong: string;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const SPECIALIST = 'chuyen.vien@hoankiem.hanoi.gov.vn';
const LEADER = 'lanh.dao@hoankiem.hanoi.gov.vn';
const DESK = 'mot.cua@hoankiem.hanoi.gov.vn';

before(async () => {
  kit = await startNotifyKit({ clock });
  ({ rt, sink, senders } = kit);
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await kit.close();
});

const drain = () => kit.drain();

const digests = () =>
  runStaffDigests(rt.deps, senders, { monitor: channelMonitor(silentLog, 5, 10), log: silentLog });

const mailsTo = (address: string) => sink.messages().filter((m) => m.to.includes(address));

async function choose(user: string, prefs: Record<string, unknown>) {
  const res = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/me/notification-preferences',
    headers: { cookie: await as(user) },
    payload: prefs,
  });
  assert.equal(res.statusCode, 200, res.body);
}

async function act(user: string, code: string, action: string, body: Record<string, unknown> = {}) {
  const cookie = await as(user);
  const view = await rt.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { cookie } });
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie, 'if-match': String(view.json<{ version: number }>().version) },
    payload: body,
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
}

async function forwardTo(user: string, code: string, next: string) {
  const cookie = await as(user);
  const offered = (
    await rt.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/actions`, headers: { cookie } })
  ).json<{ items: { kind: string; inputs: { properties?: Record<string, unknown> } }[] }>().items;
  if (offered.some((a) => a.kind === 'claim')) await act(user, code, 'claim');
  const fwd = offered.find((a) => a.kind === 'forward')!;
  const body =
    fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties
      ? { nextAssigneeId: await userId(rt.deps.db, next) }
      : {};
  await act(user, code, 'forward', body);
}

async function intake(): Promise<string> {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: birthAtCounter(hangTrong),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

/** Moves the clock; sessions are signed in again (a week may outlast them). */
function at(iso: string) {
  clock.set(iso);
  cookies.clear();
}

test('immediate: one e-mail per arrival, not repeated on redelivery; off: nothing', async () => {
  await choose('specialist.hang-trong', { worklistEmail: 'immediate', email: SPECIALIST });
  await choose('leader.hang-trong', { worklistEmail: 'off' });
  await choose('desk.hang-trong', { worklistEmail: 'immediate', email: DESK });
  const code = await intake();
  await forwardTo('desk.hang-trong', code, 'specialist.hang-trong');
  await drain();
  const mails = mailsTo(SPECIALIST);
  assert.equal(mails.length, 1, JSON.stringify(mails.map((m) => m.subject)));
  assert.equal(mails[0]!.subject, `Hồ sơ ${code} được chuyển đến bước bạn xử lý`);
  assert.ok(mails[0]!.text.includes(`/ho-so/${code}`), mails[0]!.text);
  assert.ok(mails[0]!.text.includes('(Thủ tục đăng ký khai sinh)'), mails[0]!.text);
  assert.match(mails[0]!.text, /Thời hạn: \d{2}\/\d{2}\/2026 \d{2}:\d{2}\./);
  // The desk officer acted: not told of their own act.
  assert.equal(mailsTo(DESK).length, 0);

  // The outbox delivers the same message again (a worker's lease ran out): nothing is sent twice.
  await sql`UPDATE outbox SET status = 'pending', delivered_at = NULL
    WHERE topic = 'staff.notification' AND ordering_key = ${code}`.execute(rt.deps.db);
  await drain();
  assert.equal(mailsTo(SPECIALIST).length, 1);

  // The leader chose off: handed the dossier, told nothing, and nothing kept for a summary.
  await forwardTo('specialist.hang-trong', code, 'leader.hang-trong');
  await drain();
  assert.equal(mailsTo(LEADER).length, 0);
  const kept = await sql<{ n: string }>`SELECT count(*) AS n FROM staff_notifications
    WHERE user_id = ${await userId(rt.deps.db, 'leader.hang-trong')}`.execute(rt.deps.db);
  assert.equal(Number(kept.rows[0]!.n), 0);
});

test('daily: one summary at its time on a working day, with what came in; none on Sunday; one per day', async () => {
  at('2026-12-07T02:30:00Z'); // Monday 09:30
  await choose('leader.hang-trong', { worklistEmail: 'daily', dailyAt: '10:00', email: LEADER });
  const first = await intake();
  await forwardTo('desk.hang-trong', first, 'specialist.hang-trong');
  await forwardTo('specialist.hang-trong', first, 'leader.hang-trong');
  await drain();
  assert.equal(mailsTo(LEADER).length, 0, 'daily: no e-mail per arrival');
  const specialistMails = mailsTo(SPECIALIST).length;

  assert.deepEqual(await digests(), { claimed: 0, sent: 0, failed: 0 }, 'before 10:00');
  at('2026-12-07T03:00:00Z'); // Monday 10:00
  const [a, b] = await Promise.all([digests(), digests()]);
  assert.equal(a.claimed + b.claimed, 1, 'two runs at once: one summary');
  assert.equal(a.sent + b.sent, 1);
  assert.deepEqual(await digests(), { claimed: 0, sent: 0, failed: 0 }, 'a later run: none');
  const mails = mailsTo(LEADER);
  assert.equal(mails.length, 1);
  const counts = (
    await rt.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers/counts',
      headers: { cookie: await as('leader.hang-trong') },
    })
  ).json<Record<string, number>>();
  const mail = mails[0]!;
  assert.equal(
    mail.subject,
    `Tóm tắt công việc ngày 07/12/2026: 1 việc mới, ${counts.overdue} hồ sơ quá hạn`,
  );
  assert.ok(mail.text.includes(`Hồ sơ ${first} — Thủ tục đăng ký khai sinh`), mail.text);
  assert.ok(mail.text.includes('được chuyển đến bước bạn xử lý; hạn xử lý '), mail.text);
  assert.ok(
    mail.text.includes(`Hồ sơ sắp đến hạn: ${counts['due-soon']}. Hồ sơ quá hạn: ${counts.overdue}.`),
    mail.text,
  );
  assert.ok(
    mail.text.includes('Phản ánh, kiến nghị được giao cho bạn sắp đến hạn: 0. Quá hạn: 0.'),
    mail.text,
  );
  // The dossier handed over while the leader had chosen off (the test before) is not listed.
  assert.equal((mail.text.match(/^- /gm) ?? []).length, 1, mail.text);

  // Monday noon: another dossier reaches the leader; the summaries of Tuesday–Saturday are not run.
  at('2026-12-07T05:00:00Z');
  const second = await intake();
  await forwardTo('desk.hang-trong', second, 'specialist.hang-trong');
  await forwardTo('specialist.hang-trong', second, 'leader.hang-trong');
  await drain();
  assert.equal(mailsTo(SPECIALIST).length, specialistMails + 1, 'immediate still told');
  at('2026-12-13T03:30:00Z'); // Sunday 10:30
  assert.deepEqual(await digests(), { claimed: 0, sent: 0, failed: 0 }, 'no summary on Sunday');
  at('2026-12-14T03:05:00Z'); // Monday 10:05
  assert.equal((await digests()).sent, 1);
  const monday = mailsTo(LEADER);
  assert.equal(monday.length, 2);
  assert.ok(
    monday[1]!.subject.startsWith('Tóm tắt công việc ngày 14/12/2026: 1 việc mới'),
    monday[1]!.subject,
  );
  assert.ok(monday[1]!.text.includes(`Hồ sơ ${second} — `), monday[1]!.text);
  assert.ok(!monday[1]!.text.includes(first), 'listed once, in the summary after it came in');
});

test('a PAKN assigned: told at once (immediate); in the summary, once overdue, counted', async () => {
  at('2026-12-14T04:00:00Z'); // Monday 11:00
  const kit = feedbackKit(() => rt);
  const sent = await kit.submit({
    kind: 'phan-anh',
    subject: 'Vỉa hè bị lấn chiếm trước số 5 Hàng Trống',
    content: 'Vỉa hè bị lấn chiếm để bán hàng, người đi bộ phải đi xuống lòng đường.',
    agencyCode: hangTrong,
    sender: SENDER,
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { code, dueAt } = sent.json<{ code: string; dueAt: string }>();
  await kit.actOk('desk.hang-trong', code, 'classify', { category: 'own-competence' });
  const before = mailsTo(SPECIALIST).length;
  await kit.actOk('leader.hang-trong', code, 'assign', { username: 'specialist.hang-trong' });
  await drain();
  const mails = mailsTo(SPECIALIST);
  assert.equal(mails.length, before + 1);
  const mail = mails.at(-1)!;
  assert.equal(mail.subject, `Phản ánh, kiến nghị ${code} được phân công cho bạn`);
  assert.ok(mail.text.includes('(Vỉa hè bị lấn chiếm trước số 5 Hàng Trống)'), mail.text);
  assert.ok(mail.text.includes(`/phan-anh-kien-nghi/${code}`), mail.text);

  // The leader takes it over (their own act: not told); once it is overdue their summary counts it.
  await kit.actOk('leader.hang-trong', code, 'assign', { username: 'leader.hang-trong' });
  await drain();
  const overdueDay = new Date(Date.parse(dueAt) + 86_400_000);
  // The next working day's 10:00 after the due time (the due time falls on a working day).
  let day = new Date(
    Date.UTC(overdueDay.getUTCFullYear(), overdueDay.getUTCMonth(), overdueDay.getUTCDate(), 3),
  );
  while ([0, 6].includes(new Date(day.getTime() + 7 * 3_600_000).getUTCDay()))
    day = new Date(day.getTime() + 86_400_000);
  at(day.toISOString());
  const leaderMails = mailsTo(LEADER).length;
  assert.equal((await digests()).sent, 1);
  const summary = mailsTo(LEADER)[leaderMails]!;
  assert.ok(
    summary.text.includes('Phản ánh, kiến nghị được giao cho bạn sắp đến hạn: 0. Quá hạn: 1.'),
    summary.text,
  );
  assert.ok(!summary.text.includes(`Phản ánh, kiến nghị ${code}`), 'their own act is not listed');
});
