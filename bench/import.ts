// Issue #17 "Moving in": importing a legacy system's dossiers on PostgreSQL. A file of N dossiers in
// the national portal's sync shape (JSON lines; each returned, with 5 history events: submitted,
// received, processing, result ready, returned; spread over Hà Nội's wards and the 17 months of the
// two-level map) is imported for real as the CLI does it (npm run cli -- import:dossiers --apply: the
// file streamed in, staged in chunks, then judged and written batch by batch, one transaction each),
// timed end to end, with this process's memory sampled every half second.
// Raw ceiling in the same run: the very rows the import left in the tables it writes (the dossiers,
// their agencies, their legacy part, their portal sync state, the per-record report), loaded again
// with COPY into empty copies of those tables (same columns, same indexes; no triggers) — what
// PostgreSQL can take at all, with none of our reading, checking or batching.
// Target: the import at ≥ 0.3 × the ceiling's rows per second, memory flat (the peak no more than
// twice the RSS at 10 % done, or 100 MB over it, whichever is more).
// Run: DATABASE_URL=… node bench/import.ts [dossiers=1000000] [--keep-file]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createBenchDatabase, describeRun } from './support/postgres.ts';
import { openBenchRuntime } from './support/desks.ts';
import { importDossiersFromFile } from '../server/modules/imports/index.ts';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(positional[0] ?? 1_000_000);
const KEEP_FILE = process.argv.includes('--keep-file');
const TARGET = 0.3;
if (!(N >= 1)) throw new Error('dossiers: at least 1');

const loadLine = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`;

/** yyyyMMddHHmmss of a Vietnam civil time given as a UTC instant + 7 h. */
const portalDate = (ms: number): string =>
  new Date(ms + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

const DAY = 86_400_000;
const START = Date.parse('2025-07-02T01:00:00Z'); // the two-level map's second day, 08:00 in Hà Nội
const SPAN_DAYS = 500;

function historyEvent(status: number, at: number, content: string) {
  return {
    NguoiXuLy: 'Trần Văn Bình',
    ChucDanh: 'Cán bộ một cửa',
    ThoiDiemXuLy: portalDate(at),
    PhongBanXuLy: 'Bộ phận một cửa',
    NoiDungXuLy: content,
    TrangThai: status,
    NgayBatDau: portalDate(at),
    NgayKetThucTheoQuyDinh: '',
  };
}

/** The i-th dossier: a birth registration at ward `agency`, returned within four days. */
function record(i: number, agency: string, seq: number, day: number) {
  const t0 = START + day * DAY + (i % 480) * 60_000;
  const code = `${agency}-${portalDate(t0).slice(2, 8)}-${String(seq).padStart(4, '0')}`;
  return {
    MaHoSo: code,
    MaHoSoKhac: `CU-${i}`,
    MaTTHC: '1.001193',
    KenhThucHien: 1 + (i % 2),
    ChuHoSo: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`,
    SoGiayToChuHoSo: `0011900${String(i % 100_000).padStart(5, '0')}`,
    DienThoaiChuHoSo: '0912345678',
    LoaiDoiTuong: 1,
    TrichYeuHoSo: 'Đăng ký khai sinh',
    NgayNopHoSo: portalDate(t0),
    NgayTiepNhan: portalDate(t0 + 600_000),
    NgayHenTra: portalDate(t0 + 3 * DAY),
    NgayKetThucXuLy: portalDate(t0 + 2 * DAY),
    NgayTra: portalDate(t0 + 2 * DAY + 3_600_000),
    TrangThaiHoSo: 10,
    DonViXuLy: agency,
    QuaTrinhXuLy: [
      historyEvent(1, t0, 'Nộp hồ sơ'),
      historyEvent(2, t0 + 600_000, 'Tiếp nhận hồ sơ'),
      historyEvent(4, t0 + 3_600_000, 'Chuyển xử lý'),
      historyEvent(9, t0 + 2 * DAY, 'Lãnh đạo ký giấy khai sinh'),
      historyEvent(10, t0 + 2 * DAY + 3_600_000, 'Trả kết quả'),
    ],
    DanhSachLePhi: [
      {
        TenPhiLePhi: 'Lệ phí đăng ký khai sinh',
        MaPhiLePhi: 'LP01',
        HinhThucThu: 1,
        Gia: 0,
        LoaiPhiLePhi: 1,
      },
    ],
    DanhSachGiayToKetQua: [
      { TenGiayTo: 'Giấy khai sinh (bản chính)', MaGiayToKetQua: '', DuongDanTepTinKetQua: '' },
    ],
  };
}

/** Writes the file: dossiers dealt to the wards in turn, each ward numbering its own per day. */
async function writeFile(file: string, agencies: string[]): Promise<number> {
  const out = fs.createWriteStream(file);
  const seq = new Map<string, number>();
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const agency = agencies[i % agencies.length]!;
    const day = Math.floor(i / agencies.length / 8) % SPAN_DAYS;
    const key = `${agency}/${day}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const line = `${JSON.stringify(record(i, agency, n, day))}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    if (seq.size > 200_000) seq.clear(); // days already passed for every ward
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return bytes;
}

