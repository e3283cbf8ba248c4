// The intake's 422: the dossier was recorded as incomplete. What is missing, the supplement-request
// slip to print, the dossier's page, and a new intake.
import { useEffect, useRef } from 'react';
import { detailText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { dossierPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import type { IncompleteError } from './dossiers-api.ts';

export function IntakeIncomplete({
  incomplete,
  onStartOver,
}: {
  incomplete: IncompleteError;
  onStartOver: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel incomplete" aria-labelledby="incomplete-heading">
      <h2 id="incomplete-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {t.dossiers.intake.incompleteHeading(incomplete.dossierCode)}
      </h2>
      <p>{incomplete.message || t.dossiers.intake.incomplete}</p>
      <ul className="plain-list">
        {incomplete.details.map((d, i) => (
          <li key={i}>{detailText(t, d)}</li>
        ))}
      </ul>
      <div className="form-actions">
        <a className="button button-primary" href={incomplete.slip} target="_blank" rel="noopener">
          {t.dossiers.slips['supplement-request']}
          <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
        </a>
        <Link to={dossierPath(incomplete.dossierCode)} className="button">
          {t.dossiers.intake.openDossier}
        </Link>
        <button type="button" className="button" onClick={onStartOver}>
          {t.dossiers.intake.another}
        </button>
      </div>
    </section>
  );
}
