// One step of the workflow editor as a fieldset: name, key, role, performer (and its agency or
// agency kind), share of the time limit, whether it may send back, and move up/down/remove. Each
// field shows its own problem, as the editor found it or the server named it.
import { DataLegend } from './draft-fields.tsx';
import { PERFORMER_KINDS, WORKFLOW_ROLES, type WorkflowRole } from '../../../common/catalog/workflow.ts';
import type { TimeUnit } from '../../../common/catalog/procedure.ts';
import { AGENCY_KINDS } from '../../../common/contracts/org.ts';
import { FieldFrame } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { PerformerKind, StepField, StepRow } from './workflow-rows.ts';

export const TOTAL_ID = 'wf-total';
export const stepFieldId = (rowId: string, field: StepField | 'up' | 'down' | 'remove'): string =>
  `wf-${rowId}-${field}`;

export function WorkflowStep({
  row,
  index,
  count,
  units,
  errorOf,
  onChange,
  onMove,
  onRemove,
}: {
  row: StepRow;
  index: number;
  count: number;
  units: readonly TimeUnit[];
  errorOf: (field: StepField) => string | undefined;
  onChange: (field: StepField, change: Partial<StepRow>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const w = t.catalogAdmin.workflow;
  // The step's label in the interface's language, its name as the catalogue's (Vietnamese) words.
  const legend = (
    <>
      {w.stepLegend(index + 1, '')}
      {row.name.trim() ? (
        <>
          : <span lang="vi">{row.name.trim()}</span>
        </>
      ) : null}
    </>
  );
  const id = (field: StepField | 'up' | 'down' | 'remove') => stepFieldId(row.id, field);

  const text = (field: 'name' | 'key' | 'agencyCode', hint?: string) => (
    <FieldFrame id={id(field)} label={w.fields[field]} hint={hint} error={errorOf(field)}>
      {(aria) => (
        <input
          id={id(field)}
          type="text"
          value={row[field]}
          spellCheck={field === 'name'}
          autoComplete="off"
          {...aria}
          onChange={(e) => onChange(field, { [field]: e.target.value })}
        />
      )}
    </FieldFrame>
  );
  const select = <V extends string>(
    field: 'role' | 'performer' | 'agencyKind' | 'shareUnit',
    options: readonly { value: V; label: string }[],
    pick: (v: V) => Partial<StepRow>,
  ) => (
    <FieldFrame id={id(field)} label={w.fields[field]} error={errorOf(field)}>
      {(aria) => (
        <select
          id={id(field)}
          value={row[field]}
          {...aria}
          onChange={(e) => onChange(field, pick(e.target.value as V))}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
  const sendBackError = errorOf('canSendBack');
  const button = (name: 'up' | 'down' | 'remove', label: string, onClick: () => void, disabled = false) => (
    <button type="button" id={id(name)} className="button button-small" disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden"> – {legend}</span>
    </button>
  );

  return (
    <fieldset className="editor-row editor-row-step">
      <DataLegend label={w.stepLegend(index + 1, '')} name={row.name} />
      {text('name')}
      {text('key', w.keyHint)}
      {select<WorkflowRole>(
        'role',
        WORKFLOW_ROLES.map((r) => ({ value: r, label: t.roles[r] })),
        (role) => ({ role }),
      )}
      {select<PerformerKind>(
        'performer',
        PERFORMER_KINDS.map((k) => ({ value: k, label: w.performers[k] })),
        (performer) => ({ performer }),
      )}
      {row.performer === 'named-agency' ? text('agencyCode', w.agencyCodeHint) : null}
      {row.performer === 'agency-of-kind-above'
        ? select(
            'agencyKind',
            [
              { value: '', label: w.chooseKind },
              ...AGENCY_KINDS.map((k) => ({ value: k, label: t.agencyKinds[k] ?? k })),
            ],
            (agencyKind) => ({ agencyKind }),
          )
        : null}
      <div className="share-fields">
        <FieldFrame
          id={id('shareValue')}
          label={w.fields.shareValue}
          error={errorOf('shareValue')}
          also={TOTAL_ID}
        >
          {(aria) => (
            <input
              id={id('shareValue')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={row.shareValue}
              {...aria}
              onChange={(e) => onChange('shareValue', { shareValue: e.target.value })}
            />
          )}
        </FieldFrame>
        {select(
          'shareUnit',
          units.map((u) => ({ value: u, label: w.units[u] })),
          (shareUnit) => ({ shareUnit }),
        )}
      </div>
      <div className={sendBackError ? 'field field-invalid' : 'field'}>
        {sendBackError ? (
          <p className="field-error" id={`${id('canSendBack')}-error`}>
            {sendBackError}
          </p>
        ) : null}
        <div className="field-checkbox">
          <input
            id={id('canSendBack')}
            type="checkbox"
            checked={row.canSendBack}
            aria-invalid={sendBackError ? true : undefined}
            aria-describedby={sendBackError ? `${id('canSendBack')}-error` : undefined}
            onChange={(e) => onChange('canSendBack', { canSendBack: e.target.checked })}
          />
          <label htmlFor={id('canSendBack')}>{w.fields.canSendBack}</label>
        </div>
      </div>
      {row.resolved ? <p className="muted step-agency">{w.resolved(row.resolved)}</p> : null}
      <div className="editor-row-actions">
        {button('up', w.moveUp, () => onMove(-1), index === 0)}
        {button('down', w.moveDown, () => onMove(1), index === count - 1)}
        {button('remove', w.remove, onRemove)}
      </div>
    </fieldset>
  );
}
