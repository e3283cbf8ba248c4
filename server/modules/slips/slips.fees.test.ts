// The receipt's fee line (#14): each fee once, with whether it has been paid; a free procedure says so once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feeText } from './slip-templates.ts';

test('#14 receipt fees: free once, none said, amounts with their paid state', () => {
  assert.equal(feeText([]), 'Không thu phí, lệ phí');
  assert.equal(feeText([{ name: 'Phí, lệ phí', amountVnd: 0 }]), 'Miễn phí');
  assert.equal(
    feeText([
      { name: 'Lệ phí đăng ký', amountVnd: 0 },
      { name: 'Phí cấp bản sao', amountVnd: 16000, paid: true },
      { name: 'Phí, lệ phí (mỗi trang)', amountVnd: 2000, paid: false },
      { name: 'Phí khác', amountVnd: 5000 },
    ]),
    'Lệ phí đăng ký: Miễn phí; Phí cấp bản sao: 16.000 đồng (đã nộp); Phí, lệ phí (mỗi trang): 2.000 đồng (chưa nộp); Phí khác: 5.000 đồng',
  );
});
