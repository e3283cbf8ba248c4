// Whether the procedure is received at any one-stop desk of the administrator's province, whatever
// the applicant's address: set at once through its own endpoint (not part of a version).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { catalogAdminQueries, setReceivableAnywhere } from './catalog-admin-api.ts';

export function ReceivableField({ code, canEdit }: { code: string; canEdit: boolean }) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const invalidate = useInvalidate();
  const read = useQuery(catalogAdminQueries.receivable(code));
  const [said, setSaid] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (on: boolean) => setReceivableAnywhere(code, on),
    onSuccess: (_res, on) => {
      setSaid(d.receivableSaved(on));
      return invalidate(catalogAdminQueries.receivable(code).queryKey);
    },
    onError: (error) => setSaid(errorText(t, error)),
  });
  const checked = (read.data?.provinces.length ?? 0) > 0;
  return (
    <div className="field">
      <div className="field-checkbox">
        <input
          id="ed-receivable"
          type="checkbox"
          checked={checked}
          disabled={!canEdit || !read.data || change.isPending}
          aria-describedby="ed-receivable-hint"
          onChange={(e) => change.mutate(e.target.checked)}
        />
        <label htmlFor="ed-receivable">{d.receivableLabel}</label>
      </div>
      <p className="hint" id="ed-receivable-hint">
        {d.receivableHint}
      </p>
      <p role="status" className="muted">
        {said ?? ''}
      </p>
    </div>
  );
}
