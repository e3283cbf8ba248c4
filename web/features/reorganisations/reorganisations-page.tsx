// /quan-tri/sap-xep-don-vi (#16.3 "Reorganisation as an operation"): a province administrator plans a
// merge of wards and communes, previews what would be handed over and applies it; everyone signed in
// reads the reorganisations that handed work over to agencies within their reach, and a leader or
// administrator of the successor acknowledges each hand-over. Outcomes are announced and focused.
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { useInvalidate } from '../../app/query.ts';
import { useSession } from '../../app/session.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { orgQueries } from '../org/org-api.ts';
import { PlanEditor } from './plan-editor.tsx';
import { ReorganisationList } from './reorganisation-list.tsx';
import { ACKNOWLEDGER_ROLES, PLANNER_ROLES, reorganisationQueries } from './reorganisations-api.ts';

export function ReorganisationsPage() {
  const { t } = useI18n();
  const r = t.reorganisations;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles.map((g) => g.role) : [];
  const plans = roles.some((role) => PLANNER_ROLES.includes(role));
  const [notice, setNotice] = useState<Notice | null>(null);
  /** How many plans were applied here: each starts a new, empty form. */
  const [applied, setApplied] = useState(0);
  const invalidate = useInvalidate();
  return (
    <Page title={r.title} heading={r.title} intro={plans ? r.intro : r.introReader} className="reorg-page">
      <FocusedNotice notice={notice} />
      {plans ? (
        <PlanEditor
          key={applied}
          onApplied={(view) => {
            setApplied((n) => n + 1);
            setNotice({ text: r.applied(view.totals.openDossiers), warning: false });
            // The map changed: the unit tree, the pickers and the lists read it again.
            void invalidate(reorganisationQueries.all, orgQueries.all, ['places']);
          }}
        />
      ) : null}
      <ReorganisationList
        canAcknowledge={roles.some((role) => ACKNOWLEDGER_ROLES.includes(role))}
        onNotice={(text, warning) => setNotice({ text, warning })}
      />
    </Page>
  );
}
