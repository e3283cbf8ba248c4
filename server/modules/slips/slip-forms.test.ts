import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SlipError } from './slips.errors.ts';
import { FORM_SET_2025_FROM, formSetFor, formsOf, slipForm } from './slip-forms.ts';

describe('the two form sets', () => {
  it('numbers the 2018 set Mẫu 01–06 and the 2025 set Mẫu 01–07 (legal-notes §2.1)', () => {
    assert.deepEqual(
      formsOf('2018').map((f) => `${f.form} ${f.kind}`),
      [
        'Mẫu 01 receipt',
        'Mẫu 02 supplement-request',
        'Mẫu 03 refusal',
        'Mẫu 04 apology',
        'Mẫu 05 process-control',
        'Mẫu 06 tracking-book',
      ],
    );
    assert.deepEqual(
      formsOf('2025').map((f) => `${f.form} ${f.kind}`),
      [
        'Mẫu 01 receipt',
        'Mẫu 02 supplement-request',
        'Mẫu 03 refusal',
        'Mẫu 04 apology',
        'Mẫu 05 stop-notice',
        'Mẫu 06 process-control',
        'Mẫu 07 tracking-book',
      ],
    );
  });

  it('keeps 01–03 titles across sets and changes the late-dossier slip', () => {
    for (const kind of ['receipt', 'supplement-request', 'refusal'] as const) {
      assert.equal(slipForm(kind, '2018').title, slipForm(kind, '2025').title);
    }
    assert.equal(slipForm('apology', '2018').title, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    assert.equal(slipForm('apology', '2025').title, 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    assert.throws(() => slipForm('stop-notice', '2018'), SlipError);
  });

  it('switches on the Vietnamese civil date of receipt, 1/7/2025', () => {
    assert.equal(FORM_SET_2025_FROM, '2025-07-01');
    assert.equal(formSetFor('2025-06-30T23:59:59+07:00'), '2018');
    assert.equal(formSetFor('2025-06-30T16:59:59Z'), '2018');
    assert.equal(formSetFor('2025-06-30T17:00:00Z'), '2025'); // 00:00 on 1/7 in Hà Nội
    assert.equal(formSetFor('2025-07-01T00:00:00+07:00'), '2025');
    assert.equal(formSetFor('2019-01-01T08:00:00+07:00'), '2018');
    assert.equal(formSetFor('2026-11-21T09:15:00+07:00'), '2025');
  });
});
