// The import from the command line (npm run cli -- import:dossiers): the same job as the API's, run in
// this process to its end, with a progress line (rows per second, time left) and the report's refusals.
import fs from 'node:fs';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { loadGrants } from '../auth/index.ts';
import type { DossierImportFormat, ImportView } from '../../../common/contracts/imports.ts';
import { createImport, runImport, wallClock, type ImportProgress } from './imports.service.ts';
import { getImport, importSummary } from './imports.views.ts';
import { XLSX_MAX_BYTES, streamLines, xlsxLines } from './import-sources.ts';
import { fail } from './imports.errors.ts';

export type CliImport = {
  file: string;
  format: DossierImportFormat;
  apply: boolean;
  /** The administrator the import is made as: their reach bounds it, the audit names them. */
  username: string;
  /** Where to write the summary (CSV), if anywhere. */
  summaryFile: string | null;
};

async function actorOf(deps: Deps, username: string): Promise<Actor> {
  const user = await deps.db
    .selectFrom('users')
    .select(['user_id', 'username', 'full_name'])
    .where('username', '=', username.trim().toLowerCase())
    .where('active', '=', true)
    .executeTakeFirst();
  if (user === undefined)
    throw fail('IMPORT_FILE_INVALID', { details: [{ path: 'as', message: `Không có cán bộ ${username}.` }] });
  return {
    userId: user.user_id,
    username: user.username,
    fullName: user.full_name,
    grants: await loadGrants(deps.db, user.user_id),
    via: 'token',
  };
}

/** `[#####-----] 1500/8000 18.8 % · 1234 dòng/giây · còn 6 giây` */
export function progressLine(p: ImportProgress, seconds: number): string {
  const share = p.total === 0 ? 1 : p.processed / p.total;
  const filled = Math.round(share * 30);
  const rate = seconds > 0 ? p.processed / seconds : 0;
  const left = rate > 0 ? Math.ceil((p.total - p.processed) / rate) : null;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${p.processed}/${p.total} ${(share * 100).toFixed(1)} %` +
    ` · ${rate.toFixed(0)} dòng/giây · ${left === null ? 'đang tính thời gian còn lại' : `còn ${left} giây`}` +
    ` · chấp nhận ${p.accepted}, từ chối ${p.refused}`
  );
}

export async function importDossiersFromFile(
  deps: Deps,
  input: CliImport,
  write: (text: string) => void,
): Promise<ImportView> {
  const actor = await actorOf(deps, input.username);
  const lines =
    input.format === 'xlsx'
      ? await xlsxLines(await readXlsx(input.file))
      : streamLines(fs.createReadStream(input.file));
  const id = await createImport(deps, actor, {
    kind: 'dossiers',
    format: input.format,
    dryRun: !input.apply,
    fileName: input.file.split('/').at(-1) ?? input.file,
    lines,
    requestId: null,
  });
  const started = wallClock().getTime();
  const tty = process.stderr.isTTY === true;
  await runImport(deps, id, (p) => {
    const line = progressLine(p, (wallClock().getTime() - started) / 1000);
    write(tty ? `\r${line}` : `${line}\n`);
  });
  if (tty) write('\n');
  if (input.summaryFile !== null) {
    const summary = await importSummary(deps, actor, id);
    await fs.promises.writeFile(input.summaryFile, summary.stream);
  }
  return getImport(deps, actor, { id, outcome: 'refused', pageSize: 20 });
}

async function readXlsx(file: string): Promise<Buffer> {
  const size = (await fs.promises.stat(file)).size;
  if (size > XLSX_MAX_BYTES) throw fail('IMPORT_FILE_TOO_LARGE', { params: { limit: '50 MB' } });
  return fs.promises.readFile(file);
}
