// /cong-dich-vu-cong/ho-so-cua-toi/<code>: one of the citizen's dossiers. Right after an online
// submission (`?moi=1`) it opens with the receipt: the code, the status, where to follow it. Then the
// status in the applicant's words, the agencies, the dates and the due date, the slips issued (the
// receipt once a desk accepted it), the papers (what was submitted, supplemented and issued, each file
// downloadable: dossier-papers.tsx), the result with its signed original and verification link
// (my-dossier-result.tsx), once the result is received the satisfaction rating
// (dossier-rating.tsx), the timeline of status changes, and what the
// applicant may do now (GET /dossiers/<code>/actions): supplement with files when asked, or withdraw,
// after a confirmation. Actions go with If-Match; 409 STALE_VERSION reloads and says why. The fees,
// read with the dossier, and paying them online: my-dossier-fees.tsx.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { lookupPath, PATHS } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { ActionButtons, ActionNotice, ReadFailed, useActionPanel } from '../dossiers/action-panel.tsx';
import { DossierFrame } from '../dossiers/dossier-frame.tsx';
import { DossierPapers } from '../dossiers/dossier-papers.tsx';
import { DossierRating } from '../dossiers/dossier-rating.tsx';
import { DossierNotifications } from '../notifications/dossier-notifications.tsx';
import { citizenQueries, type CitizenDossierView } from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { citizenStatusLabel, DOSSIER_CODE } from './citizen-format.ts';
import { MyDossierFees } from './my-dossier-fees.tsx';
import { MyDossierResult } from './my-dossier-result.tsx';
import { myActions, type MyActionKind } from './my-dossier-rules.ts';
import { Receipt, Slips, Summary, Timeline } from './my-dossier-summary.tsx';
import { SupplementForm } from './supplement-form.tsx';
import { WithdrawForm } from './withdraw-form.tsx';
import './citizen.css';

function Dossier({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.citizen.dossier;
  const { location } = useRouter();
  const fresh = new URLSearchParams(location.search).has('moi');
  const read = useQuery(citizenQueries.dossier(code));
  // Read with the dossier: the page shows once both answered (the fees may fail alone).
  const fees = useQuery(citizenQueries.fees(code));
  const invalidate = useInvalidate();
  /** After an action, a payment or a stale version: the dossier, its fees and the lists, again. */
  const reload = () => void invalidate(citizenQueries.all);
  const panel = useActionPanel<MyActionKind>(reload);

  if (read.isError) return <ReadFailed error={read.error} notFound={c.notFound} onRetry={reload} />;
  if (!read.data || fees.isPending)
    return (
      <p className="page-loading" role="status">
        {t.loading}
      </p>
    );

  const { view, actions } = read.data;
  const mine = myActions(actions);
  const common = {
    view,
    version: actions.version,
    onDone: (next: CitizenDossierView) => panel.onDone(c.done(citizenStatusLabel(t, next.status))),
    onStale: panel.onStale,
    onCancel: panel.onCancel,
  };

  return (
    <>
      <ActionNotice
        notice={panel.notice}
        noticeRef={panel.noticeRef}
        staleText={c.stale}
        otherwise={fresh ? <Receipt t={t} view={view} /> : null}
      />

      <Summary t={t} view={view} />

      {view.status === 'awaiting-supplement' ? <p className="note-warning">{c.supplementAsked}</p> : null}

      {mine.length > 0 ? (
        <section aria-labelledby="my-dossier-actions-heading" className="dossier-section">
          <h2 id="my-dossier-actions-heading" className="section-heading">
            {c.actionsHeading}
          </h2>
          <ActionButtons
            actions={mine.map((kind) => ({ kind, label: t.citizen.actions[kind] }))}
            open={panel.open}
            onToggle={panel.toggle}
            buttonsRef={panel.buttonsRef}
          />
          {panel.open === 'supplement' ? <SupplementForm key={`s-${actions.version}`} {...common} /> : null}
          {panel.open === 'withdraw' ? <WithdrawForm key={`w-${actions.version}`} {...common} /> : null}
        </section>
      ) : null}

      <MyDossierFees code={view.code} agencyName={view.receivingAgency.name} onPaid={reload} />

      <MyDossierResult t={t} view={view} />

      <Slips view={view} />

      <DossierNotifications code={view.code} audience="applicant" />

      {/* Read again whenever the dossier is (after an action or a payment). */}
      <DossierPapers code={view.code} reloadKey={read.dataUpdatedAt} />

      {view.status === 'returned' ? (
        <DossierRating code={view.code} audience="applicant" reloadKey={read.dataUpdatedAt} />
      ) : null}

      <Timeline view={view} />

      <p>
        <Link to={lookupPath(view.code)}>{c.publicLookup}</Link>
      </p>
    </>
  );
}

export function MyDossierPage({ code }: { code: string }) {
  const { t } = useI18n();
  const c = t.citizen.dossier;
  const valid = DOSSIER_CODE.test(code);
  return (
    <DossierFrame
      code={code}
      className="citizen-page my-dossier-page"
      back={{ to: PATHS.myDossiers, label: t.citizen.myDossiers.title }}
    >
      {!valid ? (
        <p className="inline-error">{c.invalidCode}</p>
      ) : (
        <CitizenGate>{() => <Dossier key={code} code={code} />}</CitizenGate>
      )}
    </DossierFrame>
  );
}
