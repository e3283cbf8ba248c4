// One agency of the registry: what it is (code and its form, kind, unit, parent, open or closed), what
// the user may do with it (the server says: `may`), the edit and closure forms, and its receiving points.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { formatShortDate } from '../calendar/vn-time.ts';
import { orgQueries } from '../org/org-api.ts';
import { orgAdminQueries, type AgencyDetail } from './org-admin-api.ts';
import { EditAgencyForm } from './agency-edit-form.tsx';
import { CloseAgencyForm } from './agency-close-form.tsx';
import { DeskSection } from './desk-section.tsx';

function AgencySummary({ t, a }: { t: Messages; a: AgencyDetail }) {
  const o = t.orgAdmin;
  const f = o.fields;
  const rows: [string, ReactNode][] = [
    [f.code, <span className="code">{a.code}</span>],
    [f.form, a.form ? (o.forms[a.form] ?? a.form) : o.noForm],
    [f.level, a.level === null ? o.none : String(a.level)],
    [f.kind, t.agencyKinds[a.kind] ?? a.kind],
    [f.unit, <span lang="vi">{`${a.unit.name} (${a.unit.code})`}</span>],
    [
      f.parent,
      a.parent ? (
        <>
          <span lang="vi">{a.parent.name}</span> <span className="code">({a.parent.code})</span>
        </>
      ) : (
        o.none
      ),
    ],
    [
      f.state,
      a.validTo === null
        ? o.openSince(a.validFrom === null ? null : formatShortDate(a.validFrom))
        : o.closedAfter(formatShortDate(a.validTo)),
    ],
    [f.children, String(a.children)],
    [f.deskOfficers, String(a.deskOfficers)],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Mode = 'view' | 'edit' | 'close';

export function AgencyPanel({
  code,
  onNotice,
  onChanged,
}: {
  code: string;
  onNotice: (text: string, warning?: boolean) => void;
  /** The agency after a change (its code may be new). */
  onChanged: (agency: AgencyDetail) => void;
}) {
  const { t } = useI18n();
  const o = t.orgAdmin;
  const client = useQueryClient();
  const result = useQuery(orgAdminQueries.agency(code));
  const [mode, setMode] = useState<Mode>('view');
  const a = result.data;
  // A change answers with the agency as it is now: shown at once, under its (maybe new) code.
  const changed = (agency: AgencyDetail, text: string) => {
    client.setQueryData(orgAdminQueries.agency(agency.code).queryKey, agency);
    void client.invalidateQueries({ queryKey: orgQueries.all });
    setMode('view');
    onNotice(text);
    if (agency.code !== code || agency.name !== a?.name) onChanged(agency);
  };
  const editable = a ? a.may.rename || a.may.recode || a.may.move : false;

  return (
    <section
      aria-labelledby="registry-agency-heading"
      className="dossier-section"
      aria-busy={result.isFetching || undefined}
    >
      <h2 id="registry-agency-heading" className="section-heading" lang="vi">
        {a?.name ?? code}
      </h2>
      <p className="muted" role="status">
        {readStatus(result, t.loading, () => '')}
      </p>
      <ReadError read={result} />
      {a ? (
        <>
          <AgencySummary t={t} a={a} />
          {mode === 'edit' ? (
            <EditAgencyForm
              agency={a}
              onSaved={(saved) => changed(saved, o.saved(saved.code))}
              onCancel={() => setMode('view')}
            />
          ) : mode === 'close' ? (
            <CloseAgencyForm
              agency={a}
              onClosed={(closed) =>
                changed(closed, o.closed(closed.code, formatShortDate(closed.validTo ?? '')))
              }
              onCancel={() => setMode('view')}
            />
          ) : editable || a.may.close ? (
            <p className="page-actions">
              {editable ? (
                <button type="button" className="button" onClick={() => setMode('edit')}>
                  {o.edit}
                </button>
              ) : null}{' '}
              {a.may.close ? (
                <button type="button" className="button button-danger" onClick={() => setMode('close')}>
                  {o.close}
                </button>
              ) : null}
            </p>
          ) : null}
          <DeskSection agency={a} onNotice={onNotice} />
        </>
      ) : null}
    </section>
  );
}
