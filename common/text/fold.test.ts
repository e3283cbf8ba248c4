import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldVietnamese, foldedWords } from './fold.ts';

test('folds Vietnamese letters with every tone mark and đ', () => {
  assert.equal(foldVietnamese('Phường Hàng Trống'), 'phuong hang trong');
  assert.equal(foldVietnamese('Đăng ký khai sinh'), 'dang ky khai sinh');
  assert.equal(foldVietnamese('Ủy ban nhân dân Quận Hoàn Kiếm'), 'uy ban nhan dan quan hoan kiem');
  assert.equal(foldVietnamese('ẤẦẨẪẬ ếềểễệ ỨỪỬỮỰ'), 'aaaaa eeeee uuuuu');
});

test('keeps procedure codes intact', () => {
  assert.deepEqual(foldedWords('1.001193 khai  sinh'), ['1.001193', 'khai', 'sinh']);
});

test('folding is idempotent and yields only [a-z0-9. ]', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const once = foldVietnamese(s);
      assert.equal(foldVietnamese(once), once);
      assert.match(once, /^[a-z0-9. ]*$/);
    }),
  );
});
