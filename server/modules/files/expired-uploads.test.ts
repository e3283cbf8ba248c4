// The files sweeper removes an anonymous PAKN upload whose one-use token expired unused — its rows
// (token, file), an audit entry, and its bytes on disk — and never one a PAKN was sent with, nor one
// whose token is still valid. Real uploads through POST /api/v1/public/feedback/files, real files in
// the store's directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { feedbackKit, PNG, SENDER } from '../feedback/feedback.test-kit.ts';
import { sweepExpiredFeedbackUploads } from './expired-uploads.ts';

const clock = manualClock('2026-11-25T02:00:00Z');
let rt: TestRuntime;
let hoanKiem: string;
const kit = feedbackKit(() => rt);

before(async () => {
  rt = await createTestRuntime({ clock });
  hoanKiem = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => rt.close());

const bytesOnDisk = (fileId: string) => path.join(rt.filesDir, fileId.slice(0, 2), fileId);

async function upload(address: string) {
  const res = await kit.upload(PNG, 'anh-hien-truong.png', address);
  assert.equal(res.statusCode, 201, res.body);
  const f = res.json<{ fileId: string; uploadToken: string }>();
  assert.ok(fs.existsSync(bytesOnDisk(f.fileId)), 'the bytes are on disk');
  return f;
}

const rowsOf = async (fileId: string) => {
  const files = await rt.deps.db
    .selectFrom('files')
    .select('file_id')
    .where('file_id', '=', fileId)
    .execute();
  const tokens = await rt.deps.db
    .selectFrom('feedback_upload_tokens')
    .select('file_id')
    .where('file_id', '=', fileId)
    .execute();
  return { file: files.length, token: tokens.length, bytes: fs.existsSync(bytesOnDisk(fileId)) };
};

test('an unused upload goes once its token expired; one sent with a PAKN, or still in time, stays', async () => {
  const unused = await upload('10.9.0.1');
  const attached = await upload('10.9.0.2');
  const sent = await kit.submit(
    {
      kind: 'phan-anh',
      subject: 'Vỉa hè bị lấn chiếm',
      content: 'Vỉa hè trước số 5 phố Hàng Trống bị lấn chiếm.',
      agencyCode: hoanKiem,
      sender: SENDER,
      fileIds: [attached.fileId],
      fileTokens: [attached.uploadToken],
    },
    { remoteAddress: '10.9.0.3' },
  );
  assert.equal(sent.statusCode, 201, sent.body);
  const { code } = sent.json<{ code: string }>();

  // Within the hour nothing goes: the sender may still send the PAKN.
  assert.deepEqual(await sweepExpiredFeedbackUploads(rt.deps), { removed: 0, kept: 0 });
  assert.deepEqual(await rowsOf(unused.fileId), { file: 1, token: 1, bytes: true });

  clock.advance(61 * 60_000);
  const fresh = await upload('10.9.0.4');
  assert.deepEqual(await sweepExpiredFeedbackUploads(rt.deps), { removed: 1, kept: 0 });
  assert.deepEqual(await rowsOf(unused.fileId), { file: 0, token: 0, bytes: false });
  assert.deepEqual(await rowsOf(attached.fileId), { file: 1, token: 1, bytes: true });
  assert.deepEqual(await rowsOf(fresh.fileId), { file: 1, token: 1, bytes: true });
  const audit = await sql<{ actor_label: string; details: unknown }>`
    SELECT actor_label, details FROM audit_log
    WHERE action = 'feedback-file.swept' AND entity_id = ${unused.fileId}`.execute(rt.deps.db);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0]!.actor_label, 'hệ thống');
  // Its token no longer attaches anything (and never could after expiry).
  const late = await kit.submit(
    {
      kind: 'phan-anh',
      subject: 'S',
      content: 'C',
      agencyCode: hoanKiem,
      sender: SENDER,
      fileIds: [unused.fileId],
      fileTokens: [unused.uploadToken],
    },
    { remoteAddress: '10.9.0.5' },
  );
  assert.equal(late.statusCode, 400, late.body);

  // The PAKN's attachment is still read by staff, bytes and all.
  const staffRead = await kit.get(
    `/api/v1/feedback/${code}/files/${attached.fileId}`,
    await kit.staff('desk.hang-trong'),
  );
  assert.equal(staffRead.statusCode, 200, staffRead.body);
  assert.deepEqual(staffRead.rawPayload, PNG);

  // Again: nothing more; an hour later the fresh one's token has expired too.
  assert.deepEqual(await sweepExpiredFeedbackUploads(rt.deps), { removed: 0, kept: 0 });
  clock.advance(61 * 60_000);
  assert.deepEqual(await sweepExpiredFeedbackUploads(rt.deps), { removed: 1, kept: 0 });
  assert.deepEqual(await rowsOf(fresh.fileId), { file: 0, token: 0, bytes: false });
  assert.deepEqual(await rowsOf(attached.fileId), { file: 1, token: 1, bytes: true });
});
