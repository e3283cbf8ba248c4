// /quan-tri/gio-lam-viec/<agencyCode>: an agency's working sessions (time limits run only inside
// them) and, for its unit or province administrators, an editor. The server decides who may save
// (the agency must be within the administrator's reach) and validates the sessions
// (common/working-time/office-hours.ts), naming each problem by its path, `body/hours/sessions/1/0/end`.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { officeHoursPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { getOfficeHours, putOfficeHours, type OfficeHours, type OfficeHoursResult } from './calendar-api.ts';
import { ErrorSummary, type Problem } from './error-summary.tsx';

const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
/** ISO weekday (1 = Monday) → JavaScript day number (0 = Sunday), for the dictionary's names. */
const jsDay = (key: WeekdayKey): number => Number(key) % 7;
const EDITORS = ['unit-admin', 'province-admin'];

type Load =
  { kind: 'loading' } | { kind: 'done'; result: OfficeHoursResult } | { kind: 'error'; error: unknown };

function sessionsText(t: Messages, sessions: readonly { start: string; end: string }[]): string {
  return sessions.length === 0 ? t.officeHours.closed : sessions.map((s) => `${s.start}–${s.end}`).join(', ');
}

function HoursTable({ t, hours }: { t: Messages; hours: OfficeHours }) {
  return (
    <>
      <table className="table hours-table" role="table">
        <caption className="visually-hidden">{t.officeHours.caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t.officeHours.weekday}
            </th>
            <th scope="col" role="columnheader">
              {t.officeHours.sessions}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {WEEKDAY_KEYS.map((k) => {
            const sessions = hours.sessions[k];
            const weekend = k === '6' || k === '7';
            return (
              <tr role="row" key={k}>
                <th scope="row" role="rowheader" data-label={t.officeHours.weekday}>
                  {t.time.weekdays[jsDay(k)]}
                  {weekend ? <span className="muted"> ({t.officeHours.weekendMakeUp})</span> : null}
                </th>
                <td role="cell" data-label={t.officeHours.sessions}>
                  {weekend && sessions.length === 0
                    ? t.officeHours.weekendSameAsMonday
                    : sessionsText(t, sessions)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <span className="component-label">{t.officeHours.saturdayReceiving}:</span>{' '}
        {hours.saturdayReceiving && hours.saturdayReceiving.length > 0
          ? sessionsText(t, hours.saturdayReceiving)
          : t.officeHours.none}
      </p>
      <p className="hint">{t.officeHours.saturdayReceivingHint}</p>
    </>
  );
}

type Row = { id: string; start: string; end: string };
type Day = WeekdayKey | 'saturdayReceiving';
const DAYS: readonly Day[] = [...WEEKDAY_KEYS, 'saturdayReceiving'];

let lastId = 0;
const nextId = (): string => `s${++lastId}`;
const fieldId = (rowId: string, field: string): string => `oh-${rowId}-${field}`;

function HoursEditor({
  agencyCode,
  result,
  onSaved,
  onCancel,
  onReload,
}: {
  agencyCode: string;
  result: OfficeHoursResult;
  onSaved: (result: OfficeHoursResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [days, setDays] = useState<Record<Day, Row[]>>(() => {
    const out = {} as Record<Day, Row[]>;
    for (const k of WEEKDAY_KEYS) out[k] = result.hours.sessions[k].map((s) => ({ id: nextId(), ...s }));
    out.saturdayReceiving = (result.hours.saturdayReceiving ?? []).map((s) => ({ id: nextId(), ...s }));
    return out;
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<
    { kind: 'fields'; fields: Record<string, string>; general: string[] } | { kind: 'stale' } | null
  >(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const dayName = (d: Day) =>
    d === 'saturdayReceiving' ? t.officeHours.saturdayReceiving : t.time.weekdays[jsDay(d)]!;
  const fields = failure?.kind === 'fields' ? failure.fields : {};

  const update = (day: Day, id: string, change: Partial<Row>, field: string) => {
    setDays((all) => ({ ...all, [day]: all[day].map((r) => (r.id === id ? { ...r, ...change } : r)) }));
    if (failure?.kind === 'fields' && fieldId(id, field) in failure.fields) {
      const rest = { ...failure.fields };
      delete rest[fieldId(id, field)];
      setFailure({ ...failure, fields: rest });
    }
  };
  const add = (day: Day) => {
    const rows = days[day];
    const row = { id: nextId(), start: rows.at(-1)?.end ?? '07:30', end: '' };
    setDays((all) => ({ ...all, [day]: [...all[day], row] }));
    setFocusTarget(fieldId(row.id, 'start'));
  };
  const remove = (day: Day, id: string) => {
    const rows = days[day];
    const index = rows.findIndex((r) => r.id === id);
    const rest = rows.filter((r) => r.id !== id);
    setDays((all) => ({ ...all, [day]: rest }));
    const next = rest[index] ?? rest[index - 1];
    setFocusTarget(next ? fieldId(next.id, 'remove') : `oh-add-${day}`);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const sent = days;
    const plain = (rows: Row[]) => rows.map(({ start, end }) => ({ start, end }));
    const hours: OfficeHours = {
      sessions: {
        '1': plain(sent['1']),
        '2': plain(sent['2']),
        '3': plain(sent['3']),
        '4': plain(sent['4']),
        '5': plain(sent['5']),
        '6': plain(sent['6']),
        '7': plain(sent['7']),
      },
      ...(sent.saturdayReceiving.length > 0 ? { saturdayReceiving: plain(sent.saturdayReceiving) } : {}),
      ...(result.hours.workingDayMinutes !== undefined
        ? { workingDayMinutes: result.hours.workingDayMinutes }
        : {}),
    };
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await putOfficeHours(agencyCode, { version: result.version, hours }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') setFailure({ kind: 'stale' });
      else if (error instanceof ApiError && error.details.length > 0) {
        const found: Record<string, string> = {};
        const general: string[] = [];
        for (const d of error.details) {
          // body/hours/sessions/1/0/end, body/hours/saturdayReceiving/0/start
          const parts = d.path.split('/').slice(2);
          const [day, index, field] = parts[0] === 'sessions' ? parts.slice(1) : parts;
          const row =
            day && (DAYS as readonly string[]).includes(day) ? sent[day as Day][Number(index)] : undefined;
          if (row && field) found[fieldId(row.id, field)] ??= detailText(t, d);
          else general.push(detailText(t, d));
        }
        setFailure({ kind: 'fields', fields: found, general });
      } else {
        const forbidden = error instanceof ApiError && error.status === 403;
        setFailure({
          kind: 'fields',
          fields: {},
          general: [forbidden ? t.officeHours.forbidden : errorText(t, error)],
        });
      }
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const problems: Problem[] = [];
  if (failure?.kind === 'fields') {
    for (const day of DAYS) {
      days[day].forEach((row, i) => {
        for (const f of ['start', 'end']) {
          const message = failure.fields[fieldId(row.id, f)];
          if (message)
            problems.push({
              fieldId: fieldId(row.id, f),
              label: `${dayName(day)}, ${t.officeHours.sessionLegend(i + 1)} – ${f === 'start' ? t.officeHours.start : t.officeHours.end}`,
              message,
            });
        }
      });
    }
    for (const g of failure.general) problems.push({ message: g });
  }

  const timeField = (row: Row, day: Day, field: 'start' | 'end') => {
    const id = fieldId(row.id, field);
    const error = fields[id];
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{field === 'start' ? t.officeHours.start : t.officeHours.end}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type="time"
          value={row[field]}
          onChange={(e) => update(day, row.id, { [field]: e.target.value }, field)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    );
  };

  return (
    <section className="editor" aria-labelledby="hours-editor-heading">
      <h2 id="hours-editor-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {t.officeHours.editHeading}
      </h2>
      {failure?.kind === 'stale' ? (
        <div className="inline-error" role="alert">
          <p>{t.officeHours.stale}</p>
          <button type="button" className="button" onClick={onReload}>
            {t.officeHours.reload}
          </button>
        </div>
      ) : (
        <ErrorSummary title={t.officeHours.errorSummary} problems={problems} headingRef={summaryHeading} />
      )}
      <form className="editor-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className="hours-days">
          {DAYS.map((day) => (
            <fieldset key={day} className="hours-day">
              <legend>
                {dayName(day)}
                {day === '6' || day === '7' ? (
                  <span className="muted"> ({t.officeHours.weekendMakeUp})</span>
                ) : null}
              </legend>
              {day === 'saturdayReceiving' ? (
                <p className="hint">{t.officeHours.saturdayReceivingHint}</p>
              ) : null}
              {days[day].length === 0 ? (
                <p className="muted">
                  {day === 'saturdayReceiving'
                    ? t.officeHours.none
                    : day === '6' || day === '7'
                      ? t.officeHours.weekendSameAsMonday
                      : t.officeHours.closed}
                </p>
              ) : null}
              <ol className="editor-rows">
                {days[day].map((row, i) => (
                  <li key={row.id}>
                    <fieldset className="editor-row editor-row-session">
                      <legend>{t.officeHours.sessionLegend(i + 1)}</legend>
                      {timeField(row, day, 'start')}
                      {timeField(row, day, 'end')}
                      <div className="editor-row-actions">
                        <button
                          type="button"
                          id={fieldId(row.id, 'remove')}
                          className="button button-small"
                          onClick={() => remove(day, row.id)}
                        >
                          {t.officeHours.removeSession}
                          <span className="visually-hidden">
                            {' '}
                            {i + 1}, {dayName(day)}
                          </span>
                        </button>
                      </div>
                    </fieldset>
                  </li>
                ))}
              </ol>
              <button
                type="button"
                id={`oh-add-${day}`}
                className="button button-small"
                onClick={() => add(day)}
              >
                {t.officeHours.addSession}
                <span className="visually-hidden"> ({dayName(day)})</span>
              </button>
            </fieldset>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? t.officeHours.saving : t.officeHours.save}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.officeHours.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

export function OfficeHoursPage({ agencyCode }: { agencyCode: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const valid = AGENCY_CODE.test(agencyCode);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const user = session.status === 'signed-in' ? session.user : null;
  const own = user?.roles.find((r) => r.agencyCode === agencyCode);
  const canEdit = user?.roles.some((r) => EDITORS.includes(r.role)) ?? false;
  const myAgencies = user
    ? [...new Map(user.roles.map((r) => [r.agencyCode, r.agencyName])).entries()].filter(
        ([c]) => c !== agencyCode,
      )
    : [];

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    getOfficeHours(agencyCode, controller.signal)
      .then((result) => setLoad({ kind: 'done', result }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [agencyCode, valid, reloadKey]);

  useEffect(() => {
    if (saved !== null) savedRef.current?.focus();
  }, [saved]);

  const heading = own ? t.officeHours.heading(own.agencyName) : t.officeHours.headingCode(agencyCode);

  return (
    <Page
      title={t.officeHours.title}
      heading={heading}
      intro={t.officeHours.intro}
      className="office-hours-page"
    >
      {!valid ? (
        <p className="inline-error">{t.officeHours.invalidCode}</p>
      ) : load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>
            {load.error instanceof ApiError && load.error.status === 404
              ? t.officeHours.notFound
              : errorText(t, load.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : editing ? (
        <HoursEditor
          agencyCode={agencyCode}
          result={load.result}
          onSaved={(result) => {
            setLoad({ kind: 'done', result });
            setEditing(false);
            setSaved(result.version);
          }}
          onCancel={() => {
            setEditing(false);
            window.setTimeout(() => editButton.current?.focus(), 0);
          }}
          onReload={() => {
            setEditing(false);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : (
        <>
          {saved !== null ? (
            <p className="notice notice-success" tabIndex={-1} ref={savedRef}>
              {t.officeHours.saved(saved)}
            </p>
          ) : null}
          <p className="muted">
            <span className="code">{agencyCode}</span> · {t.officeHours.version(load.result.version)}{' '}
            {load.result.isDefault ? t.officeHours.isDefault : null}
          </p>
          <HoursTable t={t} hours={load.result.hours} />
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
                {t.officeHours.edit}
              </button>
            </p>
          ) : null}
        </>
      )}
      {myAgencies.length > 0 && load.kind !== 'loading' ? (
        <nav aria-labelledby="my-agencies-heading" className="related">
          <h2 id="my-agencies-heading" className="subsection-heading">
            {t.officeHours.otherAgencies}
          </h2>
          <ul className="plain-list">
            {myAgencies.map(([code, name]) => (
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
