// "Nhập danh sách cán bộ" (#17): an administrator chooses the staff list (CSV or .xlsx), runs it (POST
// /staff/import, a dry run: every account's outcome and problems, nothing written) and imports the
// valid accounts (?dryRun=false: the server checks every row again; refused accounts are skipped whole).
// A new file forgets the outcome of the old one.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { importMediaType } from '../org-admin/registry-rules.ts';
import { importStaffList, type StaffImportReport } from './staff-api.ts';
import { StaffImportTable } from './staff-import-table.tsx';

export function StaffImportSection({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const m = t.staff.import;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
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

  const start = (apply: boolean) => {
    if (run.isPending) return;
    if (!file) {
      setProblem(m.chooseFile);
      input.current?.focus();
      return;
    }
    setProblem(null);
    run.mutate({ file, apply });
  };
  const canApply =
    report !== null && report.dryRun && report.created + report.grantsAdded > 0 && !run.isPending;
  const errorId = 'staff-import-file-error';

  return (
    <section aria-labelledby="staff-import-heading" className="dossier-section">
      <h2 id="staff-import-heading" className="section-heading">
        {m.heading}
      </h2>
      <p className="hint">{m.intro}</p>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor="staff-import-file">{m.file}</label>
        <p className="hint" id="staff-import-file-hint">
          {m.fileHint}
        </p>
        {problem ? (
          <p className="field-error" id={errorId} role="alert">
            {problem}
          </p>
        ) : null}
        <input
          id="staff-import-file"
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={[problem ? errorId : '', 'staff-import-file-hint'].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setProblem(null);
          }}
        />
      </div>
      <p className="page-actions">
        <button
          type="button"
          className="button"
          aria-disabled={run.isPending || undefined}
          onClick={() => start(false)}
        >
          {run.isPending && !run.variables?.apply ? m.running : m.dryRun}
        </button>{' '}
        <button
          type="button"
          className="button button-primary"
          aria-disabled={!canApply || undefined}
          onClick={() => {
            if (canApply) start(true);
          }}
        >
          {run.isPending && run.variables?.apply ? m.applying : m.apply}
        </button>{' '}
        <button type="button" className="button" onClick={onClose}>
          {m.close}
        </button>
      </p>
      {report ? <StaffImportTable report={report} /> : null}
    </section>
  );
}
