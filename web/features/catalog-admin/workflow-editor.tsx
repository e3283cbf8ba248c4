// The steps of one workflow (one procedure version, channel and scope): name, key, role, performer,
// share of the time limit, whether it may send back; add, remove, move up and down. The total of the
// shares is recomputed as the user types and announced politely ("Tổng tỷ lệ: 92 % … phải bằng
// 100 %"). Saving first checks the rows with validateWorkflow — the rule the server applies on save
// and again on publishing — and sends nothing while it finds a problem; what the server still
// refuses is shown the same way, beside the field its path names.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TimeLimit } from '../../../common/catalog/procedure.ts';
import {
  PERFORMER_KINDS,
  validateWorkflow,
  WORKFLOW_ROLES,
  type WorkflowRole,
} from '../../../common/catalog/workflow.ts';
import { AGENCY_KINDS } from '../../../common/contracts/org.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatNumber } from '../calendar/vn-time.ts';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import {
  familyOf,
  HOUR_UNIT,
  newRow,
  rowFromStep,
  shareTotal,
  stepFromRow,
  UNITS_OF,
  whereOf,
  type PerformerKind,
  type StepField,
  type StepRow,
} from './workflow-rows.ts';
import type { WorkflowData } from './catalog-admin-api.ts';

export const TOTAL_ID = 'wf-total';
export const CHANNEL_ID = 'wf-channel';
export const AGENCY_ID = 'wf-agency';
const fieldId = (rowId: string, field: StepField | 'up' | 'down' | 'remove'): string =>
  `wf-${rowId}-${field}`;

type Failure = {
  fields: Record<string, string>;
  total: string | null;
  channel: string | null;
  agency: string | null;
  general: string[];
};
const errorKey = (rowId: string, field: StepField): string => `${rowId}/${field}`;

function mapProblems(
  t: Messages,
  problems: readonly { path: string; message: string; code?: string }[],
  rows: readonly StepRow[],
): Failure {
  const out: Failure = { fields: {}, total: null, channel: null, agency: null, general: [] };
  for (const p of problems) {
    const message = detailText(t, p);
    const where = whereOf(p.path, rows);
    if (where.kind === 'field') out.fields[errorKey(where.rowId, where.field)] ??= message;
    else if (where.kind === 'total') out.total ??= message;
    else if (where.kind === 'channel') out.channel ??= message;
    else if (where.kind === 'agency') out.agency ??= message;
    else out.general.push(message);
  }
  return out;
}

