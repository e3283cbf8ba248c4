// "Nhập mã định danh": the province administrator chooses the province's code list (CSV or .xlsx), runs
// it (POST /agencies/import/dry-run: every row's outcome and problems, nothing written), and applies it
// (POST /agencies/import) when no row has a problem; the server plans it again and applies all rows or
// none. A new file forgets the plan of the old one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { orgQueries } from '../org/org-api.ts';
import { importCodes, orgAdminQueries, type AgencyImportPlanView } from './org-admin-api.ts';
import { ImportPlanTable } from './import-plan-table.tsx';
import { importMediaType } from './registry-rules.ts';

type Say = (text: string, warning?: boolean) => void;

export function ImportSection({ onNotice }: { onNotice: Say }) {
  const { t } = useI18n();
  const m = t.orgAdmin.import;
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<AgencyImportPlanView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Each answer is a new table (its heading takes the focus after a trial run). */
  const [answers, setAnswers] = useState(0);

  const run = useMutation({
    mutationFn: (v: { file: File; apply: boolean }) =>
      importCodes(v.file, importMediaType(v.file.name), v.apply),
    onSuccess: (answer) => {
      setPlan(answer);
      setAnswers((n) => n + 1);
      if (!answer.applied) return;
      const changed = answer.items.filter((i) => i.outcome !== 'unchanged').length;
      onNotice(m.applied(changed));
      return Promise.all([
        client.invalidateQueries({ queryKey: orgAdminQueries.all }),
        client.invalidateQueries({ queryKey: orgQueries.all }),
      ]);
    },
    onError: (error, v) => {
      setPlan(null);
      onNotice(errorText(t, error), true);
      // Refused as a whole (the list changed meanwhile): the trial run shows each row again.
      if (v.apply && error instanceof ApiError && error.status === 400)
        run.mutate({ file: v.file, apply: false });
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
  const canApply = plan !== null && plan.ok && !plan.applied && !run.isPending;
  const errorId = 'registry-import-file-error';

  return (
    <section aria-labelledby="registry-import-heading" className="dossier-section">
      <h2 id="registry-import-heading" className="section-heading">
        {m.heading}
      </h2>
      <p className="hint">{m.intro}</p>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor="registry-import-file">{m.file}</label>
        <p className="hint" id="registry-import-file-hint">
          {m.fileHint}
        </p>
        {problem ? (
          <p className="field-error" id={errorId}>
            {problem}
          </p>
        ) : null}
        <input
          id="registry-import-file"
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={[problem ? errorId : '', 'registry-import-file-hint'].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPlan(null);
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
        </button>
      </p>
      {plan ? <ImportPlanTable key={answers} plan={plan} /> : null}
    </section>
  );
}
