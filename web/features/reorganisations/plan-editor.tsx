// The province administrator's plan of a merge: its name, legal basis and effective date, the wards
// and communes that end, the successor, and the hand-overs that follow. "Xem trước" asks the server what
// would move (nothing is written); "Thực hiện" applies the plan after a confirmation. A refusal's
// details (`body/handovers/0/from`) are shown beside their fields and in the error summary, focused.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { vnDate } from '../../../common/time/vn-time.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { useOwnUnits } from '../../app/ui/place-picker.tsx';
import { ErrorSummary } from '../calendar/error-summary.tsx';
import { formatShortDate } from '../calendar/vn-time.ts';
import {
  buildPlan,
  editHandover,
  handoverRows,
  newPlanForm,
  newRowId,
  parentUnitCode,
  planFailure,
  planKey,
  removeHandover,
  unitsToLookUp,
  withEnded,
  type PlanFailure,
  type PlanForm,
} from './plan-form.ts';
import { Handovers } from './plan-handovers.tsx';
import { PlanPreview } from './plan-preview.tsx';
import { fieldId, planProblems } from './plan-problems.ts';
import { Successor } from './plan-successor.tsx';
import { EndedUnits } from './plan-units.tsx';
import {
  applyPlan,
  previewPlan,
  type ReorganisationPreview,
  type ReorganisationView,
} from './reorganisations-api.ts';
import { useCommittees } from './use-committees.ts';

const today = () => vnDate(new Date());

export function PlanEditor({ onApplied }: { onApplied: (applied: ReorganisationView) => void }) {
  const { t } = useI18n();
  const r = t.reorganisations;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const province = roles.find((g) => g.role === 'province-admin')?.unitCode ?? null;
  const startAt = useOwnUnits();
  const [form, setForm] = useState<PlanForm>(() => newPlanForm(today()));
  const committees = useCommittees(unitsToLookUp(form, province));
  const rows = handoverRows(form, committees);
  const { plan, sent } = buildPlan(form, committees, province);
  const key = planKey(plan);
  const parentCode = parentUnitCode(form, null);
  const parentName = form.ended.find((e) => e.unit)?.unit?.trail.find((s) => s.code === parentCode)?.name;

  const [failure, setFailure] = useState<PlanFailure | null>(null);
  const [preview, setPreview] = useState<{ key: string; result: ReorganisationPreview } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const applyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (failure) summaryHeading.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const previewing = useMutation({ mutationFn: previewPlan });
  const applying = useMutation({ mutationFn: applyPlan });
  const busy = previewing.isPending || applying.isPending;
  const change = (next: PlanForm) => {
    setForm(next);
    setConfirming(false);
  };

  const send = (what: 'preview' | 'apply') => {
    if (busy) return;
    const asSent = { form, sent, rows, key };
    const refused = (error: unknown) => {
      setConfirming(false);
      setFailure(planFailure(t, error, asSent.form, asSent.sent, asSent.rows));
    };
    setFailure(null);
    if (what === 'preview') {
      previewing.mutate(plan, {
        onSuccess: (result) => setPreview({ key: asSent.key, result }),
        onError: refused,
      });
      return;
    }
    // Applied, the page starts a new form (it mounts this one again).
    applying.mutate(plan, { onSuccess: onApplied, onError: refused });
  };

  const errors = failure?.fields ?? {};
  const textField = (field: 'name' | 'basis', hint: string) => (
    <FieldFrame id={fieldId(field)} label={r.fields[field]} hint={hint} error={errors[field]} star>
      {(aria) => (
        <input
          id={fieldId(field)}
          type="text"
          required
          maxLength={300}
          autoComplete="off"
          value={form[field]}
          onChange={(e) => change({ ...form, [field]: e.target.value })}
          {...aria}
        />
      )}
    </FieldFrame>
  );

  return (
    <section className="editor reorg-editor" aria-labelledby="reorg-plan-heading">
      <h2 id="reorg-plan-heading" className="section-heading">
        {r.planHeading}
      </h2>
      <p className="hint">{r.planHint}</p>
      <ErrorSummary
        title={r.failed}
        problems={planProblems(t, failure, form, rows)}
        headingRef={summaryHeading}
      />
      <form
        className="editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send('preview');
        }}
      >
        {textField('name', r.fields.nameHint)}
        {textField('basis', r.fields.basisHint)}
        <FieldFrame
          id={fieldId('effectiveOn')}
          label={r.fields.effectiveOn}
          hint={r.fields.effectiveOnHint}
          error={errors.effectiveOn}
          star
        >
          {(aria) => (
            <DateInput
              id={fieldId('effectiveOn')}
              value={form.effectiveOn}
              onChange={(effectiveOn) => change({ ...form, effectiveOn })}
              required
              aria-invalid={aria['aria-invalid']}
              aria-describedby={aria['aria-describedby']}
            />
          )}
        </FieldFrame>
        <EndedUnits
          form={form}
          committees={committees}
          errors={errors}
          startAt={startAt}
          onChange={(ended) => change(withEnded(form, ended))}
        />
        <Successor
          form={form}
          committees={committees}
          errors={errors}
          startAt={startAt}
          parentName={parentName ?? null}
          onChange={(patch) => change({ ...form, ...patch })}
        />
        <Handovers
          rows={rows}
          errors={errors}
          startAt={startAt}
          onEdit={(k, side, agency) => change(editHandover(form, k, side, agency))}
          onRemove={(k) => change(removeHandover(form, k))}
          onAdd={() => {
            const id = newRowId();
            change({ ...form, extra: [...form.extra, { id, from: null, to: null }] });
            return id;
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {previewing.isPending ? r.previewing : r.preview}
          </button>
          <button
            type="button"
            ref={applyButton}
            className="button button-primary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) setConfirming(true);
            }}
          >
            {applying.isPending ? r.applying : r.apply}
          </button>
        </div>
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="reorg-confirm-question">
            <p id="reorg-confirm-question" tabIndex={-1} ref={question} className="confirm-question">
              {withData((name) => r.confirmQuestion(name, formatShortDate(form.effectiveOn)), plan.name)}
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="button button-danger"
                aria-disabled={busy || undefined}
                onClick={() => send('apply')}
              >
                {applying.isPending ? r.applying : r.confirm}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setConfirming(false);
                  applyButton.current?.focus();
                }}
              >
                {r.back}
              </button>
            </div>
          </div>
        ) : null}
      </form>
      {preview ? (
        <PlanPreview preview={preview.result} stale={preview.key !== key} headingRef={previewHeading} />
      ) : null}
    </section>
  );
}
