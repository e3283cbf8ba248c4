import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { batchedLogStream } from './log-stream.ts';

const line = (level: number, msg: string) => `{"level":${level},"time":1,"msg":"${msg}"}\n`;

test('info lines wait for the batch; the batch keeps their order and goes out whole', async () => {
  const chunks: string[] = [];
  const stream = batchedLogStream({ maxBytes: 1_000_000, flushMs: 20, out: (c) => chunks.push(c) });
  stream.write(line(30, 'a'));
  stream.write(line(30, 'b'));
  assert.deepEqual(chunks, []);
  await new Promise((r) => setTimeout(r, 60));
  assert.deepEqual(chunks, [line(30, 'a') + line(30, 'b')]);
  stream.write(line(30, 'c'));
  stream.flush();
  assert.deepEqual(chunks.at(-1), line(30, 'c'));
});

test('a full batch, a warning or an error is written at once, after the lines before it', () => {
  const chunks: string[] = [];
  const stream = batchedLogStream({ maxBytes: 100, flushMs: 60_000, out: (c) => chunks.push(c) });
  stream.write(line(30, 'first'));
  stream.write(line(40, 'warned'));
  assert.deepEqual(chunks, [line(30, 'first') + line(40, 'warned')]);
  stream.write(line(30, 'x'.repeat(120)));
  assert.equal(chunks.length, 2);
  stream.write(line(20, 'debug'));
  stream.write(line(50, 'failed'));
  assert.deepEqual(chunks.at(-1), line(20, 'debug') + line(50, 'failed'));
  stream.write(line(3, 'odd'));
  assert.equal(chunks.length, 3, 'level 3 is not urgent');
  stream.flush();
});

test('lines still waiting are written when the process exits', () => {
  const code = `
    import { batchedLogStream } from ${JSON.stringify(new URL('./log-stream.ts', import.meta.url).href)};
    const s = batchedLogStream({ flushMs: 60_000 });
    s.write('{"level":30,"msg":"one"}\\n');
    s.write('{"level":30,"msg":"two"}\\n');
    process.exit(0);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout, '{"level":30,"msg":"one"}\n{"level":30,"msg":"two"}\n');
});
