// "Nhập mã định danh": the province administrator chooses the province's code list (CSV or .xlsx), runs
// it (POST /agencies/import/dry-run: every row's outcome and problems, nothing written), and applies it
// (POST /agencies/import) when no row has a problem; the server plans it again and applies all rows or
// none. A new file forgets the plan of the old one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { FileImportSection } from '../../app/file-import-section.tsx';
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
  const [plan, setPlan] = useState<AgencyImportPlanView | null>(null);
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

  return (
    <FileImportSection
      id="registry-import"
      heading={m.heading}
      intro={m.intro}
      texts={m}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      pending={run.isPending ? (run.variables.apply ? 'apply' : 'trial') : null}
      apply={{ label: m.apply, busyLabel: m.applying, enabled: plan !== null && plan.ok && !plan.applied }}
      problem={null}
      onChoose={() => setPlan(null)}
      onRun={(file, apply) => run.mutate({ file, apply })}
    >
      {plan ? <ImportPlanTable key={answers} plan={plan} /> : null}
    </FileImportSection>
  );
}
