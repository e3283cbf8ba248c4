import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coalesce } from './coalesce.ts';

/** A loader over `table` that records the keys of every call. */
function recordingLoader(table: Map<string, number>) {
  const calls: string[][] = [];
  const load = async (keys: string[]) => {
    calls.push(keys);
    await new Promise((r) => setImmediate(r));
    return new Map(keys.filter((k) => table.has(k)).map((k) => [k, table.get(k)!]));
  };
  return { calls, load };
}

test('reads of one turn share one load, each key once; every caller gets its own answer', async () => {
  const { calls, load } = recordingLoader(
    new Map([
      ['a', 1],
      ['b', 2],
    ]),
  );
  const read = coalesce(load);
  const answers = await Promise.all([read('a'), read('b'), read('a'), read('missing')]);
  assert.deepEqual(answers, [1, 2, 1, undefined]);
  assert.deepEqual(calls, [['a', 'b', 'missing']]);
  // A later turn is a new load.
  assert.equal(await read('b'), 2);
  assert.deepEqual(calls, [['a', 'b', 'missing'], ['b']]);
});

test('a batch is sent when it reaches its size; the rest go in the next', async () => {
  const table = new Map(Array.from({ length: 10 }, (_, i) => [`k${i}`, i] as const));
  const { calls, load } = recordingLoader(table);
  const read = coalesce(load, 4);
  const answers = await Promise.all([...table.keys()].map((k) => read(k)));
  assert.deepEqual(answers, [...table.values()]);
  assert.deepEqual(
    calls.map((c) => c.length),
    [4, 4, 2],
  );
});

test('a failed load fails every read it served, and only those', async () => {
  let fail = true;
  const read = coalesce(async (keys: string[]) => {
    if (fail) throw new Error('database down');
    return new Map(keys.map((k) => [k, k.length]));
  });
  const results = await Promise.allSettled([read('x'), read('yy')]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  fail = false;
  assert.equal(await read('yy'), 2);
});

test('#20.4 a key the load refuses fails its own caller only; its neighbours in the turn get their answers', async () => {
  const calls: string[][] = [];
  const read = coalesce(async (keys: string[]) => {
    calls.push(keys);
    // As PostgreSQL refuses a NUL in a text parameter: the whole statement fails.
    if (keys.some((k) => k.includes('\u0000')))
      throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    return new Map(keys.map((k) => [k, k.length]));
  });
  const results = await Promise.allSettled([read('ab'), read('\u0000'), read('abc'), read('ab')]);
  assert.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected')),
    [2, 'rejected', 3, 2],
  );
  // One shared statement, then each key alone.
  assert.deepEqual(calls, [['ab', '\u0000', 'abc'], ['ab'], ['\u0000'], ['abc']]);
});

test('property: any interleaving of reads across turns answers each read as a direct load would', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz'), { maxLength: 12 }), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.integer({ min: 1, max: 5 }),
      async (turns, maxBatch) => {
        const table = new Map([
          ['a', 1],
          ['b', 2],
          ['c', 3],
          ['d', 4],
          ['e', 5],
        ]);
        const { calls, load } = recordingLoader(table);
        const read = coalesce(load, maxBatch);
        const pending: Promise<[string, number | undefined]>[] = [];
        for (const turn of turns) {
          for (const key of turn) pending.push(read(key).then((v) => [key, v]));
          await new Promise((r) => setImmediate(r));
        }
        for (const [key, value] of await Promise.all(pending)) assert.equal(value, table.get(key));
        for (const keys of calls) {
          assert.ok(keys.length <= maxBatch);
          assert.equal(new Set(keys).size, keys.length);
        }
      },
    ),
  );
});
