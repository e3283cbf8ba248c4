// /tinh-han: the due-time explainer for the desk (and anyone: the computation is public). Start
// instant (default now), a time limit and an agency's office hours → the due time and the trail
// that explains it. The inputs can come in the address (?start=2026-11-23T10:00&value=2&unit=…),
// which is how the procedure page links here, and the address follows the last computation so that
// it can be shared.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { officeHoursPath, PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { computeDue, type DueQuery, type DueView } from './calendar-api.ts';
import { DUE_IDS, DueForm, OTHER } from './due-form.tsx';
import {
  checkDueInputs,
  dueAddress,
  dueDetailField,
  DUE_FIELDS,
  readDueInputs,
  type DueField,
  type DueInputs,
} from './due-inputs.ts';
import { DueTrail } from './due-trail.tsx';
import { editorFailure } from './editor-failure.ts';
import { ErrorSummary, type Problem } from './error-summary.tsx';
import { agenciesOf } from './office-hours-rows.ts';
import { formatInstant, nowLocalInput } from './vn-time.ts';

type Failure = { fields: Partial<Record<DueField, string>>; general: string[] };

function DueResult({ due, agency, linked }: { due: DueView; agency: string; linked: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        {t.due.countedFrom}: {formatInstant(t, due.countedFrom)}
      </p>
      {due.provisional ? <p className="note-warning">{t.due.provisional}</p> : null}
      <p className="muted">{t.due.calendarVersion(due.calendarVersion)}</p>
      <h3 className="subsection-heading">{t.due.trailHeading}</h3>
      <DueTrail explanation={due.explanation} />
      {linked && agency ? (
        <p>
          <Link to={officeHoursPath(agency)}>{t.due.officeHoursLink}</Link>
        </p>
      ) : null}
    </>
  );
}

export function DueTimePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { location } = useRouter();
  const [initial] = useState(() => readDueInputs(location.search, nowLocalInput()));
  const form = useForm<DueInputs>({
    defaultValues: { start: initial.start, value: initial.value, unit: initial.unit, agency: initial.agency },
  });
  const [unit, agency] = useWatch({ control: form.control, name: ['unit', 'agency'] });
  const [otherMode, setOtherMode] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<{ due: DueView; agency: string } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const compute = useMutation({ mutationFn: (query: DueQuery) => computeDue(query) });

  const user = session.status === 'signed-in' ? session.user : null;
  const agencies = user ? agenciesOf(user.roles) : [];
  const inList = agencies.some((a) => a.code === agency);
  const choice = otherMode || (agency !== '' && !inList) ? OTHER : agency;

  const failed = (next: Failure) => {
    setFailure(next);
    window.setTimeout(() => summaryHeading.current?.focus(), 0);
  };

  const run = (asked: DueInputs, focusResult: boolean) => {
    setDone(null);
    const checked = checkDueInputs(t, asked);
    if (!checked.ok) return failed({ fields: checked.fields, general: [] });
    setFailure(null);
    // Only the last computation's answer is shown (mutate's own callbacks fire for the last call).
    compute.mutate(checked.query, {
      onSuccess: (due) => {
        setDone({ due, agency: checked.query.agencyCode ?? '' });
        if (window.location.pathname === PATHS.dueTime)
          window.history.replaceState(null, '', dueAddress(PATHS.dueTime, asked));
        if (focusResult) window.setTimeout(() => resultHeading.current?.focus(), 0);
      },
      onError: (error) => {
        const result = editorFailure(t, error, dueDetailField, '');
        failed(result.kind === 'problems' ? result : { fields: {}, general: [] });
      },
    });
  };

  useEffect(() => {
    if (initial.auto) run(initial, false);
    // Once, for the inputs the address brought (`run` is new at each render, `initial` is not).
  }, [initial]);

  const submit = form.handleSubmit((values) => run(values, true));

  const labels: Record<DueField, string> = {
    start: t.due.start,
    value: t.due.value,
    unit: t.due.unit,
    agencyCode: choice === OTHER ? t.due.agencyCode : t.due.agency,
  };
  const problems: Problem[] = [];
  for (const f of DUE_FIELDS) {
    const message = failure?.fields[f];
    const fieldId = f === 'agencyCode' && choice === OTHER ? 'due-agency-code' : DUE_IDS[f];
    if (message) problems.push({ fieldId, label: labels[f], message });
  }
  for (const g of failure?.general ?? []) problems.push({ message: g });
  const computing = compute.isPending;

  return (
    <Page title={t.due.title} heading={t.due.heading} intro={t.due.intro} className="due-page">
      <ErrorSummary title={t.due.errorSummary} problems={problems} headingRef={summaryHeading} />
      <DueForm
        register={form.register}
        control={form.control}
        sameDay={unit === 'same-day'}
        choice={choice}
        onChoice={(next) => {
          setOtherMode(next === OTHER);
          form.setValue('agency', next === OTHER ? '' : next);
        }}
        agencies={agencies}
        errors={failure?.fields ?? {}}
        busy={computing}
        onSubmit={(event) => void submit(event)}
      />
      <section className="due-result" aria-labelledby="due-result-heading" aria-busy={computing}>
        <h2 id="due-result-heading" className="section-heading" tabIndex={-1} ref={resultHeading}>
          {t.due.resultHeading}
        </h2>
        <div role="status">
          {done && !computing ? (
            <p className="due-main">
              {t.due.dueAt}: <strong className="due-at">{formatInstant(t, done.due.dueAt)}</strong>
            </p>
          ) : computing ? (
            <p className="muted">{t.due.computing}</p>
          ) : null}
        </div>
        {done && !computing ? <DueResult due={done.due} agency={done.agency} linked={user !== null} /> : null}
      </section>
    </Page>
  );
}
