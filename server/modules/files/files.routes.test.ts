import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { sniffMediaType } from './files.service.ts';

let rt: TestRuntime;
let cookie: string;
before(async () => {
  rt = await createTestRuntime();
  cookie = await loginAs(rt.app, 'desk.hang-trong');
});
after(() => rt.close());

function multipart(name: string, bytes: Buffer, field = 'file') {
  const boundary = '----motcua' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** POST /files with a multipart body, as the session of `cookie` (none: anonymous). */
const postFile = (part: ReturnType<typeof multipart>, cookie?: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...(cookie === undefined ? {} : { cookie }), ...part.headers },
    payload: part.payload,
  });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

test('the media type is read from the content, not the name', () => {
  assert.equal(sniffMediaType(PDF), 'application/pdf');
  assert.equal(sniffMediaType(PNG), 'image/png');
  assert.equal(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffMediaType(Buffer.from('MZ executable')), null);
});

test('a scan is stored with its hash; the bytes come back unchanged', async () => {
  const m = multipart('giay-chung-sinh.pdf', PDF);
  const res = await postFile(m, cookie);
  assert.equal(res.statusCode, 201, res.body);
  const f = res.json<{ fileId: string; sha256: string; size: number; mediaType: string }>();
  assert.equal(f.sha256, createHash('sha256').update(PDF).digest('hex'));
  assert.equal(f.size, PDF.length);
  assert.equal(f.mediaType, 'application/pdf');
  assert.deepEqual(await rt.deps.files.get(f.fileId), PDF);
});

test('a file that is not PDF/JPEG/PNG is refused whatever its name; empty or anonymous uploads too', async () => {
  const fake = multipart('virus.pdf', Buffer.from('MZ this is not a pdf'));
  const res = await postFile(fake, cookie);
  assert.equal(res.statusCode, 415);
  assert.deepEqual(
    errorOf(res).details?.map((d) => d.path),
    ['file'],
  );
  const empty = multipart('empty.pdf', Buffer.alloc(0));
  assert.equal((await postFile(empty, cookie)).statusCode, 400);
  const wrongField = multipart('a.pdf', PDF, 'other');
  assert.equal((await postFile(wrongField, cookie)).statusCode, 400);
  const anon = multipart('a.pdf', PDF);
  assert.equal((await postFile(anon)).statusCode, 401);
  const json = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie },
    payload: { file: 'x' },
  });
  assert.equal(json.statusCode, 415);
  const rows = await rt.deps.db.selectFrom('files').select('file_id').execute();
  assert.equal(rows.length, 1, 'only the accepted scan has a row');
});

test('more than 20 MB is refused', async () => {
  const big = multipart('big.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 10)]));
  const res = await postFile(big, cookie);
  assert.equal(res.statusCode, 413, res.body);
});

test('a 5 MB scan is accepted (uploads are not held to the JSON body limit)', async () => {
  const scan = multipart('ban-scan.pdf', Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]));
  const res = await postFile(scan, cookie);
  assert.equal(res.statusCode, 201, res.body);
});
