// /tinh-han: the due-time explainer for the desk (and anyone: the computation is public). Start
// instant (default now), a time limit and an agency's office hours → the due time and the trail
// that explains it. The inputs can come in the address (?start=2026-11-23T10:00&value=2&unit=…),
// which is how the procedure page links here, and the address follows the last computation so that
// it can be shared.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError, withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { officeHoursPath, PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { computeDue, DURATION_UNITS, type DueView, type DurationUnit } from './calendar-api.ts';
import { DueTrail } from './due-trail.tsx';
import { ErrorSummary, type Problem } from './error-summary.tsx';
import { formatInstant, localInputToIso, nowLocalInput } from './vn-time.ts';

const OTHER = '__other__';
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const FIELDS = ['start', 'value', 'unit', 'agencyCode'] as const;
type Field = (typeof FIELDS)[number];
const IDS: Record<Field, string> = {
  start: 'due-start',
  value: 'due-value',
  unit: 'due-unit',
  agencyCode: 'due-agency',
};

type Inputs = { start: string; value: string; unit: DurationUnit; agency: string };
type Outcome =
  | { kind: 'idle' }
  | { kind: 'computing' }
  | { kind: 'done'; due: DueView; agency: string }
  | { kind: 'failed'; fields: Partial<Record<Field, string>>; general: string[] };

function readInputs(search: string): Inputs & { auto: boolean } {
  const params = new URLSearchParams(search);
  const unit = params.get('unit') ?? '';
  const start = params.get('start') ?? '';
  const value = params.get('value') ?? '';
  return {
    start: localInputToIso(start) ? start.slice(0, 16) : nowLocalInput(),
    value,
    unit: (DURATION_UNITS as readonly string[]).includes(unit) ? (unit as DurationUnit) : 'working-day',
    agency: params.get('agencyCode') ?? '',
    auto: value !== '' || unit === 'same-day',
  };
}

