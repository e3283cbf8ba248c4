// "Thu phí tại quầy": a desk officer of the receiving agency takes the fees in cash or by transfer,
// sent with an Idempotency-Key so that a double submit never takes the money twice.
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { DESK_PAYMENT_METHODS } from '../../../common/contracts/payments.ts';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { formatVnd } from '../catalog/catalog-format.ts';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { deskPaymentBody, EMPTY_DESK_PAYMENT, type DeskPaymentValues } from './desk-payment.ts';
import { payAtDesk } from './payments-api.ts';

const REF_ID = 'desk-transfer-ref';

export function DeskPaymentForm({
  code,
  outstanding,
  onDone,
}: {
  code: string;
  outstanding: number;
  onDone: (receipt: string) => void;
}) {
  const { t } = useI18n();
  const c = t.payments.desk;
  const form = useForm<DeskPaymentValues>({ defaultValues: EMPTY_DESK_PAYMENT, shouldFocusError: false });
  const { errors } = form.formState;
  const method = form.watch('method');
  // One key per intended payment: a retry after a lost answer is the same payment.
  const key = useRef(newIdempotencyKey());
  const summary = useRef<HTMLHeadingElement>(null);
  const focusSummary = () => window.setTimeout(() => summary.current?.focus(), 0);

  const pay = useMutation({
    mutationFn: (values: DeskPaymentValues) => payAtDesk(code, deskPaymentBody(values), key.current),
    onSuccess: (answer) => {
      key.current = newIdempotencyKey();
      onDone(answer.payment.receiptNumber ?? '');
    },
    onError: focusSummary,
  });

  const onSubmit = form.handleSubmit((values) => {
    if (!pay.isPending) pay.mutate(values);
  }, focusSummary);

  const refError = errors.transferReference?.message;
  const problems: Problem[] = refError
    ? [{ message: refError, fieldId: REF_ID, label: c.transferReference }]
    : pay.error instanceof ApiError && pay.error.details.length > 0
      ? pay.error.details.map((d) => ({ message: d.message }))
      : pay.isError
        ? [{ message: errorText(t, pay.error) }]
        : [];

  return (
    <section className="panel desk-payment" aria-labelledby="desk-payment-heading">
      <h3 id="desk-payment-heading" className="panel-heading">
        {c.heading}
      </h3>
      <ErrorSummary title={c.failed} problems={problems} headingRef={summary} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="field radio-group">
          <legend>{c.method}</legend>
          {DESK_PAYMENT_METHODS.map((m) => (
            <div className="field-checkbox" key={m}>
              <input type="radio" id={`desk-method-${m}`} value={m} {...form.register('method')} />
              <label htmlFor={`desk-method-${m}`}>{c[m]}</label>
            </div>
          ))}
        </fieldset>
        {method === 'transfer' ? (
          <div className={refError ? 'field field-invalid' : 'field'}>
            <label htmlFor={REF_ID}>{c.transferReference}</label>
            {refError ? (
              <p className="field-error" id={`${REF_ID}-error`}>
                {refError}
              </p>
            ) : null}
            <input
              type="text"
              id={REF_ID}
              maxLength={100}
              required
              aria-invalid={refError ? true : undefined}
              aria-describedby={refError ? `${REF_ID}-error` : undefined}
              {...form.register('transferReference', {
                shouldUnregister: true,
                validate: (v) => v.trim() !== '' || c.transferRequired,
              })}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="desk-payer">{c.payerName}</label>
          <input
            type="text"
            id="desk-payer"
            maxLength={300}
            autoComplete="name"
            {...form.register('payerName')}
          />
        </div>
        <div className="field">
          <label htmlFor="desk-note">{c.note}</label>
          <input type="text" id="desk-note" maxLength={2000} {...form.register('note')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={pay.isPending || undefined}>
            {pay.isPending ? c.sending : c.submit(formatVnd(t, outstanding))}
          </button>
        </div>
      </form>
    </section>
  );
}
