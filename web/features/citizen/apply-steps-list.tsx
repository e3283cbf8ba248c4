// The apply page's steps, numbered, the current one marked: where the applicant is in the flow.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { STEPS, type Step } from './apply-steps.ts';

export function ApplySteps({ step }: { step: Step }) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const index = STEPS.indexOf(step);
  return (
    <ol className="apply-steps" aria-label={a.stepsLabel}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={
            i < index
              ? 'apply-step apply-step-done'
              : s === step
                ? 'apply-step apply-step-current'
                : 'apply-step'
          }
          aria-current={s === step ? 'step' : undefined}
        >
          <span className="apply-step-number" aria-hidden="true">
            {i + 1}
          </span>
          <span className="apply-step-label">{a.steps[s]}</span>
        </li>
      ))}
    </ol>
  );
}
