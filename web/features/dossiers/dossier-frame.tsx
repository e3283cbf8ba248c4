// The frame of a dossier's page (the staff's and the citizen's): the heading with its code and the
// breadcrumb back to the list it was opened from.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Link } from '../../app/router.tsx';

export function DossierFrame({
  code,
  className,
  back,
  children,
}: {
  code: string;
  className: string;
  back: { to: string; label: string };
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = t.dossiers.page.heading(code);
  return (
    <Page title={heading} heading={heading} className={className}>
      <nav className="breadcrumb" aria-label={t.dossiers.page.breadcrumb}>
        <ol>
          <li>
            <Link to={back.to}>{back.label}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      {children}
    </Page>
  );
}