export function DueTimePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { location } = useRouter();
  const [initial] = useState(() => readInputs(location.search));
  const [start, setStart] = useState(initial.start);
  const [value, setValue] = useState(initial.value);
  const [unit, setUnit] = useState<DurationUnit>(initial.unit);
  const [agency, setAgency] = useState(initial.agency);
  const [otherMode, setOtherMode] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const request = useRef<AbortController | null>(null);

  const user = session.status === 'signed-in' ? session.user : null;
  const agencies = user
    ? [...new Map(user.roles.map((r) => [r.agencyCode, r.agencyName])).entries()].map(([code, name]) => ({
        code,
        name,
      }))
    : [];
  const inList = agencies.some((a) => a.code === agency);
  const choice = otherMode || (agency !== '' && !inList) ? OTHER : agency;

  const compute = useCallback(
    async (inputs: Inputs, focusResult: boolean) => {
      const fields: Partial<Record<Field, string>> = {};
      const startIso = localInputToIso(inputs.start);
      if (!startIso) fields.start = t.due.startInvalid;
      const number = inputs.unit === 'same-day' ? 0 : Number(inputs.value.trim().replace(',', '.'));
      if (
        inputs.unit !== 'same-day' &&
        (inputs.value.trim() === '' || !Number.isFinite(number) || number < 0)
      )
        fields.value = t.due.valueInvalid;
      const code = inputs.agency.trim();
      if (code !== '' && !AGENCY_CODE.test(code)) fields.agencyCode = t.officeHours.invalidCode;
      if (!startIso || Object.keys(fields).length > 0) {
        setOutcome({ kind: 'failed', fields, general: [] });
        window.setTimeout(() => summaryHeading.current?.focus(), 0);
        return;
      }
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setOutcome({ kind: 'computing' });
      try {
        const due = await computeDue(
          { start: startIso, value: number, unit: inputs.unit, agencyCode: code || undefined },
          controller.signal,
        );
        setOutcome({ kind: 'done', due, agency: code });
        const address = withQuery(PATHS.dueTime, {
          start: inputs.start,
          value: inputs.unit === 'same-day' ? undefined : inputs.value.trim(),
          unit: inputs.unit,
          agencyCode: code || undefined,
        });
        if (window.location.pathname === PATHS.dueTime) window.history.replaceState(null, '', address);
        if (focusResult) window.setTimeout(() => resultHeading.current?.focus(), 0);
      } catch (error) {
        if (controller.signal.aborted) return;
        const found: Partial<Record<Field, string>> = {};
        const general: string[] = [];
        if (error instanceof ApiError && error.details.length > 0) {
          for (const d of error.details) {
            const name = d.path.split('/')[1] ?? '';
            if ((FIELDS as readonly string[]).includes(name)) found[name as Field] ??= detailText(t, d);
            else general.push(detailText(t, d));
          }
        } else general.push(errorText(t, error));
        setOutcome({ kind: 'failed', fields: found, general });
        window.setTimeout(() => summaryHeading.current?.focus(), 0);
      }
    },
    [t],
  );

  useEffect(() => {
    if (initial.auto) void compute(initial, false);
    return () => request.current?.abort();
  }, [initial, compute]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void compute({ start, value, unit, agency }, true);
  };

  const fieldErrors = outcome.kind === 'failed' ? outcome.fields : {};
  const labels: Record<Field, string> = {
    start: t.due.start,
    value: t.due.value,
    unit: t.due.unit,
    agencyCode: choice === OTHER ? t.due.agencyCode : t.due.agency,
  };
  const agencyFieldId = choice === OTHER ? 'due-agency-code' : IDS.agencyCode;
  const problems: Problem[] = [];
  if (outcome.kind === 'failed') {
    for (const f of FIELDS) {
      const message = outcome.fields[f];
      if (message)
        problems.push({ fieldId: f === 'agencyCode' ? agencyFieldId : IDS[f], label: labels[f], message });
    }
    for (const g of outcome.general) problems.push({ message: g });
  }
  const described = (f: Field, hint?: string) => {
    const ids = [hint, fieldErrors[f] ? `${IDS[f]}-error` : undefined].filter(Boolean).join(' ');
    return ids || undefined;
  };
  const errorLine = (f: Field) =>
    fieldErrors[f] ? (
      <p className="field-error" id={`${IDS[f]}-error`}>
        {fieldErrors[f]}
      </p>
    ) : null;
  const fieldClass = (f: Field) => (fieldErrors[f] ? 'field field-invalid' : 'field');

  return (
    <Page title={t.due.title} heading={t.due.heading} intro={t.due.intro} className="due-page">
      <ErrorSummary title={t.due.errorSummary} problems={problems} headingRef={summaryHeading} />
      <form className="form due-form" noValidate onSubmit={onSubmit}>
        <div className={fieldClass('start')}>
          <label htmlFor={IDS.start}>{t.due.start}</label>
          <p className="hint" id="due-start-hint">
            {t.due.startHint}
          </p>
          {errorLine('start')}
          <input
            id={IDS.start}
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            aria-invalid={fieldErrors.start ? true : undefined}
            aria-describedby={described('start', 'due-start-hint')}
          />
        </div>
        <div className="field-pair">
          <div className={fieldClass('value')}>
            <label htmlFor={IDS.value}>{t.due.value}</label>
            <p className="hint" id="due-value-hint">
              {t.due.valueHint}
            </p>
            {errorLine('value')}
            <input
              id={IDS.value}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              maxLength={10}
              value={unit === 'same-day' ? '' : value}
              disabled={unit === 'same-day'}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={fieldErrors.value ? true : undefined}
              aria-describedby={described('value', 'due-value-hint')}
            />
          </div>
          <div className={fieldClass('unit')}>
            <label htmlFor={IDS.unit}>{t.due.unit}</label>
            {errorLine('unit')}
            <select
              id={IDS.unit}
              value={unit}
              onChange={(e) => setUnit(e.target.value as DurationUnit)}
              aria-invalid={fieldErrors.unit ? true : undefined}
              aria-describedby={described('unit')}
            >
              {DURATION_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t.due.units[u]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className={fieldClass('agencyCode')}>
          <label htmlFor={IDS.agencyCode}>{t.due.agency}</label>
          <p className="hint" id="due-agency-hint">
            {t.due.agencyHint}
          </p>
          {choice !== OTHER ? errorLine('agencyCode') : null}
          <select
            id={IDS.agencyCode}
            value={choice}
            onChange={(e) => {
              const next = e.target.value;
              setOtherMode(next === OTHER);
              setAgency(next === OTHER ? '' : next);
            }}
            aria-invalid={choice !== OTHER && fieldErrors.agencyCode ? true : undefined}
            aria-describedby={
              choice !== OTHER ? described('agencyCode', 'due-agency-hint') : 'due-agency-hint'
            }
          >
            <option value="">{t.due.defaultAgency}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
            <option value={OTHER}>{t.due.otherAgency}</option>
          </select>
          {choice === OTHER ? (
            <div className="field-nested">
              <label htmlFor="due-agency-code">{t.due.agencyCode}</label>
              <p className="hint" id="due-agency-code-hint">
                {t.due.agencyCodeHint}
              </p>
              {errorLine('agencyCode')}
              <input
                id="due-agency-code"
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={13}
                value={agency}
                onChange={(e) => setAgency(e.target.value)}
                aria-invalid={fieldErrors.agencyCode ? true : undefined}
                aria-describedby={described('agencyCode', 'due-agency-code-hint')}
              />
            </div>
          ) : null}
        </div>
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={outcome.kind === 'computing' || undefined}
        >
          {outcome.kind === 'computing' ? t.due.computing : t.due.submit}
        </button>
      </form>

      <section
        className="due-result"
        aria-labelledby="due-result-heading"
        aria-busy={outcome.kind === 'computing'}
      >
        <h2 id="due-result-heading" className="section-heading" tabIndex={-1} ref={resultHeading}>
          {t.due.resultHeading}
        </h2>
        <div role="status">
          {outcome.kind === 'done' ? (
            <p className="due-main">
              {t.due.dueAt}: <strong className="due-at">{formatInstant(t, outcome.due.dueAt)}</strong>
            </p>
          ) : outcome.kind === 'computing' ? (
            <p className="muted">{t.due.computing}</p>
          ) : null}
        </div>
        {outcome.kind === 'done' ? (
          <>
            <p>
              {t.due.countedFrom}: {formatInstant(t, outcome.due.countedFrom)}
            </p>
            {outcome.due.provisional ? <p className="note-warning">{t.due.provisional}</p> : null}
            <p className="muted">{t.due.calendarVersion(outcome.due.calendarVersion)}</p>
            <h3 className="subsection-heading">{t.due.trailHeading}</h3>
            <DueTrail explanation={outcome.due.explanation} />
            {user && outcome.agency ? (
              <p>
                <Link to={officeHoursPath(outcome.agency)}>{t.due.officeHoursLink}</Link>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </Page>
  );
}
