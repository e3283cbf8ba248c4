// The steps of one workflow (one procedure version, channel and scope): name, key, role, performer,
// share of the time limit, whether it may send back; add, remove, move up and down. The total of the
// shares is recomputed as the user types and announced politely ("Tổng tỷ lệ: 92 % … phải bằng
// 100 %"). Saving first checks the rows with validateWorkflow — the rule the server applies on save
// and again on publishing — and sends nothing while it finds a problem; what the server still
// refuses is shown the same way, beside the field its path names.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { TimeLimit } from '../../../common/catalog/procedure.ts';
import { validateWorkflow } from '../../../common/catalog/workflow.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { currentRows } from '../calendar/calendar-rows.ts';
import { useFocusTarget } from '../calendar/editor-parts.tsx';
import type { WorkflowData } from './catalog-admin-api.ts';
import {
  familyOf,
  HOUR_UNIT,
  newRow,
  rowFromStep,
  STEP_FIELDS,
  stepFromRow,
  UNITS_OF,
  type StepField,
  type StepRow,
} from './workflow-rows.ts';
import { stepFieldId, TOTAL_ID, WorkflowStep } from './workflow-step.tsx';
import {
  errorKey,
  insertIndex,
  isEmptyFailure,
  mapProblems,
  moveStep,
  shareTotalText,
  type Failure,
} from './workflow-text.ts';

type StepValues = { steps: StepRow[] };

export { limitText } from './workflow-text.ts';
export { TOTAL_ID };
export const CHANNEL_ID = 'wf-channel';
export const AGENCY_ID = 'wf-agency';

