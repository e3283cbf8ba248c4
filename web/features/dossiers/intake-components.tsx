// The intake's components (thành phần hồ sơ): each marked as handed in (original, copy …), reused
// from the applicant's store (with the records chosen), missing, or not marked.
import type { DossierComponent } from '../../../common/catalog/procedure.ts';
import { PROVIDED_VALUES } from '../../../common/contracts/dossiers.ts';
import { chooseDocument, type IntakeMark, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { applicantDocumentFileUrl } from '../documents/applicant-documents-api.ts';
import { ReuseChoice } from '../documents/reuse-choice.tsx';
import type { Lookup } from './intake-applicant.tsx';
import { INTAKE_ID } from './intake-form.ts';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { FormSection } from './schema-parts.tsx';
import { IntakeScans, NO_SCANS, type ComponentScans } from './intake-scans.tsx';

export function IntakeComponents({
  components,
  marks,
  onMark,
  fields,
  lookup,
  reused,
  onReused,
  scans,
  onScans,
  onUploading,
}: {
  components: readonly DossierComponent[];
  marks: readonly IntakeMark[];
  onMark: (index: number, mark: IntakeMark) => void;
  fields: Record<string, string>;
  lookup: Lookup;
  reused: ReuseChoices;
  onReused: (next: (all: ReuseChoices) => ReuseChoices) => void;
  /** Each component's scans taken at the counter (intake-scans.tsx). */
  scans: readonly ComponentScans[];
  onScans: (index: number, change: (current: ComponentScans) => ComponentScans) => void;
  onUploading: (index: number, uploading: boolean) => void;
}) {
  const { t } = useI18n();
  const found = lookup.kind === 'done' ? lookup.list.items : [];
  return (
    <FormSection id="intake-components-heading" heading={t.dossiers.intake.componentsHeading}>
      <p className="hint">{t.dossiers.intake.componentsHint}</p>
      <ol className="component-checklist">
        {components.map((c, i) => {
          const id = INTAKE_ID.component(i);
          const error = fields[`component/${i}`];
          const code = `TP${i + 1}`;
          return (
            <li key={i} className={error ? 'field field-invalid' : 'field'}>
              <label htmlFor={id}>
                <span className="code">{code}</span> {c.name}
              </label>
              {c.condition ? (
                <p className="hint" id={`${id}-hint`}>
                  {t.dossiers.intake.condition(c.condition)}
                </p>
              ) : null}
              <FieldError id={id} error={error} />
              <select
                id={id}
                value={marks[i] ?? ''}
                onChange={(e) => onMark(i, e.target.value as IntakeMark)}
                aria-invalid={error ? true : undefined}
                aria-describedby={
                  [error ? `${id}-error` : '', c.condition ? `${id}-hint` : ''].filter(Boolean).join(' ') ||
                  undefined
                }
              >
                <option value="">{t.dossiers.provided.none}</option>
                {PROVIDED_VALUES.map((p) => (
                  <option key={p} value={p}>
                    {t.dossiers.provided[p]}
                  </option>
                ))}
                <option value="missing">{t.dossiers.provided.missing}</option>
              </select>
              {marks[i] === '' || marks[i] === 'missing' || marks[i] === 'reused' ? null : (
                <IntakeScans
                  id={id}
                  label={`${code} ${c.name}`}
                  scans={scans[i] ?? NO_SCANS}
                  onChange={(change) => onScans(i, change)}
                  onUploading={(busy) => onUploading(i, busy)}
                />
              )}
              {marks[i] !== 'reused' ? null : found.length > 0 && lookup.kind === 'done' ? (
                <ReuseChoice
                  id={INTAKE_ID.reuse(i)}
                  code={code}
                  componentName={c.name}
                  documents={found}
                  chosen={reused[code] ?? []}
                  onChange={(documentId, chosen) =>
                    onReused((all) => chooseDocument(all, code, documentId, chosen))
                  }
                  error={fields[`reuse/${i}`]}
                  fileUrl={(documentId) => applicantDocumentFileUrl(lookup.idNumber, documentId)}
                />
              ) : (
                <p className="hint">
                  {lookup.kind === 'done' ? t.reuse.desk.noneToChoose : t.reuse.desk.notLooked}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </FormSection>
  );
}
