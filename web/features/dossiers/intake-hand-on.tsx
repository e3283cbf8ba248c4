// Receive and hand on in one act (#14): who takes the dossier's next step once the desk has received
// it. The workflow's next step and the active holders of its role at the agency performing it come from
// GET /dossiers/intake-next-step; the first of them is pre-selected, and the officer may choose another
// or keep the dossier at the desk. The intake sends the choice as `nextAssigneeId`; the server checks it
// again and records `accept` then `forward`.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Static } from 'typebox';
import type { IntakeNextStep } from '../../../common/contracts/dossiers.ts';
import { errorText } from '../../app/errors.ts';
import { apiGet } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { featureQueries } from '../../app/query.ts';
import { INTAKE_ID } from './intake-form.ts';
import { FormSection } from './schema-parts.tsx';

type NextStep = Static<typeof IntakeNextStep>;
type Where = {
  procedure: string;
  agencyCode: string;
  channel: 'direct' | 'postal';
  deskAgencyCode: string | null;
};

const readDossiers = featureQueries('dossiers');

export const nextStepQuery = (where: Where) =>
  readDossiers('intake-next-step', where, (signal) =>
    apiGet<NextStep>(
      '/api/v1/dossiers/intake-next-step',
      {
        procedure: where.procedure,
        agencyCode: where.agencyCode,
        channel: where.channel,
        ...(where.deskAgencyCode ? { deskAgencyCode: where.deskAgencyCode } : {}),
      },
      signal,
    ),
  );

const HAND_ON_ID = INTAKE_ID.handOn;

export function IntakeHandOn({
  where,
  value,
  onChange,
  incomplete,
  error,
}: {
  where: Where | null;
  value: string;
  onChange: (userId: string) => void;
  /** A component is marked missing: the dossier will be held with a supplement request instead. */
  incomplete: boolean;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const h = t.dossiers.handOn;
  const read = useQuery({
    ...nextStepQuery(where ?? { procedure: '', agencyCode: '', channel: 'direct', deskAgencyCode: null }),
    enabled: where !== null,
  });
  const next = read.data;
  // The first candidate is pre-selected once per step read; a choice the officer made is kept.
  const chosenFor = useRef<string | null>(null);
  const stepKey = next?.step ? `${next.step.agency.code}/${next.step.key}` : null;
  useEffect(() => {
    if (!next) return;
    if (chosenFor.current === stepKey) return;
    chosenFor.current = stepKey;
    onChange(next.people[0]?.id ?? '');
  }, [next, stepKey, onChange]);

  const hintId = `${HAND_ON_ID}-hint`;
  const errorId = `${HAND_ON_ID}-error`;
  let hint: string;
  if (where === null || read.isPending) hint = h.loading;
  else if (read.isError) hint = h.failed(errorText(t, read.error));
  else if (!next?.step) hint = h.none;
  else if (next.people.length === 0)
    hint = h.nobody(t.roles[next.step.role as keyof typeof t.roles] ?? next.step.role, next.step.agency.name);
  else
    hint = h.hint(
      next.step.name,
      t.roles[next.step.role as keyof typeof t.roles] ?? next.step.role,
      next.step.agency.name,
    );
  const choosable = next?.step && next.people.length > 0;

  return (
    <FormSection id="intake-hand-on-heading" heading={h.heading}>
      <div className={error ? 'field field-invalid' : 'field'}>
        {choosable ? <label htmlFor={HAND_ON_ID}>{h.label}</label> : null}
        <p className="hint" id={hintId} aria-live="polite">
          {hint}
        </p>
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : null}
        {choosable ? (
          <select
            id={HAND_ON_ID}
            value={value}
            aria-describedby={[hintId, error ? errorId : '', incomplete ? `${HAND_ON_ID}-incomplete` : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{h.keep}</option>
            {next.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName} ({p.username})
              </option>
            ))}
          </select>
        ) : null}
        {choosable && incomplete && value !== '' ? (
          <p className="hint" id={`${HAND_ON_ID}-incomplete`}>
            {h.incomplete}
          </p>
        ) : null}
      </div>
    </FormSection>
  );
}
