// A province's own days of a year on the calendar page: read by everyone signed in whose roles sit in
// that province, edited by that province's administrator (the server decides; the button only shows
// where the session holds province-admin there).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { calendarQueries, type SavedProvinceCalendar } from './calendar-api.ts';
import { ProvinceEditor } from './calendar-editor.tsx';
import { ChangesSummary } from './calendar-parts.tsx';
import { ProvinceTables } from './calendar-tables.tsx';

export function ProvinceDays({
  provinceCode,
  year,
  canEdit,
}: {
  provinceCode: string;
  year: number;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const p = t.provinceDays;
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const query = calendarQueries.province(provinceCode, year);
  const read = useQuery(query);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SavedProvinceCalendar | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = `province-days-${provinceCode}`;

  const onSaved = (result: SavedProvinceCalendar) => {
    client.setQueryData(query.queryKey, result.calendar);
    setSaved(result);
    setEditing(false);
  };
  const onReload = () => {
    setEditing(false);
    setSaved(null);
    void invalidate(query.queryKey);
  };
  const calendar = read.data;
  return (
    <section aria-labelledby={headingId} className="province-days">
      <h2 id={headingId} className="section-heading">
        {calendar ? p.heading(calendar.provinceName, year) : p.headingPending}
      </h2>
      <p className="muted">{p.intro}</p>
      {read.isPending ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : null}
      <ReadError read={read} />
      {calendar && !read.isError ? (
        <>
          {saved && !editing ? <ChangesSummary saved={saved} onShown={(el) => el?.focus()} /> : null}
          {editing ? (
            <ProvinceEditor
              calendar={calendar}
              onSaved={onSaved}
              onCancel={() => {
                setEditing(false);
                window.setTimeout(() => editButton.current?.focus(), 0);
              }}
              onReload={onReload}
            />
          ) : (
            <>
              {canEdit ? (
                <p>
                  <button
                    type="button"
                    className="button button-primary"
                    ref={editButton}
                    onClick={() => {
                      setSaved(null);
                      setEditing(true);
                    }}
                  >
                    {p.edit(calendar.provinceName, year)}
                  </button>
                </p>
              ) : null}
              <ProvinceTables t={t} calendar={calendar} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
