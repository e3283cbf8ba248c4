import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DataDirLockedError, acquireDataDirLock } from './lock.ts';

test('a second process cannot take a data dir that a live process holds, and is told why', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-lock-'));
  const holder = spawn('sleep', ['30']);
  try {
    fs.writeFileSync(path.join(dir, 'motcua.lock'), String(holder.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      (err: unknown) => err instanceof DataDirLockedError && err.message.includes(`pid ${holder.pid}`),
    );
  } finally {
    holder.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a dead process is taken over and released', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-lock-'));
  const dead = spawn('true');
  await new Promise((r) => dead.on('exit', r));
  fs.writeFileSync(path.join(dir, 'motcua.lock'), String(dead.pid));
  const release = acquireDataDirLock(dir);
  assert.equal(fs.readFileSync(path.join(dir, 'motcua.lock'), 'utf8'), String(process.pid));
  release();
  assert.equal(fs.existsSync(path.join(dir, 'motcua.lock')), false);
  fs.rmSync(dir, { recursive: true, force: true });
});
