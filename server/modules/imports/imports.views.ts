// What the screen and the CLI read of an import: its progress (rows per second over the current run,
// time left at that pace), a page of its report, the list of imports, and the summary an
// administrator downloads (CSV, streamed page by page, so a report of a million lines stays flat).
import { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ImportView } from '../../../common/contracts/imports.ts';
import { fail } from './imports.errors.ts';
import { importScope, wallClock } from './imports.service.ts';

type ImportRow = Selectable<DB['imports']>;

/**
 * The creator sees their import; so does an administrator whose reach covers every grant it ran with
 * (a province administrator sees the imports of the unit administrators of the province).
 */
function canSee(actor: Actor, row: ImportRow): boolean {
  if (row.created_by === actor.userId) return true;
  const mine = importScope(actor);
  return (
    mine.length > 0 &&
    row.scope.every((g) => mine.some((m) => m.role === 'province-admin' && g.unitPath.startsWith(m.unitPath)))
  );
}

async function loadVisible(deps: Deps, actor: Actor, id: string): Promise<ImportRow> {
  if (importScope(actor).length === 0) throw fail('IMPORT_ADMINS_ONLY');
  const row = await deps.db.selectFrom('imports').selectAll().where('import_id', '=', id).executeTakeFirst();
  if (row === undefined || !canSee(actor, row)) throw fail('IMPORT_NOT_FOUND');
  return row;
}

type Progress = Omit<ImportView, 'report' | 'page' | 'pageSize' | 'reportTotal'>;

export function progressOf(row: ImportRow, now: Date): Progress {
  const end = row.finished_at === null ? now : new Date(row.finished_at);
  const seconds =
    row.run_started_at === null ? 0 : (end.getTime() - new Date(row.run_started_at).getTime()) / 1000;
  const done = row.processed - row.run_processed_from;
  const rowsPerSecond = seconds > 0 && done > 0 ? Math.round((done / seconds) * 10) / 10 : 0;
  return {
    id: row.import_id,
    kind: row.kind as Progress['kind'],
    format: row.format as Progress['format'],
    state: row.state as Progress['state'],
    dryRun: row.dry_run,
    fileName: row.file_name,
    total: row.total,
    processed: row.processed,
    accepted: row.accepted,
    refused: row.refused,
    unchanged: row.unchanged,
    rowsPerSecond,
    secondsLeft:
      row.state === 'running' && rowsPerSecond > 0
        ? Math.ceil((row.total - row.processed) / rowsPerSecond)
        : null,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    error: row.error,
    summaryUrl: `/api/v1/imports/${row.import_id}/summary.csv`,
  };
}

export async function getImport(
  deps: Deps,
  actor: Actor,
  q: {
    id: string;
    page?: number | undefined;
    pageSize?: number | undefined;
    outcome?: 'accepted' | 'refused' | undefined;
  },
): Promise<ImportView> {
  const row = await loadVisible(deps, actor, q.id);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 100;
  let base = deps.db.selectFrom('import_records').where('import_id', '=', q.id);
  if (q.outcome !== undefined) base = base.where('outcome', '=', q.outcome);
  const [lines, count] = await Promise.all([
    base
      .select(['line', 'code', 'outcome', 'reason'])
      .orderBy('line')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    ...progressOf(row, wallClock()),
    report: lines.map((l) => ({
      line: l.line,
      code: l.code,
      outcome: l.outcome as 'accepted' | 'refused',
      ...(l.reason === null ? {} : { reason: l.reason }),
    })),
    page,
    pageSize,
    reportTotal: Number(count.n),
  };
}

/** The imports the actor may see, newest first (the last 100). */
export async function listImports(deps: Deps, actor: Actor): Promise<Progress[]> {
  if (importScope(actor).length === 0) throw fail('IMPORT_ADMINS_ONLY');
  const rows = await deps.db
    .selectFrom('imports')
    .selectAll()
    .orderBy('import_id', 'desc')
    .limit(1000)
    .execute();
  const now = wallClock();
  return rows
    .filter((r) => canSee(actor, r))
    .slice(0, 100)
    .map((r) => progressOf(r, now));
}

/**
 * A CSV cell. Text from the imported file that a spreadsheet would run as a formula (=, +, -, @, a tab
 * or a carriage return first) is kept as text by a leading apostrophe (OWASP, "CSV injection").
 */
const csvCell = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvRow = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

const SUMMARY_PAGE = 5000;

/** The summary: the import's figures, then every record of its report; streamed. */
export async function importSummary(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; stream: Readable }> {
  const row = await loadVisible(deps, actor, id);
  const p = progressOf(row, wallClock());
  const db = deps.db;
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF';
    yield csvRow(['Lần nhập', p.id]);
    yield csvRow(['Loại', p.kind === 'staff' ? 'Tài khoản cán bộ' : 'Hồ sơ']);
    yield csvRow(['Định dạng', p.format]);
    yield csvRow(['Tệp', p.fileName]);
    yield csvRow(['Chạy thử', p.dryRun ? 'Có (không ghi gì)' : 'Không']);
    yield csvRow(['Trạng thái', { running: 'Đang chạy', done: 'Đã xong', failed: 'Lỗi' }[p.state]]);
    yield csvRow(['Bắt đầu', p.startedAt]);
    yield csvRow(['Kết thúc', p.finishedAt]);
    yield csvRow(['Tổng số bản ghi', p.total]);
    yield csvRow(['Đã xử lý', p.processed]);
    yield csvRow(['Chấp nhận', p.accepted]);
    yield csvRow(['Trong đó đã nhập trước đây, không đổi', p.unchanged]);
    yield csvRow(['Từ chối', p.refused]);
    yield csvRow(['Tốc độ (bản ghi/giây)', p.rowsPerSecond]);
    if (p.error !== null) yield csvRow(['Lỗi', p.error]);
    yield '\r\n';
    yield csvRow(['Dòng', 'Mã', 'Kết quả', 'Lý do']);
    let after = 0;
    for (;;) {
      const page = await db
        .selectFrom('import_records')
        .select(['line', 'code', 'outcome', 'reason'])
        .where('import_id', '=', id)
        .where('line', '>', after)
        .orderBy('line')
        .limit(SUMMARY_PAGE)
        .execute();
      for (const r of page)
        yield csvRow([r.line, r.code, r.outcome === 'accepted' ? 'Chấp nhận' : 'Từ chối', r.reason]);
      if (page.length < SUMMARY_PAGE) return;
      after = page.at(-1)!.line;
    }
  }
  return { fileName: `nhap-du-lieu-${id}.csv`, stream: Readable.from(lines()) };
}
