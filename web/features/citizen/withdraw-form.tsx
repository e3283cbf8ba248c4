// "Rút hồ sơ" on the citizen's dossier page: an optional reason, then a confirmation naming the
// dossier; sent with If-Match on the version read (409 STALE_VERSION: the page reloads and says why).
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { SendOrCancel } from '../../app/ui/form-actions.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { actOnMyDossier } from './citizen-api.ts';
import type { ActionOutcome } from './supplement-form.tsx';

export function WithdrawForm({ view, version, onDone, onStale, onCancel }: ActionOutcome) {
  const { t } = useI18n();
  const c = t.citizen.withdraw;
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLParagraphElement>(null);
  const key = useRef(newIdempotencyKey());

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      actOnMyDossier(view.code, 'withdraw', version, reason ? { reason } : {}, key.current),
    onMutate: () => setProblem(null),
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      key.current = newIdempotencyKey();
      setProblem(errorText(t, error));
    },
  });

  const onSubmit = form.handleSubmit(({ reason }) => {
    if (withdraw.isPending) return;
    if (!confirming) setConfirming(true);
    else withdraw.mutate(reason.trim());
  });

  return (
    <section className="panel action-form" aria-labelledby="withdraw-heading">
      <h3 id="withdraw-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {c.heading}
      </h3>
      <p>{c.intro}</p>
      {problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className="field">
          <label htmlFor="withdraw-reason">{c.reason}</label>
          <textarea
            id="withdraw-reason"
            rows={3}
            maxLength={2000}
            readOnly={confirming}
            {...form.register('reason')}
          />
        </div>
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question" tabIndex={-1} ref={confirmHeading} className="confirm-question">
              {c.question(view.code)}
            </p>
            <SendOrCancel
              className="button button-danger"
              label={c.confirm}
              sending={withdraw.isPending}
              onCancel={() => setConfirming(false)}
              cancelLabel={c.keep}
            />
          </div>
        ) : (
          <SendOrCancel className="button button-danger" label={c.start} onCancel={onCancel} />
        )}
      </form>
    </section>
  );
}
