// The inputs of a template's editor (template-editor.tsx): a labelled text or textarea with its hint
// and the server's message beside it, and the ZNS parameters as rows (name, kind, value) added and
// removed. Ids are `template-<field>` (template-form.ts templateFieldId), which the error summary links.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { newParamKey, templateFieldId, ZNS_PARAM_KINDS, type ParamDraft } from './template-form.ts';

export function TextField({
  field,
  label,
  value,
  onChange,
  errors,
  hint,
  rows,
  after,
  lang,
}: {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Record<string, string>;
  hint?: string;
  /** A textarea of so many rows; else a one-line input. */
  rows?: number;
  /** Under the input: the SMS counter. */
  after?: ReactNode;
  /** The template's text is Vietnamese whatever the interface's language. */
  lang?: string;
}) {
  const id = templateFieldId(field);
  const error = errors[field];
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', after ? `${id}-after` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    lang,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': true,
  } as const;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={id} label={label} required hint={hint} />
      <FieldError id={id} error={error} />
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {after ? <div id={`${id}-after`}>{after}</div> : null}
    </div>
  );
}

export function ZaloParams({
  params,
  onChange,
  errors,
}: {
  params: ParamDraft[];
  onChange: (params: ParamDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const a = t.notifications.admin;
  const set = (key: number, patch: Partial<ParamDraft>) =>
    onChange(params.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <fieldset className="form-section" id={templateFieldId('params')} tabIndex={-1}>
      <legend>{a.zaloParams}</legend>
      <FieldError id={templateFieldId('params')} error={errors.params} />
      {params.map((p, i) => {
        const kindId = templateFieldId(`param-${i}-kind`);
        const kindError = errors[`param-${i}-kind`];
        return (
          <fieldset key={p.key} className="field-nested">
            <legend>{a.paramLegend(i + 1)}</legend>
            <TextField
              field={`param-${i}-name`}
              label={a.paramName}
              value={p.name}
              onChange={(name) => set(p.key, { name })}
              errors={errors}
            />
            <div className={kindError ? 'field field-invalid' : 'field'}>
              <label htmlFor={kindId}>{a.paramKind}</label>
              <FieldError id={kindId} error={kindError} />
              <select
                id={kindId}
                value={p.kind}
                aria-describedby={kindError ? `${kindId}-error` : undefined}
                onChange={(e) => set(p.key, { kind: e.target.value as ParamDraft['kind'] })}
              >
                {ZNS_PARAM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {a.paramKinds[k]}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              field={`param-${i}-value`}
              label={a.paramValue}
              value={p.value}
              onChange={(value) => set(p.key, { value })}
              errors={errors}
              lang="vi"
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => onChange(params.filter((x) => x.key !== p.key))}
            >
              {a.removeParam(i + 1)}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="button"
          onClick={() => onChange([...params, { key: newParamKey(), name: '', kind: 'text', value: '' }])}
        >
          {a.addParam}
        </button>
      </p>
    </fieldset>
  );
}
