// Xuất Excel: the worklist as it is filtered and sorted, every matching row (at most EXPORT_ROW_LIMIT:
// a larger list is refused, naming the limit), as an .xlsx with Vietnamese headers. Times are
// spreadsheet dates in Vietnamese civil time, so they sort and filter as dates.
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { buildXlsx, type XlsxCell, type XlsxColumn } from '../../../platform/xlsx.ts';
import { CHANNEL_LABELS, type Channel } from '../../../../common/catalog/procedure.ts';
import { EXPORT_ROW_LIMIT } from '../../../../common/dossiers/worklists.ts';
import { vnCivil, VN_OFFSET_MS } from '../../../../common/time/vn-time.ts';
import { fail } from '../dossiers.errors.ts';
import { countFiltered, worklistRows, type ListFilter, type WorklistRow } from './worklists.ts';

const TIME = 'hh:mm dd/mm/yyyy';

/** The export's columns, in order, with how each row fills them. */
export const EXPORT_COLUMNS: readonly (XlsxColumn & { cell: (r: WorklistRow) => XlsxCell })[] = [
  { header: 'Mã hồ sơ', width: 28, cell: (r) => r.code },
  { header: 'Thủ tục hành chính', width: 40, cell: (r) => r.procedureName },
  { header: 'Mã thủ tục', width: 12, cell: (r) => r.procedureCode },
  { header: 'Lĩnh vực', width: 24, cell: (r) => r.fieldName ?? undefined },
  { header: 'Người nộp', width: 26, cell: (r) => r.applicantName },
  { header: 'Số định danh', width: 16, cell: (r) => r.applicantIdNumber },
  { header: 'Kênh nộp', width: 14, cell: (r) => CHANNEL_LABELS[r.channel as Channel] ?? r.channel },
  { header: 'Ngày nộp', width: 17, numFmt: TIME, cell: (r) => wallClock(r.submittedAt) },
  { header: 'Ngày tiếp nhận', width: 17, numFmt: TIME, cell: (r) => wallClock(r.receivedAt) },
  {
    header: 'Hạn trả kết quả',
    width: 17,
    numFmt: TIME,
    cell: (r) => wallClock(r.extendedDueAt ?? r.dueAt),
  },
  { header: 'Hạn bước hiện tại', width: 17, numFmt: TIME, cell: (r) => wallClock(r.stepDueAt) },
  { header: 'Bước hiện tại', width: 24, cell: (r) => r.currentStep.name },
  { header: 'Người xử lý', width: 24, cell: (r) => r.handler?.name },
  { header: 'Trạng thái', width: 18, cell: (r) => r.statusLabel },
  { header: 'Cơ quan đang giải quyết', width: 34, cell: (r) => r.currentAgency.name },
];

/** An instant as the Date whose UTC parts are its Vietnamese civil time (a spreadsheet serial counts UTC days). */
function wallClock(iso: string | null): Date | undefined {
  return iso ? new Date(new Date(iso).getTime() + VN_OFFSET_MS) : undefined;
}

export async function exportWorklist(deps: Deps, actor: Actor, f: ListFilter): Promise<Buffer> {
  const count = await countFiltered(deps, actor, f, { limit: EXPORT_ROW_LIMIT });
  if (!count.exact)
    throw fail('DOSSIER_EXPORT_TOO_LARGE', {
      params: { limit: EXPORT_ROW_LIMIT },
      details: [
        {
          path: 'querystring',
          message: `Danh sách có hơn ${EXPORT_ROW_LIMIT} hồ sơ; hãy lọc hẹp hơn (theo ngày, thủ tục, trạng thái…).`,
        },
      ],
    });
  const { rows } = await worklistRows(deps, actor, f, { limit: EXPORT_ROW_LIMIT, offset: 0 });
  const now = deps.clock.now();
  const c = vnCivil(now);
  return buildXlsx({
    sheetName: 'Danh sách hồ sơ',
    columns: EXPORT_COLUMNS.map(({ cell: _cell, ...column }) => column),
    rows: rows.map((r) => EXPORT_COLUMNS.map((col) => col.cell(r))),
    title: `Danh sách hồ sơ — ${actor.fullName}`,
    subject: 'Danh sách hồ sơ theo bộ lọc của danh mục công việc',
    created: now,
    packagedAt: new Date(c.year, c.month - 1, c.day, c.hour, c.minute),
  });
}
