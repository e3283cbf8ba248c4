// Required papers (thành phần hồ sơ): name, originals and copies, the condition saying when and on
// which channel each is needed, how it is given, and the two flags intake reads (required on every
// channel; the paper is the declaration). Rows are added and removed.
import {
  SUBMISSION_KINDS,
  type DossierComponent,
  type SubmissionKind,
} from '../../../common/catalog/procedure.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { fieldId, newComponent, removeAt, updateAt, withFlag } from './draft-editor-state.ts';
import {
  AddButton,
  CheckField,
  NumberField,
  RemoveButton,
  SelectField,
  TextField,
  DataLegend,
} from './draft-fields.tsx';

export function ComponentsFields({
  components,
  onChange,
}: {
  components: readonly DossierComponent[];
  onChange: (components: DossierComponent[]) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const submissions = [
    { value: '' as const, label: d.submissionNone },
    ...SUBMISSION_KINDS.map((k) => ({ value: k, label: t.catalog.submission[k] })),
  ];
  const change = (i: number, next: (c: DossierComponent) => DossierComponent) =>
    onChange(updateAt(components, i, next));
  return (
    <>
      {components.map((c, i) => {
        const path = `components/${i}`;
        const legend = d.componentLegend(i + 1, c.name);
        return (
          <fieldset key={i} className="draft-row draft-component">
            <DataLegend label={d.componentLegend(i + 1, '')} name={c.name} />
            <TextField
              path={`${path}/name`}
              label={d.componentName}
              value={c.name}
              onChange={(name) => change(i, (x) => ({ ...x, name }))}
            />
            <div className="draft-inline">
              <NumberField
                path={`${path}/originals`}
                label={d.originals}
                value={c.originals}
                onChange={(originals) => change(i, (x) => ({ ...x, originals }))}
              />
              <NumberField
                path={`${path}/copies`}
                label={d.copies}
                value={c.copies}
                onChange={(copies) => change(i, (x) => ({ ...x, copies }))}
              />
              <SelectField<SubmissionKind>
                path={`${path}/submission`}
                label={d.submission}
                value={c.submission ?? ''}
                options={submissions}
                onChange={(s) => change(i, (x) => ({ ...x, submission: s === '' ? null : s }))}
              />
            </div>
            <TextField
              path={`${path}/condition`}
              label={d.condition}
              hint={d.conditionHint}
              value={c.condition ?? ''}
              onChange={(v) => change(i, (x) => ({ ...x, condition: v.trim() === '' ? null : v }))}
            />
            <CheckField
              id={fieldId(`${path}/required`)}
              label={d.required}
              checked={c.required === true}
              onChange={(on) => change(i, (x) => withFlag(x, 'required', on))}
            />
            <CheckField
              id={fieldId(`${path}/declaration`)}
              label={d.declaration}
              checked={c.declaration === true}
              onChange={(on) => change(i, (x) => withFlag(x, 'declaration', on))}
            />
            <RemoveButton
              label={d.removeComponent}
              what={legend}
              onClick={() => onChange(removeAt(components, i))}
            />
          </fieldset>
        );
      })}
      <AddButton label={d.addComponent} onClick={() => onChange([...components, newComponent()])} />
    </>
  );
}
