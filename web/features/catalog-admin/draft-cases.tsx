// Cases (trường hợp): each with its name, its own time limits per channel (empty: the procedure's
// apply) and its own fees (none: the procedure's apply). Rows are added and removed.
import type { Channel } from '../../../common/catalog/procedure.ts';
import type { DraftCase, DraftContent } from '../../../common/catalog/draft-content.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { emptyLimits, newCaseKey, removeAt, updateAt } from './draft-editor-state.ts';
import { AddButton, RemoveButton, TextField, DataLegend } from './draft-fields.tsx';
import { FeesFields } from './draft-fees.tsx';
import { LimitsFields } from './draft-limits.tsx';

export function CasesFields({
  content,
  channels,
  onChange,
}: {
  content: DraftContent;
  channels: readonly Channel[];
  onChange: (cases: DraftCase[]) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const cases = content.cases;
  const change = (i: number, patch: Partial<DraftCase>) =>
    onChange(updateAt(cases, i, (c) => ({ ...c, ...patch })));
  return (
    <>
      {cases.length === 0 ? <p className="muted">{d.noCases}</p> : null}
      {cases.map((c, i) => {
        const legend = d.caseLegend(i + 1, c.name);
        return (
          <fieldset key={c.key} className="draft-row draft-case">
            <DataLegend label={d.caseLegend(i + 1, '')} name={c.name} />
            <TextField
              path={`cases/${i}/name`}
              label={d.caseName}
              value={c.name}
              onChange={(name) => change(i, { name })}
            />
            <p className="hint">{d.caseLimitsHint}</p>
            <LimitsFields
              prefix={`cases/${i}/`}
              channels={channels}
              limits={c.timeLimits}
              onChange={(timeLimits) => change(i, { timeLimits })}
            />
            <h3 className="draft-subheading">{d.caseFees}</h3>
            <FeesFields prefix={`cases/${i}/`} fees={c.fees} onChange={(fees) => change(i, { fees })} />
            <RemoveButton label={d.removeCase} what={legend} onClick={() => onChange(removeAt(cases, i))} />
          </fieldset>
        );
      })}
      <AddButton
        label={d.addCase}
        onClick={() =>
          onChange([...cases, { key: newCaseKey(content), name: '', timeLimits: emptyLimits(), fees: [] }])
        }
      />
    </>
  );
}
