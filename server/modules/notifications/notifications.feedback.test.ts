// The sender of a PAKN is told it was received (with its code) and that it was answered (with the
// portal's lookup address), by e-mail and SMS, through the real providers' protocols: the SMTP sink and
// the messaging simulator on 127.0.0.1. The feedback module writes `feedback.notification` in the
// transaction of the intake and of the publication; the notifications' worker delivers it once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, type TestRuntime } from '../../test/db.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { Messaging } from '../../../simulator/messaging.ts';
import type { SmtpSink } from '../../../simulator/smtp-sink.ts';
import { feedbackKit, SENDER } from '../feedback/feedback.test-kit.ts';
import { startNotifyKit, type NotifyKit } from './test-kit.ts';

const clock = manualClock('2026-12-07T02:00:00Z'); // Monday 09:00 in Hà Nội
let notify: NotifyKit;
let rt: TestRuntime;
let sim: Messaging;
let sink: SmtpSink;
let hoanKiem: string;
const kit = feedbackKit(() => rt);

before(async () => {
  notify = await startNotifyKit({ clock, messaging: true });
  ({ rt, sink } = notify);
  sim = notify.sim;
  hoanKiem = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await notify.close();
});

const drain = () => notify.drain();

const mails = () => sink.messages().filter((m) => m.to.includes(SENDER.email));
const sms = () => sim.control.sent().filter((m) => m.channel === 'sms' && m.phone === SENDER.phone);

test('#18 the sender of a PAKN is told of its receipt and of its answer, by e-mail and SMS, once each', async () => {
  const sent = await kit.submit({
    kind: 'kien-nghi',
    subject: 'Đề nghị kéo dài giờ tiếp nhận hồ sơ buổi chiều',
    content: 'Bộ phận một cửa đóng lúc 16 giờ 30, người đi làm không kịp nộp hồ sơ.',
    agencyCode: hoanKiem,
    sender: SENDER,
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { code } = sent.json<{ code: string }>();

  await drain();
  await drain(); // a second round finds nothing more to send
  const received = mails();
  assert.equal(received.length, 1, 'one e-mail');
  assert.ok(`${received[0]!.subject} ${received[0]!.text}`.includes(code), 'the e-mail names the code');
  assert.equal(sms().length, 1, 'one SMS');
  assert.ok(sms()[0]!.content.includes(code), 'the SMS names the code');

  await kit.actOk('desk.hang-trong', code, 'classify', { category: 'own-competence' });
  await kit.actOk('leader.hoan-kiem', code, 'assign', { username: 'specialist.hoan-kiem' });
  await kit.actOk('specialist.hoan-kiem', code, 'draft-answer', {
    text: 'Từ ngày 01/01/2027 Bộ phận một cửa tiếp nhận hồ sơ đến 17 giờ các ngày làm việc.',
  });
  await kit.actOk('specialist.hoan-kiem', code, 'submit-answer');
  await kit.actOk('leader.hoan-kiem', code, 'approve');
  await kit.actOk('leader.hoan-kiem', code, 'publish');
  await drain();

  const all = mails();
  assert.equal(all.length, 2, all.map((m) => m.subject).join(' | '));
  const answered = all.find((m) => m.subject !== received[0]!.subject);
  assert.ok(answered, 'an e-mail for the answer, apart from the receipt');
  // It links to the portal's lookup of this PAKN, not to the staff's record.
  assert.ok(answered.text.includes(`/cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi/${code}`), answered.text);
  assert.equal(sms().length, 2, 'one SMS for the receipt, one for the answer');
  for (const m of sms()) assert.doesNotMatch(m.content, /[À-ỹ]/u, 'SMS without diacritics');
});
