// Result documents (kết quả thực hiện): name and the portal's result code. Rows are added and removed.
import type { ResultDocument } from '../../../common/catalog/procedure.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { newResult, removeAt, updateAt } from './draft-editor-state.ts';
import { AddButton, RemoveButton, TextField } from './draft-fields.tsx';

export function ResultsFields({
  results,
  onChange,
}: {
  results: readonly ResultDocument[];
  onChange: (results: ResultDocument[]) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const change = (i: number, patch: Partial<ResultDocument>) =>
    onChange(updateAt(results, i, (r) => ({ ...r, ...patch })));
  return (
    <>
      {results.map((r, i) => (
        <fieldset key={i} className="draft-row draft-inline">
          <legend>{d.resultLegend(i + 1)}</legend>
          <TextField
            path={`results/${i}/name`}
            label={d.resultName}
            value={r.name}
            onChange={(name) => change(i, { name })}
          />
          <TextField
            path={`results/${i}/code`}
            label={d.resultCode}
            value={r.code ?? ''}
            onChange={(code) => change(i, { code: code.trim() === '' ? null : code })}
          />
          <RemoveButton
            label={d.removeResult}
            what={d.resultLegend(i + 1)}
            onClick={() => onChange(removeAt(results, i))}
          />
        </fieldset>
      ))}
      <AddButton label={d.addResult} onClick={() => onChange([...results, newResult()])} />
    </>
  );
}
