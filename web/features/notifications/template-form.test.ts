import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SMS_MAX_PARTS,
  SMS_PART_LENGTH,
  TEMPLATE_PLACEHOLDERS,
  ZNS_PARAM_MAX_LENGTH,
} from '../../../common/contracts/notifications.ts';
import {
  bodyOf,
  draftOf,
  fieldOf,
  SMS_MAX,
  SMS_PART,
  smsMeasure,
  unaccented,
  ZNS_PARAM_KINDS,
} from './template-form.ts';

const placeholders = Object.entries(TEMPLATE_PLACEHOLDERS).map(([name, p]) => ({ name, ...p }));

test('#18 the limits repeated here are the contract’s', () => {
  assert.equal(SMS_PART, SMS_PART_LENGTH);
  assert.equal(SMS_MAX, SMS_PART_LENGTH * SMS_MAX_PARTS);
  assert.deepEqual([...ZNS_PARAM_KINDS].sort(), Object.keys(ZNS_PARAM_MAX_LENGTH).sort());
});

test('#18 an SMS is counted with the placeholders replaced by their samples, unaccented', () => {
  const m = smsMeasure('Ho so {maHoSo} da duoc tiep nhan', placeholders);
  assert.equal(m.length, 'Ho so H01.22-261207-0001 da duoc tiep nhan'.length);
  assert.equal(m.parts, 1);
  assert.equal(m.tooLong, false);
  assert.equal(m.accented, false);
  // A name the server does not know is counted as typed (the server refuses it).
  assert.equal(smsMeasure('{khongCo}', placeholders).length, '{khongCo}'.length);
});

test('#18 an SMS with diacritics is said early; a long one counts its parts and its excess', () => {
  assert.equal(smsMeasure('Hồ sơ {maHoSo} đã được tiếp nhận', placeholders).accented, true);
  assert.equal(smsMeasure('Đ', placeholders).accented, true);
  assert.deepEqual(smsMeasure('x'.repeat(161), placeholders), {
    length: 161,
    parts: 2,
    tooLong: false,
    accented: false,
  });
  assert.equal(smsMeasure('x'.repeat(321), placeholders).tooLong, true);
  assert.equal(unaccented('Đã tiếp nhận hồ sơ'), 'Da tiep nhan ho so');
});

test('#18 the body sent holds only the channel’s part, the ZNS parameters trimmed of their keys', () => {
  const d = draftOf({
    zalo: { templateId: '123', params: [{ name: 'ma_ho_so', kind: 'code', value: '{maHoSo}' }] },
  });
  assert.deepEqual(bodyOf('zalo', { ...d, templateId: ' 123 ' }), {
    zalo: { templateId: '123', params: [{ name: 'ma_ho_so', kind: 'code', value: '{maHoSo}' }] },
  });
  assert.deepEqual(bodyOf('sms', { ...d, text: 'Ho so {maHoSo}' }), { sms: { text: 'Ho so {maHoSo}' } });
  const e = draftOf({ email: { subject: 'S', text: 'T', html: '<p>H</p>' } });
  assert.deepEqual(bodyOf('email', e), { email: { subject: 'S', text: 'T', html: '<p>H</p>' } });
});

test('#18 each of the server’s messages goes beside its field', () => {
  assert.equal(fieldOf('body/sms/text'), 'text');
  assert.equal(fieldOf('body/email/subject'), 'subject');
  assert.equal(fieldOf('body/email/html'), 'html');
  assert.equal(fieldOf('body/zalo/templateId'), 'templateId');
  assert.equal(fieldOf('body/zalo/params/1/value'), 'param-1-value');
  assert.equal(fieldOf('body/zalo/params/0'), 'param-0-name');
  assert.equal(fieldOf('body/zalo/params'), 'params');
  assert.equal(fieldOf('query/provinceCode'), null);
  assert.equal(fieldOf('body'), null);
});
