// Closing an agency from a day (POST /agencies/<code>/closure). The server refuses while anything is
// left to hand over, naming each thing (open dossiers, with the reorganisation that hands them over;
// agencies under it; staff roles): all of it shown in the summary, which takes the focus.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FieldFrame, FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { ErrorSummary } from '../calendar/error-summary.tsx';
import { vnDate } from '../../../common/time/vn-time.ts';
import { closeAgency, type AgencyDetail } from './org-admin-api.ts';
import { formFailure, type FormFailure } from './registry-rules.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function CloseAgencyForm({
  agency,
  onClosed,
  onCancel,
}: {
  agency: AgencyDetail;
  onClosed: (agency: AgencyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const o = t.orgAdmin;
  const id = 'registry-close';
  const today = vnDate(new Date());
  const [closedOn, setClosedOn] = useState(today);
  const [failure, setFailure] = useState<FormFailure<'closedOn'> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const close = useMutation({ mutationFn: (day: string) => closeAgency(agency.code, day) });

  const problems = [
    ...(failure?.fields.closedOn
      ? [{ message: failure.fields.closedOn, label: o.fields.closedOn, fieldId: `${id}-date` }]
      : []),
    ...(failure?.general ?? []).map((message) => ({ message })),
  ];

  return (
    <section className="editor" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="subsection-heading" tabIndex={-1} ref={heading}>
        {o.closeHeading(agency.name)}
      </h3>
      <ErrorSummary title={o.closeFailed} problems={problems} headingRef={summary} />
      <form
        className="editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (close.isPending) return;
          if (!ISO_DATE.test(closedOn)) {
            setFailure({ fields: { closedOn: o.chooseDate }, general: [] });
            return;
          }
          setFailure(null);
          close.mutate(closedOn, {
            onSuccess: onClosed,
            onError: (error) => setFailure(formFailure(t, error, ['closedOn'] as const)),
          });
        }}
      >
        <FieldFrame
          id={`${id}-date`}
          label={o.fields.closedOn}
          hint={o.closeHint}
          error={failure?.fields.closedOn}
          star
        >
          {(aria) => (
            <DateInput
              id={`${id}-date`}
              value={closedOn}
              max={today}
              onChange={setClosedOn}
              required
              {...aria}
            />
          )}
        </FieldFrame>
        <FormActions busy={close.isPending} texts={[o.close, o.closing, o.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
