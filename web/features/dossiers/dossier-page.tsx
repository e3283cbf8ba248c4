// /ho-so/<code>: one dossier for staff. Status, procedure, channel, where it was received, due time and
// the working time left (once the result is ready: its verdict, no clock); the applicant's contacts and
// address; the declaration rendered from its form (dossier-declaration.tsx); its papers with previews
// (components as given, files, supplements, results: dossier-papers.tsx); the result's number, date
// and signer; the slips its history has issued (receipt after acceptance …, PDF in a new tab); fees;
// the steps with their agencies, due times and handlers; the applicant's rating once returned; the actions the
// user may take now, each opening its inputs (action-form.tsx) and sent with If-Match: the version
// read. 409 STALE_VERSION: someone acted first; the page says so and reads it again. The history last.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { useRouter } from '../../app/router.tsx';
import { DossierFees } from '../payments/dossier-fees.tsx';
import { DossierFrame } from './dossier-frame.tsx';
import { personInputFor } from '../staff/person-picker.tsx';
import { ActionForm } from './action-form.tsx';
import { ActionButtons, ActionNotice, ReadFailed, useActionPanel } from './action-panel.tsx';
import { actionLabel, isDossierCode, statusLabel } from './dossier-format.ts';
import { DossierPapers } from './dossier-papers.tsx';
import { DossierRating } from './dossier-rating.tsx';
import { DossierDeclaration } from './dossier-declaration.tsx';
import {
  ApplicantDetails,
  DossierSection,
  History,
  ResultRecord,
  SlipLinks,
  Steps,
  Summary,
} from './dossier-view.tsx';
import { dossierQueries, slipsOf, slipUrl } from './dossiers-api.ts';
import { LegacyHistory } from './legacy-history.tsx';
import { DossierNotifications } from '../notifications/dossier-notifications.tsx';
import type { FormSchema } from './schema-form.tsx';

export function DossierPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { location } = useRouter();
  const valid = isDossierCode(code);
  const justReceived = new URLSearchParams(location.search).has('moi');
  const viewRead = useQuery({ ...dossierQueries.one(code), enabled: valid });
  const actionsRead = useQuery({ ...dossierQueries.actions(code), enabled: valid });
  const invalidate = useInvalidate();
  const reload = () => void invalidate(dossierQueries.all);
  const panel = useActionPanel<string>(reload);
  const failed = viewRead.isError ? viewRead.error : actionsRead.isError ? actionsRead.error : null;
  const load = viewRead.data && actionsRead.data ? { view: viewRead.data, actions: actionsRead.data } : null;

  return (
    <DossierFrame
      code={code}
      className="dossier-page"
      back={{ to: PATHS.dossiers, label: t.dossiers.worklistTitle }}
    >
      {!valid ? (
        <p className="inline-error">{t.dossiers.page.invalidCode}</p>
      ) : failed !== null ? (
        <ReadFailed error={failed} notFound={t.dossiers.page.notFound} onRetry={reload} />
      ) : load === null ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : (
        <>
          <ActionNotice
            notice={panel.notice}
            noticeRef={panel.noticeRef}
            staleText={t.dossiers.page.stale}
            otherwise={
              justReceived && load.view.history.some((h) => h.action === 'accept') ? (
                <div className="notice notice-success">
                  <p>{t.dossiers.page.received}</p>
                  <p>
                    <a
                      href={slipUrl(load.view.code, 'receipt')}
                      target="_blank"
                      rel="noopener"
                      className="button button-primary"
                    >
                      {t.dossiers.page.printReceipt}
                      <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
                    </a>
                  </p>
                </div>
              ) : null
            }
          />
          <Summary t={t} view={load.view} />

          <section aria-labelledby="dossier-actions-heading" className="dossier-section">
            <h2 id="dossier-actions-heading" className="section-heading">
              {t.dossiers.page.actionsHeading}
            </h2>
            {load.actions.items.length === 0 ? (
              <p className="muted">{t.dossiers.page.noActions}</p>
            ) : (
              <ActionButtons
                actions={load.actions.items.map((a) => ({ ...a, label: actionLabel(t, a.kind, a.label) }))}
                open={panel.open}
                onToggle={panel.toggle}
                buttonsRef={panel.buttonsRef}
                controls={(kind) => `action-${kind}-heading`}
              />
            )}
            {load.actions.items
              .filter((a) => a.kind === panel.open)
              .map((a) => (
                <ActionForm
                  key={`${a.kind}-${load.actions.version}`}
                  code={load.view.code}
                  version={load.actions.version}
                  kind={a.kind}
                  label={actionLabel(t, a.kind, a.label)}
                  inputs={a.inputs as FormSchema}
                  person={personInputFor(a.kind, load.view)}
                  onDone={(view) =>
                    panel.onDone(
                      t.dossiers.page.done(actionLabel(t, a.kind, a.label), statusLabel(t, view.status)),
                    )
                  }
                  onStale={panel.onStale}
                  onCancel={panel.onCancel}
                />
              ))}
          </section>

          <ApplicantDetails t={t} view={load.view} />

          <DossierDeclaration view={load.view} />

          <DossierPapers code={load.view.code} />

          <ResultRecord t={t} view={load.view} />

          <DossierSection id="dossier-slips-heading" heading={t.dossiers.page.slipsHeading}>
            <SlipLinks
              t={t}
              slips={slipsOf(load.view)}
              urlOf={(kind) => slipUrl(load.view.code, kind)}
              none={t.dossiers.page.noSlips}
            />
          </DossierSection>

          <DossierFees
            code={load.view.code}
            receivingAgencyCode={load.view.receivingAgency.code}
            onPaid={reload}
          />

          {load.view.status === 'returned' ? <DossierRating code={load.view.code} audience="staff" /> : null}

          <DossierNotifications code={load.view.code} audience="staff" />

          <DossierSection id="dossier-steps-heading" heading={t.dossiers.page.stepsHeading}>
            <Steps t={t} view={load.view} />
          </DossierSection>

          <DossierSection id="dossier-history-heading" heading={t.dossiers.page.historyHeading}>
            <History t={t} view={load.view} />
          </DossierSection>

          {load.view.legacy ? (
            <DossierSection id="dossier-legacy-heading" heading={t.dossiers.page.legacyHeading}>
              <LegacyHistory t={t} legacy={load.view.legacy} />
            </DossierSection>
          ) : null}
        </>
      )}
    </DossierFrame>
  );
}
