// /quan-tri/co-quan: the agency registry (#16.2). An administrator finds an agency with the place picker
// and sees its electronic code (form and level), kind, unit, parent and receiving points; a unit or
// province administrator renames it and manages its desks; a province administrator also re-codes,
// moves, closes and adds agencies, and imports the province's code list (a trial run of every row, then
// "Áp dụng"). The server decides every change; each outcome is announced and focused.
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { useSession } from '../../app/session.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { AgencyPanel } from './agency-panel.tsx';
import { CreateAgencyForm } from './agency-create-form.tsx';
import { ImportSection } from './agency-import.tsx';

const agencySource = staffPlaces('agency');
const ADMIN_ROLES: readonly string[] = ['unit-admin', 'province-admin'];

export function AgencyRegistryPage() {
  const { t } = useI18n();
  const o = t.orgAdmin;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles.map((r) => r.role) : [];
  const isAdmin = roles.some((r) => ADMIN_ROLES.includes(r));
  const isProvinceAdmin = roles.includes('province-admin');
  const startAt = useOwnUnits();
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const say = (text: string, warning = false) => setNotice({ text, warning });

  return (
    <Page title={o.title} heading={o.title} intro={o.intro} className="agency-registry-page">
      {!isAdmin ? (
        <p className="notice notice-warning">{o.notAllowed}</p>
      ) : (
        <>
          <FocusedNotice notice={notice} />
          <section aria-labelledby="registry-find-heading" className="dossier-section">
            <h2 id="registry-find-heading" className="section-heading">
              {o.findHeading}
            </h2>
            <PlacePicker
              id="registry-agency"
              label={o.pick}
              source={agencySource}
              what="agency"
              value={picked}
              startAt={startAt}
              onPick={(place) => {
                setNotice(null);
                setCreating(false);
                setPicked(place);
              }}
            />
            {isProvinceAdmin && !creating ? (
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setNotice(null);
                    setCreating(true);
                  }}
                >
                  {o.create}
                </button>
              </p>
            ) : null}
          </section>
          {creating ? (
            <CreateAgencyForm
              onCreated={(agency) => {
                setCreating(false);
                setPicked({ code: agency.code, name: agency.name, trail: [] });
                say(o.created(agency.code));
              }}
              onCancel={() => setCreating(false)}
            />
          ) : null}
          {picked ? (
            <AgencyPanel
              key={picked.code}
              code={picked.code}
              onNotice={say}
              onChanged={(agency) => setPicked({ code: agency.code, name: agency.name, trail: picked.trail })}
            />
          ) : null}
          {isProvinceAdmin ? <ImportSection onNotice={say} /> : null}
        </>
      )}
    </Page>
  );
}
