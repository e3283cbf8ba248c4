// /tra-cuu and /tra-cuu/<code>: the public lookup of a dossier. The QR code on every slip opens
// /tra-cuu/<code> (server/modules/slips/slip-qr.ts), so the address itself carries the code and the
// answer can be shared; a new code typed replaces the address. The applicant's 4 last digits, when
// given, stay in the page's state: never in an address that is shared or kept in the history (typed
// with a new code, they are handed to that code's page in memory).
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { lookupPath, PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { LookupForm, LookupResult, useLookup, type LookupAsk } from './lookup.tsx';
import './citizen.css';

/**
 * The digits asked for with a new code, handed to the page of that code: the address changes, so the
 * page is mounted anew (app.tsx keys it by code) and its own state starts empty. Taken once, and only
 * by the page of the code they were given with.
 */
let handedOver: LookupAsk | null = null;

function takeHandedOver(code: string | null): string {
  const ask = handedOver;
  handedOver = null;
  return ask !== null && ask.code === code ? ask.digits : '';
}

export function LookupPage({ code }: { code: string | null }) {
  const { t } = useI18n();
  const c = t.citizen.lookup;
  const { navigate } = useRouter();
  const [digits, setDigits] = useState(() => takeHandedOver(code));
  const lookup = useLookup({ code: code ?? '', digits });
  return (
    <Page
      title={code ? `${c.title} ${code}` : c.title}
      heading={c.title}
      intro={c.intro}
      className="citizen-page"
    >
      <LookupForm
        key={code ?? ''}
        initial={{ code: code ?? '', digits }}
        onLookup={(next) => {
          setDigits(next.digits);
          if (next.code !== code) {
            handedOver = next;
            navigate(lookupPath(next.code), { replace: code !== null });
          }
        }}
      />
      <LookupResult lookup={lookup} />
      <p className="muted">{c.privacy}</p>
      <ul className="page-links">
        <li>
          <Link to={PATHS.myDossiers}>{t.citizen.myDossiers.title}</Link>
        </li>
        <li>
          <Link to={PATHS.portal}>{t.portal.title}</Link>
        </li>
      </ul>
    </Page>
  );
}
