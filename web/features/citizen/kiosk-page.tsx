// /kiosk: the screen of a self-service kiosk in the one-stop hall, in large type. Look a dossier up by
// holding the receipt's QR code to the scanner (it types the lookup address into the focused field and
// presses Enter) or by typing its code; find a procedure. The answer stays on this page, and the field
// is ready for the next person after a while without input.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { useRouter } from '../../app/router.tsx';
import { LookupForm, LookupResult, useLookup, type LookupAsk } from './lookup.tsx';
import './citizen.css';

/** A minute and a half without a key or a touch: the next person comes. */
const IDLE_MS = 90_000;

export function KioskPage() {
  const { t } = useI18n();
  const c = t.citizen.kiosk;
  const { navigate } = useRouter();
  const [ask, setAsk] = useState<LookupAsk>({ code: '', digits: '' });
  const code = ask.code;
  const [round, setRound] = useState(0);
  const search = useForm<{ query: string }>({ defaultValues: { query: '' } });
  const lookup = useLookup(ask);

  useEffect(() => {
    if (!code) return;
    let timer = window.setTimeout(reset, IDLE_MS);
    function reset() {
      setAsk({ code: '', digits: '' });
      setRound((n) => n + 1);
    }
    const touch = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reset, IDLE_MS);
    };
    window.addEventListener('keydown', touch);
    window.addEventListener('pointerdown', touch);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', touch);
      window.removeEventListener('pointerdown', touch);
    };
  }, [code]);

  const onSearch = search.handleSubmit(({ query }) =>
    navigate(withQuery(PATHS.portal, { q: query.trim() || undefined })),
  );

  return (
    <Page title={c.title} heading={c.heading} className="citizen-page kiosk">
      <section className="panel kiosk-panel" aria-labelledby="kiosk-lookup-heading">
        <h2 id="kiosk-lookup-heading" className="panel-heading">
          {c.lookupHeading}
        </h2>
        <p className="kiosk-scan">{c.scanHint}</p>
        <LookupForm key={round} initial={{ code: '', digits: '' }} onLookup={setAsk} autoFocus />
        <LookupResult lookup={lookup} />
        {code ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAsk({ code: '', digits: '' });
              setRound((n) => n + 1);
            }}
          >
            {c.another}
          </button>
        ) : null}
      </section>
      <section className="panel kiosk-panel" aria-labelledby="kiosk-search-heading">
        <h2 id="kiosk-search-heading" className="panel-heading">
          {c.searchHeading}
        </h2>
        <form
          role="search"
          className="lookup-form"
          onSubmit={(e) => void onSearch(e)}
          aria-label={c.searchHeading}
        >
          <div className="field">
            <label htmlFor="kiosk-procedure">{t.portal.searchLabel}</label>
            <p className="hint" id="kiosk-procedure-hint">
              {c.searchHint}
            </p>
            <div className="lookup-row">
              <input
                id="kiosk-procedure"
                type="search"
                autoComplete="off"
                maxLength={200}
                {...search.register('query')}
                aria-describedby="kiosk-procedure-hint"
              />
              <button type="submit" className="button button-primary">
                {c.search}
              </button>
            </div>
          </div>
        </form>
      </section>
    </Page>
  );
}
