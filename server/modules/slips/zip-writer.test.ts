import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { createZip } from './zip-writer.ts';
import { missingTools, unzipList, unzipRead } from './test-poppler.ts';

const time = { year: 2026, month: 11, day: 21, hour: 9, minute: 15 };

/** Reads local entries back with the format's own fields (no unzip needed). */
function readLocal(zip: Buffer): { name: string; method: number; data: Buffer }[] {
  const out = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    out.push({ name, method, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
    at += 30 + nameLength + size;
  }
  return out;
}

describe('the zip writer', () => {
  const entries = [
    { name: 'a.txt', data: 'Độc lập - Tự do - Hạnh phúc\n'.repeat(50) },
    { name: 'thư mục/ghi chú.txt', data: 'x' },
    { name: 'empty', data: Buffer.alloc(0) },
  ];

  it('deflates what shrinks, stores the rest, and reads back', () => {
    const zip = createZip(entries, { time });
    const read = readLocal(zip);
    assert.deepEqual(
      read.map((e) => [e.name, e.method]),
      [
        ['a.txt', 8],
        ['thư mục/ghi chú.txt', 0],
        ['empty', 0],
      ],
    );
    assert.equal(read[0]!.data.toString('utf8'), entries[0]!.data);
    assert.equal(zip.readUInt32LE(zip.length - 22), 0x06054b50);
    assert.equal(zip.readUInt16LE(zip.length - 12), 3);
  });

  it('stores everything on request and is deterministic', () => {
    const stored = createZip(entries, { time, method: 'store' });
    assert.ok(readLocal(stored).every((e) => e.method === 0));
    assert.ok(createZip(entries, { time }).equals(createZip(entries, { time })));
  });

  it('refuses duplicate names and dates ZIP cannot hold', () => {
    assert.throws(() => createZip([entries[1]!, entries[1]!], { time }), /duplicate/);
    assert.throws(() => createZip(entries, { time: { ...time, year: 1979 } }), RangeError);
  });

  it('passes unzip -t with UTF-8 names', { skip: missingTools('unzip') }, () => {
    for (const method of ['deflate', 'store'] as const) {
      const zip = createZip(entries, { time, method });
      const { names, tested } = unzipList(zip);
      assert.ok(tested);
      assert.deepEqual(names, ['a.txt', 'thư mục/ghi chú.txt', 'empty']);
      assert.equal(unzipRead(zip, 'a.txt'), entries[0]!.data);
    }
  });
});
