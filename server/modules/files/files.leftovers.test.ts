// Refused uploads leave nothing in the store, and the sweeper removes what a crash left (issue #20,
// finding 6).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { countRows } from '../../test/seeded.ts';
import { storableName, sweepFiles, SWEEP_AGE_MS } from './files.service.ts';

let rt: TestRuntime;
let cookie: string;
before(async () => {
  rt = await createTestRuntime();
  cookie = await loginAs(rt.app, 'desk.hang-trong');
});
after(() => rt.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A multipart upload whose Content-Disposition names the file `name` (raw UTF-8 bytes). */
function upload(name: string, bytes: Buffer) {
  const boundary = '----motcua' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    Buffer.from(name, 'utf8'),
    Buffer.from(`"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** Every regular file under the store's directory (staging area included). */
function storedFiles(): string[] {
  if (!fs.existsSync(rt.filesDir)) return [];
  return fs
    .readdirSync(rt.filesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const scan = (mb: number) => Buffer.concat([PDF, Buffer.alloc(mb * 1024 * 1024)]);

test('#20.6 a NUL in the multipart file name: 400 naming file/filename, no byte left in the store', async () => {
  const rows = await countRows(rt.deps.db, 'files');
  const before = storedFiles().length;
  for (let i = 0; i < 5; i++) {
    const res = await upload(`scan\u0000${i}.pdf`, scan(1));
    assert.equal(res.statusCode, 400, res.body);
    const e = errorOf(res);
    assert.equal(e.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      e.details?.map((d) => d.path),
      ['file/filename'],
    );
  }
  assert.equal(storedFiles().length, before, 'no bytes written');
  assert.equal(await countRows(rt.deps.db, 'files'), rows);
  // The same scan under a plain name is taken.
  assert.equal((await upload('scan.pdf', scan(1))).statusCode, 201);
});

test('#20.6 a row the database refuses after the bytes were staged leaves no file anywhere in the store', async () => {
  const before = storedFiles();
  await sql`ALTER TABLE files ADD CONSTRAINT test_refused_name CHECK (original_name <> 'tu-choi.pdf')`.execute(
    rt.deps.db,
  );
  try {
    for (let i = 0; i < 3; i++) {
      const res = await upload('tu-choi.pdf', scan(1));
      assert.ok(res.statusCode >= 400, res.body);
    }
  } finally {
    await sql`ALTER TABLE files DROP CONSTRAINT test_refused_name`.execute(rt.deps.db);
  }
  assert.deepEqual(storedFiles(), before);
});

test('#20.6 the sweeper removes leftovers older than its age and keeps young ones and recorded files', async () => {
  const files = rt.deps.files;
  const old = new Date(rt.deps.clock.now().getTime() - SWEEP_AGE_MS - 60_000);
  const age = (file: string) => fs.utimesSync(file, old, old);
  const find = (id: string) => storedFiles().find((f) => f.endsWith(id)) ?? null;

  // An upload whose row committed, written long ago: kept.
  const res = await upload('giay-to.pdf', PDF);
  assert.equal(res.statusCode, 201, res.body);
  const recorded = res.json<{ fileId: string }>().fileId;
  age(find(recorded)!);
  // Published bytes with no row (a crash between publishing and commit): old one removed, young kept.
  const [oldOrphan, youngOrphan, oldStaged, youngStaged] = [0, 1, 2, 3].map(() => randomUUID());
  for (const id of [oldOrphan!, youngOrphan!]) {
    await files.stage(id, PDF);
    await files.publish(id);
  }
  age(find(oldOrphan!)!);
  // Staged bytes never published (a crash before the transaction ended).
  await files.stage(oldStaged!, PDF);
  await files.stage(youngStaged!, PDF);
  age(find(oldStaged!)!);

  const removed = await sweepFiles(rt.deps);
  assert.deepEqual(removed, { staged: 1, orphans: 1 });
  assert.equal(find(oldOrphan!), null);
  assert.equal(find(oldStaged!), null);
  assert.ok(find(youngOrphan!), 'a young orphan may be a row still committing: kept');
  assert.ok(find(youngStaged!));
  assert.deepEqual(await files.get(recorded), PDF);
});

test('#20.6 file names PostgreSQL cannot store are told apart from the ones it can', () => {
  assert.equal(storableName('giấy khai sinh.pdf'), true);
  assert.equal(storableName('ảnh 😀.png'), true);
  assert.equal(storableName('a\u0000b.pdf'), false);
  assert.equal(storableName('a\ud800b.pdf'), false);
  assert.equal(storableName('a\udc00.pdf'), false);
  assert.equal(storableName('\ud83d'), false);
});