function ShareTotalLine({
  t,
  rows,
  limit,
  error,
}: {
  t: Messages;
  rows: readonly StepRow[];
  limit: TimeLimit | null;
  error: string | null;
}) {
  const { text, bad } = shareTotalText(t, rows, limit);
  return (
    <div className={bad ? 'share-total share-total-bad' : 'share-total share-total-ok'}>
      <p id={TOTAL_ID} tabIndex={-1} aria-live="polite" aria-atomic="true">
        {bad ? <span className="visually-hidden">{t.catalogAdmin.workflow.totalFlag}: </span> : null}
        {text}
      </p>
      {error ? (
        <p className="field-error" id={`${TOTAL_ID}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ReadOnlySteps({ t, rows, limit }: { t: Messages; rows: StepRow[]; limit: TimeLimit | null }) {
  const w = t.catalogAdmin.workflow;
  return (
    <section aria-labelledby="wf-steps-heading">
      <h2 id="wf-steps-heading" className="section-heading">
        {w.stepsHeading}
      </h2>
      <ol className="step-list">
        {rows.map((row, i) => (
          <li key={row.id} className="step">
            <span className="step-name">
              {w.stepLegend(i + 1, '')}
              {row.name.trim() ? (
                <>
                  : <span lang="vi">{row.name.trim()}</span>
                </>
              ) : null}
            </span>
            <span className="step-meta">
              {t.roles[row.role]} · {w.performers[row.performer]}
              {row.resolved ? ` (${row.resolved})` : ''} ·{' '}
              {t.catalog.timeUnits[row.shareUnit](row.shareValue)}
            </span>
          </li>
        ))}
      </ol>
      <ShareTotalLine t={t} rows={rows} limit={limit} error={null} />
    </section>
  );
}

export function WorkflowEditor({
  data,
  readOnly,
  scopeProblems,
  onSave,
  onSaved,
  onStale,
}: {
  data: WorkflowData;
  readOnly: boolean;
  /** The channel and agency fields live on the page: their messages are reported upwards. */
  scopeProblems: (p: { channel: string | null; agency: string | null }) => void;
  onSave: (steps: ReturnType<typeof stepFromRow>[]) => Promise<{ version: number }>;
  onSaved: (version: number) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const w = t.catalogAdmin.workflow;
  const [defaultValues] = useState<StepValues>(() => ({ steps: data.steps.map(rowFromStep) }));
  const { control, handleSubmit, setValue } = useForm<StepValues>({ defaultValues });
  const steps = useFieldArray({ control, name: 'steps', keyName: 'fieldKey' });
  // Each field is controlled by the rows as watched: the total and the legends follow every key.
  const rows = currentRows(steps.fields, useWatch({ control, name: 'steps' }));
  const [failure, setFailure] = useState<Failure | null>(null);
  const focus = useFocusTarget();
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const save = useMutation({ mutationFn: onSave });
  const limit = data.limit;
  const family = limit?.unit ? familyOf(limit.unit) : null;

  useEffect(() => {
    if (failure) summaryHeading.current?.focus();
  }, [failure]);

  const update = (index: number, rowId: string, field: StepField, change: Partial<StepRow>) => {
    for (const [key, value] of Object.entries(change))
      setValue(`steps.${index}.${key as keyof Omit<StepRow, 'id'>}`, value as never);
    setFailure((f) => {
      if (!f) return f;
      const fields = { ...f.fields };
      delete fields[errorKey(rowId, field)];
      const touchesTotal = field === 'shareValue' || field === 'shareUnit';
      return { ...f, fields, total: touchesTotal ? null : f.total };
    });
  };
  const move = (index: number, by: -1 | 1) => {
    const moved = moveStep(rows, index, by);
    if (!moved) return;
    steps.move(index, index + by);
    setFailure(null);
    focus(stepFieldId(moved.moved.id, moved.focus));
  };
  const remove = (index: number) => {
    const rest = rows.filter((_, i) => i !== index);
    steps.remove(index);
    setFailure(null);
    const next = rest[index] ?? rest[index - 1];
    focus(next ? stepFieldId(next.id, 'remove') : 'wf-add');
  };
  const add = () => {
    const row = newRow(rows, family ? HOUR_UNIT[family] : 'working-hour');
    const at = insertIndex(rows.length);
    steps.insert(at, row, { shouldFocus: false });
    focus(stepFieldId(row.id, 'name'));
  };
  const fail = (mapped: Failure) => {
    setFailure(mapped);
    scopeProblems({ channel: mapped.channel, agency: mapped.agency });
  };

  function onSubmit({ steps: sent }: StepValues) {
    if (save.isPending || readOnly) return;
    const body = sent.map(stepFromRow);
    const local = validateWorkflow({ steps: body }, limit);
    if (local.length > 0) return fail(mapProblems(t, local, sent));
    setFailure(null);
    scopeProblems({ channel: null, agency: null });
    save.mutate(body, {
      onSuccess: (saved) => onSaved(saved.version),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'STALE_VERSION') return onStale();
        const details = error instanceof ApiError ? error.details : [];
        const mapped = mapProblems(t, details, sent);
        if (isEmptyFailure(mapped))
          mapped.general.push(
            error instanceof ApiError && error.status === 403 ? w.forbidden : errorText(t, error),
          );
        fail(mapped);
      },
    });
  }

  if (readOnly) return <ReadOnlySteps t={t} rows={rows} limit={limit} />;

  const f = failure;
  const problems: Problem[] = [];
  if (f) {
    rows.forEach((row, i) => {
      for (const field of STEP_FIELDS) {
        const message = f.fields[errorKey(row.id, field)];
        if (message)
          problems.push({
            message,
            label: `${w.stepLegend(i + 1, row.name)} – ${w.fields[field]}`,
            fieldId: stepFieldId(row.id, field),
          });
      }
    });
    if (f.total) problems.push({ message: f.total, label: w.totalLabel, fieldId: TOTAL_ID });
    if (f.channel) problems.push({ message: f.channel, label: w.channel, fieldId: CHANNEL_ID });
    if (f.agency) problems.push({ message: f.agency, label: w.agency, fieldId: AGENCY_ID });
    for (const g of f.general) problems.push({ message: g });
  }
  const unitsOf = (row: StepRow) => {
    const units = family ? [...UNITS_OF[family]] : [...UNITS_OF.working, ...UNITS_OF.calendar];
    if (!units.includes(row.shareUnit)) units.push(row.shareUnit);
    return units;
  };

  return (
    <section aria-labelledby="wf-steps-heading" className="workflow-editor">
      <h2 id="wf-steps-heading" className="section-heading">
        {w.stepsHeading}
      </h2>
      <ErrorSummary title={w.saveFailed} problems={problems} headingRef={summaryHeading} />
      <form noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <ol className="editor-rows">
          {rows.map((row, i) => (
            <li key={row.id}>
              <WorkflowStep
                row={row}
                index={i}
                count={rows.length}
                units={unitsOf(row)}
                errorOf={(field) => f?.fields[errorKey(row.id, field)]}
                onChange={(field, change) => update(i, row.id, field, change)}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              />
            </li>
          ))}
        </ol>
        <p>
          <button type="button" id="wf-add" className="button button-small" onClick={add}>
            {w.add}
          </button>
        </p>
        <ShareTotalLine t={t} rows={rows} limit={limit} error={f?.total ?? null} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={save.isPending || undefined}>
            {save.isPending ? w.saving : w.save}
          </button>
        </div>
      </form>
    </section>
  );
}
