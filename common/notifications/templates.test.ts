import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '../contracts/notifications.ts';
import {
  defaultTemplate,
  render,
  SAMPLE_VALUES,
  SMS_MAX_LENGTH,
  unaccent,
  validateTemplate,
} from './templates.ts';
import { eventOfAction, eventOfFeedback } from './events.ts';

test('every shipped template is valid for its channel', () => {
  for (const event of NOTIFICATION_EVENTS)
    for (const channel of NOTIFICATION_CHANNELS)
      assert.deepEqual(validateTemplate(channel, defaultTemplate(event, channel)), [], `${event}/${channel}`);
});

test('an unknown placeholder is refused, naming the field', () => {
  const problems = validateTemplate('email', {
    email: { subject: 'Hồ sơ {maHoSo}', text: 'Kính gửi {tenCongDan}', html: '<p>{maHoSo}</p>' },
  });
  assert.deepEqual(
    problems.map((p) => p.path),
    ['body/email/text'],
  );
  assert.match(problems[0]!.message, /\{tenCongDan\}/);
});

test('SMS: diacritics refused, non-GSM characters refused, length counted with the sample values', () => {
  assert.deepEqual(
    validateTemplate('sms', { sms: { text: 'Hồ sơ {maHoSo} đã tiếp nhận' } }).map((p) => p.path),
    ['body/sms/text'],
  );
  assert.equal(
    validateTemplate('sms', { sms: { text: 'Ho so {maHoSo} ~ [ok]' } }).length,
    1,
    'GSM-7 extension characters',
  );
  const long = `Ho so {maHoSo} ${'x'.repeat(SMS_MAX_LENGTH - 20)}`;
  const problems = validateTemplate('sms', { sms: { text: long } });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /tối đa 306/);
  assert.deepEqual(validateTemplate('sms', { sms: { text: 'Ho so {maHoSo} da xong' } }), []);
});

test('a template for one channel carries only that channel', () => {
  const problems = validateTemplate('sms', {
    sms: { text: 'Ho so {maHoSo}' },
    email: defaultTemplate('received', 'email').email!,
  });
  assert.deepEqual(
    problems.map((p) => p.path),
    ['body/email'],
  );
  assert.deepEqual(
    validateTemplate('zalo', {}).map((p) => p.path),
    ['body/zalo'],
  );
});

test('ZNS: each parameter within its kind, names unique', () => {
  const problems = validateTemplate('zalo', {
    zalo: {
      templateId: '3000101',
      params: [
        { name: 'ma_ho_so', kind: 'code', value: '{maHoSo} {maHoSo}' },
        { name: 'ma_ho_so', kind: 'name', value: '{tenNguoiNop}' },
      ],
    },
  });
  assert.deepEqual(
    problems.map((p) => p.path),
    ['body/zalo/params/0/value', 'body/zalo/params/1/name'],
  );
});

test('rendering: SMS unaccented (values too), HTML values escaped, ZNS parameters cut at their length', () => {
  const values = {
    ...SAMPLE_VALUES,
    coQuan: 'UBND <Phường> Hoàn Kiếm',
    tenNguoiNop: 'Nguyễn Thị Hường Hương Giang Xuân Thu',
  };
  const sms = render('sms', defaultTemplate('received', 'sms'), values);
  assert.equal(sms.text, unaccent(sms.text));
  assert.equal(sms.smsParts, 1);
  const email = render('email', defaultTemplate('received', 'email'), values);
  assert.ok(email.html!.includes('UBND &lt;Phường&gt; Hoàn Kiếm'));
  assert.ok(email.text.includes('UBND <Phường> Hoàn Kiếm'));
  const zalo = render('zalo', defaultTemplate('received', 'zalo'), values);
  assert.equal(zalo.zalo!.params.ten_nguoi_dan!.length, 30);
  assert.equal(unaccent('Đặng Văn Đức'), 'Dang Van Duc');
});

test('events: the actions the applicant is told of, and nothing for internal moves', () => {
  assert.equal(eventOfAction('accept', 'received'), 'received');
  assert.equal(eventOfAction('request-supplement', 'awaiting-supplement'), 'supplement-requested');
  assert.equal(eventOfAction('request-payment', 'awaiting-payment'), 'payment-requested');
  assert.equal(eventOfAction('approve', 'result-ready'), 'result-ready');
  assert.equal(eventOfAction('forward', 'result-ready'), 'result-ready');
  assert.equal(eventOfAction('forward', 'processing'), null);
  assert.equal(eventOfAction('supplement', 'processing'), null);
  assert.equal(eventOfAction('confirm-payment', 'processing'), null);
  assert.equal(eventOfAction('apologize', 'processing'), 'apology');
  assert.equal(eventOfAction('return-result', 'returned'), 'returned');
  assert.equal(eventOfAction('stop', 'stopped'), 'stopped');
  assert.equal(eventOfAction('refuse', 'refused'), 'refused');
  assert.equal(eventOfAction('withdraw', 'withdrawn'), 'withdrawn');
  assert.equal(eventOfAction('deny', 'denied'), 'denied');
  assert.equal(eventOfFeedback('received'), 'feedback-received');
  assert.equal(eventOfFeedback('answered'), 'feedback-answered');
  assert.equal(eventOfFeedback('other'), null);
});
