// The apply page's last step: everything the applicant is about to send, each part with a way back
// to the step that holds it.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import type { FormSchema } from '../dossiers/schema-form.tsx';
import type { UploadSlot } from './apply-rules.ts';
import type { ApplyValues, Step } from './apply-steps.ts';
import { fileSizeText } from './citizen-format.ts';
import type { CitizenView } from './citizen-http.ts';
import type { ApplicantDocumentItem } from './documents-api.ts';
import { Fact } from './fact.tsx';
import { effectiveNotifyBy } from '../notifications/notify-choice.ts';
import { notifyByText } from '../notifications/notification-words.ts';
import { FormReview } from './form-review.tsx';
import type { Uploads } from './file-upload.tsx';

/** One part of the review: its heading, and "Sửa" going back to the step that holds it. */
function ReviewSection({
  id,
  heading,
  step,
  onEdit,
  children,
}: {
  id: string;
  heading: string;
  step: Step;
  onEdit: (step: Step) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  return (
    <section className="review-section" aria-labelledby={`review-${id}-heading`}>
      <div className="review-heading">
        <h3 id={`review-${id}-heading`} className="subsection-heading">
          {heading}
        </h3>
        <button type="button" className="button button-small" onClick={() => onEdit(step)}>
          {a.edit}
          <span className="visually-hidden"> {a.steps[step]}</span>
        </button>
      </div>
      {children}
    </section>
  );
}

export function ReviewStep({
  t,
  detail,
  citizen,
  applicant,
  where,
  formData,
  uploads,
  slots,
  reused,
  onEdit,
}: {
  t: Messages;
  detail: ProcedureDetail;
  citizen: CitizenView;
  applicant: ApplyValues;
  where: { caseName: string | null; agencyName: string; deskName: string };
  formData: unknown;
  uploads: Uploads;
  slots: readonly UploadSlot[];
  reused: { code: string; document: ApplicantDocumentItem }[];
  onEdit: (step: Step) => void;
}) {
  const a = t.citizen.apply;
  const person = applicant.kind === 'person';
  return (
    <>
      <p>{a.reviewIntro}</p>
      <ReviewSection id="where" heading={a.steps.where} step="where" onEdit={onEdit}>
        <dl className="summary-list">
          <Fact label={t.procedure.title}>
            {detail.procedure.name} <span className="code muted">{detail.procedure.code}</span>
          </Fact>
          {where.caseName ? <Fact label={a.case}>{where.caseName}</Fact> : null}
          <Fact label={a.agency}>{where.agencyName}</Fact>
          <Fact label={a.desk}>{where.deskName}</Fact>
        </dl>
      </ReviewSection>
      <ReviewSection id="applicant" heading={a.applicantHeading} step="declaration" onEdit={onEdit}>
        <dl className="summary-list">
          <Fact label={a.applicant.fullName}>{person ? citizen.fullName : applicant.name}</Fact>
          <Fact label={person ? a.applicant.idNumber : a.applicant.taxCode} className="code">
            {person ? citizen.idNumberMasked : applicant.taxCode}
          </Fact>
          <Fact label={a.applicant.phone}>{applicant.phone}</Fact>
          {applicant.email.trim() ? <Fact label={a.applicant.email}>{applicant.email.trim()}</Fact> : null}
          <Fact label={t.notifications.choice.review}>
            {notifyByText(t, effectiveNotifyBy(applicant.notifyBy, applicant.email))}
          </Fact>
          {applicant.returnChannel ? (
            <Fact label={a.returnChannel}>{t.dossiers.page.returnChannels[applicant.returnChannel]}</Fact>
          ) : null}
        </dl>
      </ReviewSection>
      <ReviewSection
        id="declaration"
        heading={(detail.form as FormSchema).title ?? a.declarationHeading}
        step="declaration"
        onEdit={onEdit}
      >
        <FormReview schema={detail.form} value={formData} />
      </ReviewSection>
      <ReviewSection id="attachments" heading={a.steps.attachments} step="attachments" onEdit={onEdit}>
        <ul className="plain-list review-files">
          {slots.flatMap((s) =>
            uploads
              .entries(s.code)
              .filter((e) => e.status === 'done')
              .map((e) => (
                <li key={e.key}>
                  <span className="code">{s.code}</span> {e.name}{' '}
                  <span className="muted">({fileSizeText(t, e.size)})</span>
                </li>
              )),
          )}
          {reused.map((r) => (
            <li key={`${r.code}-${r.document.documentId}`}>
              <span className="code">{r.code}</span>{' '}
              {t.reuse.reviewReused(r.document.name, r.document.dossierCode)}
            </li>
          ))}
        </ul>
      </ReviewSection>
      <p className="note">{a.afterSubmit}</p>
    </>
  );
}