export function limitText(t: Messages, limit: TimeLimit): string {
  const n = formatNumber(t, limit.value);
  if (limit.unit === null) return t.catalog.noUnit(n);
  const text = t.catalog.timeUnits[limit.unit](n);
  if (limit.unit.endsWith('hour')) return text;
  const family = familyOf(limit.unit);
  const hours = limit.value * (family === 'working' ? 8 : 24);
  return `${text} (${t.catalog.timeUnits[HOUR_UNIT[family]](formatNumber(t, hours))})`;
}

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
  const w = t.catalogAdmin.workflow;
  const total = shareTotal(rows, limit);
  let text: string;
  let bad = false;
  if (total.kind === 'no-limit') {
    text = w.totalNoLimit;
    bad = true;
  } else {
    const hours = (n: number) => t.catalog.timeUnits[HOUR_UNIT[total.family]](formatNumber(t, n));
    const head = w.total(
      formatNumber(t, total.percent),
      formatNumber(t, total.sumHours),
      hours(total.limitHours),
    );
    if (total.kind === 'ok') text = `${head} — ${w.totalOk}`;
    else if (total.kind === 'unknown') {
      text = `${head} — ${w.totalUnknown}`;
      bad = true;
    } else {
      const diff = hours(Math.abs(total.limitHours - total.sumHours));
      text = `${head} — ${total.kind === 'under' ? w.totalUnder(diff) : w.totalOver(diff)}`;
      bad = true;
    }
  }
  return (
    <div className={bad ? 'share-total share-total-bad' : 'share-total share-total-ok'}>
      <p id={TOTAL_ID} tabIndex={-1} aria-live="polite" aria-atomic="true">
        {bad ? <span className="visually-hidden">{w.totalFlag}: </span> : null}
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
  const [rows, setRows] = useState<StepRow[]>(() => data.steps.map(rowFromStep));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const limit = data.limit;
  const family = limit?.unit ? familyOf(limit.unit) : null;

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  useEffect(() => {
    if (failure) summaryHeading.current?.focus();
  }, [failure]);

  const clearError = (rowId: string, field: StepField) => {
    setFailure((f) => {
      if (!f) return f;
      const fields = { ...f.fields };
      delete fields[errorKey(rowId, field)];
      const touchesTotal = field === 'shareValue' || field === 'shareUnit';
      return { ...f, fields, total: touchesTotal ? null : f.total };
    });
  };
  const update = (rowId: string, field: StepField, change: Partial<StepRow>) => {
    setRows((all) => all.map((r) => (r.id === rowId ? { ...r, ...change } : r)));
    clearError(rowId, field);
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(target, 0, row!);
    setRows(next);
    setFailure(null);
    // Keep focus on the same button of the moved step, unless it now sits at that end.
    const edge = by === -1 ? target === 0 : target === rows.length - 1;
    setFocusTarget(fieldId(row!.id, edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'));
  };
  const remove = (index: number) => {
    const rest = rows.filter((_, i) => i !== index);
    setRows(rest);
    setFailure(null);
    const next = rest[index] ?? rest[index - 1];
    setFocusTarget(next ? fieldId(next.id, 'remove') : 'wf-add');
  };
  const add = () => {
    const unit = family ? HOUR_UNIT[family] : 'working-hour';
    const row = newRow(rows, unit);
    // Before the last step, which returns the result at the desk.
    const at = rows.length >= 2 ? rows.length - 1 : rows.length;
    setRows([...rows.slice(0, at), row, ...rows.slice(at)]);
    setFocusTarget(fieldId(row.id, 'name'));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || readOnly) return;
    const sent = rows;
    const steps = sent.map(stepFromRow);
    const local = validateWorkflow({ steps }, limit);
    if (local.length > 0) {
      const mapped = mapProblems(t, local, sent);
      setFailure(mapped);
      scopeProblems({ channel: mapped.channel, agency: mapped.agency });
      return;
    }
    setBusy(true);
    setFailure(null);
    scopeProblems({ channel: null, agency: null });
    try {
      const saved = await onSave(steps);
      onSaved(saved.version);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      const mapped =
        error instanceof ApiError && error.details.length > 0
          ? mapProblems(t, error.details, sent)
          : { fields: {}, total: null, channel: null, agency: null, general: [] };
      if (
        Object.keys(mapped.fields).length === 0 &&
        !mapped.total &&
        !mapped.channel &&
        !mapped.agency &&
        mapped.general.length === 0
      ) {
        mapped.general.push(
          error instanceof ApiError && error.status === 403 ? w.forbidden : errorText(t, error),
        );
      }
      setFailure(mapped);
      scopeProblems({ channel: mapped.channel, agency: mapped.agency });
    } finally {
      setBusy(false);
    }
  }

  const f = failure;
  const problems: Problem[] = [];
  if (f) {
    rows.forEach((row, i) => {
      for (const field of [
        'name',
        'key',
        'role',
        'performer',
        'agencyCode',
        'agencyKind',
        'shareValue',
        'shareUnit',
        'canSendBack',
      ] as const) {
        const message = f.fields[errorKey(row.id, field)];
        if (message)
          problems.push({
            message,
            label: `${w.stepLegend(i + 1, row.name)} – ${w.fields[field]}`,
            fieldId: fieldId(row.id, field),
          });
      }
    });
    if (f.total) problems.push({ message: f.total, label: w.totalLabel, fieldId: TOTAL_ID });
    if (f.channel) problems.push({ message: f.channel, label: w.channel, fieldId: CHANNEL_ID });
    if (f.agency) problems.push({ message: f.agency, label: w.agency, fieldId: AGENCY_ID });
    for (const g of f.general) problems.push({ message: g });
  }

  const errorOf = (row: StepRow, field: StepField) => f?.fields[errorKey(row.id, field)];
  const described = (id: string, error: string | undefined, hint?: string) =>
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

  const textField = (row: StepRow, field: 'name' | 'key' | 'agencyCode', label: string, hint?: string) => {
    const id = fieldId(row.id, field);
    const error = errorOf(row, field);
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          type="text"
          value={row[field]}
          spellCheck={field === 'name'}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={described(id, error, hint)}
          onChange={(e) => update(row.id, field, { [field]: e.target.value })}
        />
      </div>
    );
  };

  const selectField = <V extends string>(
    row: StepRow,
    field: 'role' | 'performer' | 'agencyKind' | 'shareUnit',
    label: string,
    options: readonly { value: V; label: string }[],
    onPick: (v: V) => Partial<StepRow>,
  ) => {
    const id = fieldId(row.id, field);
    const error = errorOf(row, field);
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <select
          id={id}
          value={row[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={described(id, error)}
          onChange={(e) => update(row.id, field, onPick(e.target.value as V))}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const unitOptions = (row: StepRow) => {
    const units = family ? [...UNITS_OF[family]] : [...UNITS_OF.working, ...UNITS_OF.calendar];
    if (!units.includes(row.shareUnit)) units.push(row.shareUnit);
    return units.map((u) => ({ value: u, label: w.units[u] }));
  };

  if (readOnly) {
    return (
      <section aria-labelledby="wf-steps-heading">
        <h2 id="wf-steps-heading" className="section-heading">
          {w.stepsHeading}
        </h2>
        <ol className="step-list">
          {rows.map((row, i) => (
            <li key={row.id} className="step">
              <span className="step-name">{w.stepLegend(i + 1, row.name)}</span>
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

  return (
    <section aria-labelledby="wf-steps-heading" className="workflow-editor">
      <h2 id="wf-steps-heading" className="section-heading">
        {w.stepsHeading}
      </h2>
      <ErrorSummary title={w.saveFailed} problems={problems} headingRef={summaryHeading} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <ol className="editor-rows">
          {rows.map((row, i) => {
            const legend = w.stepLegend(i + 1, row.name);
            const sendBackId = fieldId(row.id, 'canSendBack');
            const sendBackError = errorOf(row, 'canSendBack');
            return (
              <li key={row.id}>
                <fieldset className="editor-row editor-row-step">
                  <legend>{legend}</legend>
                  {textField(row, 'name', w.fields.name)}
                  {textField(row, 'key', w.fields.key, w.keyHint)}
                  {selectField<WorkflowRole>(
                    row,
                    'role',
                    w.fields.role,
                    WORKFLOW_ROLES.map((r) => ({ value: r, label: t.roles[r] })),
                    (role) => ({ role }),
                  )}
                  {selectField<PerformerKind>(
                    row,
                    'performer',
                    w.fields.performer,
                    PERFORMER_KINDS.map((k) => ({ value: k, label: w.performers[k] })),
                    (performer) => ({ performer }),
                  )}
                  {row.performer === 'named-agency'
                    ? textField(row, 'agencyCode', w.fields.agencyCode, w.agencyCodeHint)
                    : null}
                  {row.performer === 'agency-of-kind-above'
                    ? selectField(
                        row,
                        'agencyKind',
                        w.fields.agencyKind,
                        [
                          { value: '', label: w.chooseKind },
                          ...AGENCY_KINDS.map((k) => ({ value: k, label: t.agencyKinds[k] ?? k })),
                        ],
                        (agencyKind) => ({ agencyKind }),
                      )
                    : null}
                  <div className="share-fields">
                    {(() => {
                      const id = fieldId(row.id, 'shareValue');
                      const error = errorOf(row, 'shareValue');
                      return (
                        <div className={error ? 'field field-invalid' : 'field'}>
                          <label htmlFor={id}>{w.fields.shareValue}</label>
                          {error ? (
                            <p className="field-error" id={`${id}-error`}>
                              {error}
                            </p>
                          ) : null}
                          <input
                            id={id}
                            type="text"
                            inputMode="numeric"
                            autoComplete="off"
                            value={row.shareValue}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={[error ? `${id}-error` : '', TOTAL_ID]
                              .filter(Boolean)
                              .join(' ')}
                            onChange={(e) => update(row.id, 'shareValue', { shareValue: e.target.value })}
                          />
                        </div>
                      );
                    })()}
                    {selectField(row, 'shareUnit', w.fields.shareUnit, unitOptions(row), (shareUnit) => ({
                      shareUnit,
                    }))}
                  </div>
                  <div className={sendBackError ? 'field field-invalid' : 'field'}>
                    {sendBackError ? (
                      <p className="field-error" id={`${sendBackId}-error`}>
                        {sendBackError}
                      </p>
                    ) : null}
                    <div className="field-checkbox">
                      <input
                        id={sendBackId}
                        type="checkbox"
                        checked={row.canSendBack}
                        aria-invalid={sendBackError ? true : undefined}
                        aria-describedby={sendBackError ? `${sendBackId}-error` : undefined}
                        onChange={(e) => update(row.id, 'canSendBack', { canSendBack: e.target.checked })}
                      />
                      <label htmlFor={sendBackId}>{w.fields.canSendBack}</label>
                    </div>
                  </div>
                  {row.resolved ? <p className="muted step-agency">{w.resolved(row.resolved)}</p> : null}
                  <div className="editor-row-actions">
                    <button
                      type="button"
                      id={fieldId(row.id, 'up')}
                      className="button button-small"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      {w.moveUp}
                      <span className="visually-hidden"> – {legend}</span>
                    </button>
                    <button
                      type="button"
                      id={fieldId(row.id, 'down')}
                      className="button button-small"
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      {w.moveDown}
                      <span className="visually-hidden"> – {legend}</span>
                    </button>
                    <button
                      type="button"
                      id={fieldId(row.id, 'remove')}
                      className="button button-small"
                      onClick={() => remove(i)}
                    >
                      {w.remove}
                      <span className="visually-hidden"> – {legend}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button type="button" id="wf-add" className="button button-small" onClick={add}>
            {w.add}
          </button>
        </p>
        <ShareTotalLine t={t} rows={rows} limit={limit} error={f?.total ?? null} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? w.saving : w.save}
          </button>
        </div>
      </form>
    </section>
  );
}
