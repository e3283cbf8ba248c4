// #17.4 The import from the command line: the same job, a progress line with rows per second and time
// left, the summary written where asked; a dry run unless --apply.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { importDossiersFromFile, progressLine } from './imports.cli.ts';
import { jsonl, processingRecord, returnedRecord } from './test-kit.ts';

let rt: TestRuntime;
let dir: string;
before(async () => {
  rt = await createTestRuntime({ clock: manualClock('2026-11-20T02:00:00Z') });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-import-cli-'));
});
after(async () => {
  await rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('progress line: a bar, the share done, rows per second and the time left', () => {
  assert.equal(
    progressLine({ total: 8000, processed: 2000, accepted: 1990, refused: 10 }, 4),
    '[########----------------------] 2000/8000 25.0 % · 500 dòng/giây · còn 12 giây · chấp nhận 1990, từ chối 10',
  );
  assert.match(
    progressLine({ total: 10, processed: 0, accepted: 0, refused: 0 }, 0),
    /đang tính thời gian còn lại/,
  );
});

test('#17 import:dossiers: dry run, then --apply, progress written batch by batch, the summary saved', async () => {
  const ward = await peoplesCommittee(rt.deps.db, '00070');
  const file = path.join(dir, 'ho-so.jsonl');
  // 1,001 records: three batches of 500 at most.
  const records = Array.from({ length: 1000 }, (_, i) =>
    returnedRecord(ward, `CU-${String(i).padStart(5, '0')}`),
  );
  records.push(processingRecord(ward, 'CU-LOI', { DonViXuLy: '' }));
  fs.writeFileSync(file, jsonl(records));
  const progress: string[] = [];
  const dossiers = await countRows(rt.deps.db, 'dossiers');
  const dry = await importDossiersFromFile(
    rt.deps,
    { file, format: 'dvcqg', apply: false, username: 'demo-admin', summaryFile: null },
    (t) => progress.push(t),
  );
  assert.deepEqual(
    [dry.state, dry.dryRun, dry.total, dry.accepted, dry.refused],
    ['done', true, 1001, 1000, 1],
  );
  assert.equal(dry.report[0]!.code, 'CU-LOI');
  assert.match(dry.report[0]!.reason!, /DonViXuLy: Thiếu DonViXuLy/);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), dossiers);
  const lines = progress.join('').trim().split('\n');
  assert.equal(lines.length, 3, 'one line a batch');
  assert.match(lines.at(-1)!, /1001\/1001 100\.0 % · \d+ dòng\/giây/);

  const summary = path.join(dir, 'tong-hop.csv');
  const real = await importDossiersFromFile(
    rt.deps,
    { file, format: 'dvcqg', apply: true, username: 'demo-admin', summaryFile: summary },
    () => {},
  );
  assert.deepEqual([real.dryRun, real.accepted, real.refused], [false, 1000, 1]);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), dossiers + 1000);
  const csv = fs.readFileSync(summary, 'utf8');
  assert.match(csv, /Chấp nhận,1000/);
  assert.match(csv, /1001,CU-LOI,Từ chối/);
});
