import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATE_PLACEHOLDERS, ZNS_PARAM_MAX_LENGTH } from '../../../common/contracts/notifications.ts';
import { bodyOf, draftOf, fieldOf, SMS_MAX, smsMeasure, ZNS_PARAM_KINDS } from './template-form.ts';

test('#18 the ZNS kinds offered are the contract’s', () => {
  assert.deepEqual([...ZNS_PARAM_KINDS].sort(), Object.keys(ZNS_PARAM_MAX_LENGTH).sort());
});

test('#18 an SMS is counted as the server counts it: placeholders filled with the samples, unaccented', () => {
  const sample = TEMPLATE_PLACEHOLDERS.maHoSo.sample;
  const m = smsMeasure('Ho so {maHoSo} da duoc tiep nhan');
  assert.equal(m.length, `Ho so ${sample} da duoc tiep nhan`.length);
  assert.equal(m.parts, 1);
  assert.equal(m.tooLong, false);
  assert.equal(m.accented, false);
  // A sample with diacritics counts unaccented (as sent): "Nguyen Van An".
  assert.equal(smsMeasure('{tenNguoiNop}').length, 'Nguyen Van An'.length);
});

test('#18 an SMS with diacritics is said early; a long one counts its parts and its excess', () => {
  assert.equal(smsMeasure('Hồ sơ {maHoSo} đã được tiếp nhận').accented, true);
  assert.equal(smsMeasure('Đ').accented, true);
  assert.deepEqual(smsMeasure('x'.repeat(160)), { length: 160, parts: 1, tooLong: false, accented: false });
  assert.equal(smsMeasure('x'.repeat(161)).parts, 2);
  assert.equal(smsMeasure('x'.repeat(SMS_MAX)).tooLong, false);
  assert.equal(smsMeasure('x'.repeat(SMS_MAX + 1)).tooLong, true);
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
