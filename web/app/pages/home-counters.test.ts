import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roleCounters, worklistPath } from './home-counters.ts';

test('#14 home counters: one block per role with counters, its agencies; a user with several roles sees each', () => {
  const blocks = roleCounters([
    { role: 'desk-officer', agencyName: 'UBND Phường Hàng Trống' },
    { role: 'unit-admin', agencyName: 'UBND Quận Hoàn Kiếm' },
    { role: 'leader', agencyName: 'UBND Quận Hoàn Kiếm' },
    { role: 'desk-officer', agencyName: 'UBND Phường Hàng Bạc' },
  ]);
  assert.deepEqual(
    blocks.map((b) => [b.role, b.agencies]),
    [
      ['desk-officer', ['UBND Phường Hàng Trống', 'UBND Phường Hàng Bạc']],
      ['leader', ['UBND Quận Hoàn Kiếm']],
    ],
  );
  assert.ok(blocks[0]!.lists.includes('to-receive') && !blocks[0]!.lists.includes('mine'));
  assert.ok(blocks[1]!.lists.includes('mine') && !blocks[1]!.lists.includes('to-receive'));
  assert.deepEqual(roleCounters([{ role: 'auditor', agencyName: 'UBND Thành phố Hà Nội' }]), []);
  assert.equal(worklistPath('to-receive'), '/ho-so?ds=to-receive');
});
