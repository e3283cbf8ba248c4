// /quan-tri/gio-lam-viec/<agencyCode>: an agency's working sessions (time limits run only inside
// them) and, for its unit or province administrators, an editor. The server decides who may save
// (the agency must be within the administrator's reach) and validates the sessions
// (common/working-time/office-hours.ts), naming each problem by its path, `body/hours/sessions/1/0/end`.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type Ref } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { officeHoursPath } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { NotFoundOrError } from '../../app/read-failure.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { calendarQueries, type OfficeHoursResult } from './calendar-api.ts';
import { HoursEditor } from './office-hours-editor.tsx';
import { AGENCY_CODE, agenciesOf } from './office-hours-rows.ts';
import { HoursTable } from './office-hours-table.tsx';
import { withData } from '../../app/ui/data-text.tsx';

const EDITORS = ['unit-admin', 'province-admin'];

function HoursView({
  agencyCode,
  result,
  saved,
  canEdit,
  editRef,
  onEdit,
}: {
  agencyCode: string;
  result: OfficeHoursResult;
  saved: number | null;
  canEdit: boolean;
  editRef: Ref<HTMLButtonElement>;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved !== null) savedRef.current?.focus();
  }, [saved]);
  return (
    <>
      {saved !== null ? (
        <p className="notice notice-success" tabIndex={-1} ref={savedRef}>
          {t.officeHours.saved(saved)}
        </p>
      ) : null}
      <p className="muted">
        <span className="code">{agencyCode}</span> · {t.officeHours.version(result.version)}{' '}
        {result.isDefault ? t.officeHours.isDefault : null}
      </p>
      <HoursTable t={t} hours={result.hours} />
      {canEdit ? (
        <p>
          <button type="button" className="button button-primary" ref={editRef} onClick={onEdit}>
            {t.officeHours.edit}
          </button>
        </p>
      ) : null}
    </>
  );
}

export function OfficeHoursPage({ agencyCode }: { agencyCode: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const valid = AGENCY_CODE.test(agencyCode);
  const read = useQuery({ ...calendarQueries.officeHours(agencyCode), enabled: valid });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const user = session.status === 'signed-in' ? session.user : null;
  const own = user?.roles.find((r) => r.agencyCode === agencyCode);
  const canEdit = user?.roles.some((r) => EDITORS.includes(r.role)) ?? false;
  const myAgencies = user ? agenciesOf(user.roles).filter((a) => a.code !== agencyCode) : [];
  const heading = own
    ? withData(t.officeHours.heading, own.agencyName)
    : t.officeHours.headingCode(agencyCode);

  return (
    <Page
      title={t.officeHours.title}
      heading={heading}
      intro={t.officeHours.intro}
      className="office-hours-page"
    >
      {!valid ? (
        <p className="inline-error">{t.officeHours.invalidCode}</p>
      ) : read.isError ? (
        <NotFoundOrError read={read} notFound={t.officeHours.notFound} />
      ) : !read.data ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : editing ? (
        <HoursEditor
          agencyCode={agencyCode}
          result={read.data}
          onSaved={(result) => {
            client.setQueryData(calendarQueries.officeHours(agencyCode).queryKey, result);
            setEditing(false);
            setSaved(result.version);
          }}
          onCancel={() => {
            setEditing(false);
            window.setTimeout(() => editButton.current?.focus(), 0);
          }}
          onReload={() => {
            setEditing(false);
            void invalidate(calendarQueries.officeHours(agencyCode).queryKey);
          }}
        />
      ) : (
        <HoursView
          agencyCode={agencyCode}
          result={read.data}
          saved={saved}
          canEdit={canEdit}
          editRef={editButton}
          onEdit={() => {
            setSaved(null);
            setEditing(true);
          }}
        />
      )}
      {myAgencies.length > 0 && !read.isPending ? (
        <nav aria-labelledby="my-agencies-heading" className="related">
          <h2 id="my-agencies-heading" className="subsection-heading">
            {t.officeHours.otherAgencies}
          </h2>
          <ul className="plain-list">
            {myAgencies.map(({ code, name }) => (
              <li key={code}>
                <Link to={officeHoursPath(code)}>{name}</Link> <span className="code muted">{code}</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </Page>
  );
}
