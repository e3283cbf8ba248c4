// #14: the province on the screen, as the web app reads it: the configured name and emblem, public;
// no emblem configured (or an unreadable file) gives none, never a stand-in.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf } from '../../test/http.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-emblem-'));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';
fs.writeFileSync(path.join(dir, 'emblem.svg'), SVG);
const runtimes: TestRuntime[] = [];
after(async () => {
  for (const rt of runtimes) await rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runtime(province: { name: string | null; emblemPath: string | null }) {
  const rt = await createTestRuntime({ config: { province } });
  runtimes.push(rt);
  return rt;
}

test('#14 deployment: the province name and its emblem are served to anyone', async () => {
  const rt = await runtime({ name: 'Thành phố Hà Nội', emblemPath: path.join(dir, 'emblem.svg') });
  const info = await rt.app.inject({ method: 'GET', url: '/api/v1/deployment' });
  assert.equal(info.statusCode, 200);
  assert.deepEqual(info.json(), {
    province: { name: 'Thành phố Hà Nội', emblemUrl: '/api/v1/deployment/emblem' },
    signingPluginUrl: 'wss://127.0.0.1:8987',
  });
  const image = await rt.app.inject({ method: 'GET', url: '/api/v1/deployment/emblem' });
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/svg+xml');
  assert.equal(image.body, SVG);
  const again = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/deployment/emblem',
    headers: { 'if-none-match': String(image.headers.etag) },
  });
  assert.equal(again.statusCode, 304);
});

test('#14 deployment: without an emblem, or with an unreadable one, the name alone', async () => {
  for (const emblemPath of [null, path.join(dir, 'missing.png')]) {
    const rt = await runtime({ name: 'Tỉnh Quảng Nam', emblemPath });
    const info = await rt.app.inject({ method: 'GET', url: '/api/v1/deployment' });
    assert.deepEqual(info.json(), {
      province: { name: 'Tỉnh Quảng Nam', emblemUrl: null },
      signingPluginUrl: 'wss://127.0.0.1:8987',
    });
    const image = await rt.app.inject({ method: 'GET', url: '/api/v1/deployment/emblem' });
    assert.equal(image.statusCode, 404);
    assert.equal(errorOf(image).code, 'NOT_FOUND');
  }
  const unnamed = await runtime({ name: null, emblemPath: null });
  const info = await unnamed.app.inject({ method: 'GET', url: '/api/v1/deployment' });
  assert.deepEqual(info.json(), {
    province: { name: null, emblemUrl: null },
    signingPluginUrl: 'wss://127.0.0.1:8987',
  });
});
