// "Nhập danh sách cán bộ" (#17): an administrator chooses the staff list (CSV or .xlsx), runs it (POST
// /staff/import, a dry run: every account's outcome and problems, nothing written) and imports the
// valid accounts (?dryRun=false: the server checks every row again; refused accounts are skipped whole).
// A new file forgets the outcome of the old one. The chooser and buttons are the one file-import section.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { FileImportSection } from '../../app/file-import-section.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { importMediaType } from '../org-admin/registry-rules.ts';
import { importStaffList, type StaffImportReport } from './staff-api.ts';
import { StaffImportTable } from './staff-import-table.tsx';

export function StaffImportSection({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const m = t.staff.import;
  const [report, setReport] = useState<StaffImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: (v: { file: File; apply: boolean }) =>
      importStaffList(v.file, importMediaType(v.file.name), v.apply),
    onSuccess: (answer) => {
      setReport(answer);
      if (!answer.dryRun) onImported();
    },
    onError: (error) => {
      setReport(null);
      setProblem(errorText(t, error));
    },
  });
  const applicable = report !== null && report.dryRun && report.created + report.grantsAdded > 0;

  return (
    <FileImportSection
      id="staff-import"
      heading={m.heading}
      intro={m.intro}
      texts={m}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      pending={run.isPending ? (run.variables.apply ? 'apply' : 'trial') : null}
      apply={{ label: m.apply, busyLabel: m.applying, enabled: applicable }}
      problem={problem}
      onChoose={() => {
        setReport(null);
        setProblem(null);
      }}
      onRun={(file, apply) => {
        setProblem(null);
        run.mutate({ file, apply });
      }}
      actions={
        <button type="button" className="button" onClick={onClose}>
          {m.close}
        </button>
      }
    >
      {report ? <StaffImportTable report={report} /> : null}
    </FileImportSection>
  );
}