// The tables an import writes rows into, and which of their rows are the import's.
const TABLES: [table: string, rows: string][] = [
  ['dossiers', 'dossier_id IN (SELECT dossier_id FROM dossier_imports)'],
  ['dossier_agencies', 'dossier_id IN (SELECT dossier_id FROM dossier_imports)'],
  ['dossier_imports', 'true'],
  [
    'portal_sync_state',
    'dossier_code IN (SELECT code FROM dossiers d JOIN dossier_imports i USING (dossier_id))',
  ],
  ['import_records', 'true'],
];

async function ceiling(
  client: pg.Client,
  dir: string,
): Promise<{ seconds: number; rows: Record<string, number> }> {
  const rows: Record<string, number> = {};
  for (const [table, which] of TABLES) {
    const file = path.join(dir, `${table}.copy`);
    const out = await client.query(`COPY (SELECT * FROM ${table} WHERE ${which}) TO '${file}'`);
    rows[table] = out.rowCount ?? 0;
    await client.query(`DROP TABLE IF EXISTS ceiling_${table}`);
    await client.query(`CREATE TABLE ceiling_${table} (LIKE ${table} INCLUDING ALL)`);
  }
  await client.query('CHECKPOINT');
  const t = performance.now();
  for (const [table] of TABLES) {
    await client.query(`COPY ceiling_${table} FROM '${path.join(dir, `${table}.copy`)}'`);
  }
  const seconds = (performance.now() - t) / 1000;
  for (const [table] of TABLES) await client.query(`DROP TABLE ceiling_${table}`);
  return { seconds, rows };
}

const started = new Date();
const db = await createBenchDatabase();
const rt = await openBenchRuntime(db.url);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
// The server's own writable directory for the ceiling's COPY files (COPY … TO/FROM a file runs as it).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-import-bench-'));
fs.chmodSync(dir, 0o777);
const file = path.join(dir, 'dossiers.jsonl');
let failed: boolean;
try {
  console.log(`import bench ${started.toISOString()}: ${await describeRun(db.url)}; ${loadLine()}`);
  const agencies = (
    await client.query<{ code: string }>(
      `SELECT a.code FROM agencies a JOIN units u ON u.unit_id = a.unit_id
        WHERE u.path LIKE '/01/%' AND u.path <> '/01/' AND a.kind = 'people-committee' AND a.valid_to IS NULL
        ORDER BY a.code`,
    )
  ).rows.map((r) => r.code);
  let t = performance.now();
  const bytes = await writeFile(file, agencies);
  console.log(
    `file: ${N.toLocaleString('en')} dossiers × 5 history events across ${agencies.length} wards of Hà Nội, ` +
      `${(bytes / 1024 ** 2).toFixed(0)} MB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const rss: { at: number; mb: number }[] = [];
  const sampler = setInterval(
    () => rss.push({ at: performance.now(), mb: process.memoryUsage().rss / 1024 ** 2 }),
    500,
  );
  let last = 0;
  t = performance.now();
  const view = await importDossiersFromFile(
    rt.deps,
    { file, format: 'dvcqg', apply: true, username: 'demo-admin', summaryFile: null },
    (line) => {
      const now = performance.now();
      if (now - last > 30_000) {
        last = now;
        console.log(`  ${new Date().toISOString().slice(11, 19)} ${line.trim()}; ${loadLine()}`);
      }
    },
  );
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  if (view.state !== 'done' || view.accepted !== N)
    throw new Error(
      `the import ended ${view.state}: ${view.accepted} accepted, ${view.refused} refused; ${view.error ?? ''} ${JSON.stringify(view.report.slice(0, 3))}`,
    );
  const rate = N / seconds;
  const at = (share: number) => rss[Math.min(rss.length - 1, Math.floor(rss.length * share))]?.mb ?? 0;
  const peak = Math.max(...rss.map((r) => r.mb));
  const flat = peak <= Math.max(2 * at(0.1), at(0.1) + 100);
  console.log(
    `motcua import: ${N.toLocaleString('en')} dossiers in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} dossiers/s; ` +
      `RSS at 10/50/90 % of the run ${at(0.1).toFixed(0)} / ${at(0.5).toFixed(0)} / ${at(0.9).toFixed(0)} MB, peak ${peak.toFixed(0)} MB (${flat ? 'flat' : 'NOT FLAT'})`,
  );

  const raw = await ceiling(client, dir);
  const rawRate = N / raw.seconds;
  const ratio = rate / rawRate;
  console.log(
    `raw ceiling: the same rows (${Object.entries(raw.rows)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}) by COPY in ${raw.seconds.toFixed(1)} s = ${rawRate.toFixed(0)} dossiers/s`,
  );
  console.log(
    `ratio ${ratio.toFixed(3)} (target ≥ ${TARGET}: ${ratio >= TARGET ? 'met' : 'MISSED'}); memory ${flat ? 'flat: met' : 'NOT flat: MISSED'}`,
  );
  console.log(
    `at 50,000,000 dossiers (a province's ten years): ${(50_000_000 / rate / 3600).toFixed(1)} h at this pace`,
  );
  failed = ratio < TARGET || !flat;
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  console.log(`${loadLine()} at the end`);
  await client.end();
  await rt.close();
  await db.drop();
  if (!KEEP_FILE) fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
