// The apply page's first step: the case (when the procedure has several), the competent agency, and
// the receiving desk when it is another one.
import type { UseFormReturn } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import { AgencyChoice } from './agency-choice.tsx';
import { ID, type ApplyValues } from './apply-steps.ts';
import { FieldError } from '../../app/ui/field-parts.tsx';

export function WhereStep({
  detail,
  form,
  fields,
}: {
  detail: ProcedureDetail;
  form: UseFormReturn<ApplyValues>;
  fields: Record<string, string>;
}) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const p = detail.procedure;
  const [agencyCode, otherDesk, deskCode] = form.watch(['agencyCode', 'otherDesk', 'deskCode']);
  const pick = (name: 'agencyCode' | 'deskCode') => (code: string) => form.setValue(name, code);
  return (
    <>
      {p.cases.length > 0 ? (
        <div className={fields.case ? 'field field-invalid' : 'field'}>
          <label htmlFor={ID.case}>{a.case}</label>
          <FieldError id={ID.case} error={fields.case} />
          <select
            id={ID.case}
            {...form.register('caseCode')}
            aria-describedby={fields.case ? `${ID.case}-error` : undefined}
          >
            <option value="">{a.ordinaryCase}</option>
            {p.cases.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {detail.offeredBy.length === 0 ? (
        <p className="note-warning">{t.procedure.where.none}</p>
      ) : (
        <AgencyChoice
          id={ID.agency}
          legend={a.agency}
          hint={a.agencyHint}
          agencies={detail.offeredBy}
          value={agencyCode}
          onChange={pick('agencyCode')}
          error={fields.agency}
        />
      )}
      <div className="field field-checkbox">
        <input
          id={ID.otherDesk}
          type="checkbox"
          {...form.register('otherDesk')}
          aria-describedby={`${ID.otherDesk}-hint`}
        />
        <label htmlFor={ID.otherDesk}>{a.otherDesk}</label>
      </div>
      <p className="hint" id={`${ID.otherDesk}-hint`}>
        {a.otherDeskHint}
      </p>
      {otherDesk ? (
        <AgencyChoice
          id={ID.desk}
          legend={a.desk}
          agencies={detail.offeredBy}
          value={deskCode}
          onChange={pick('deskCode')}
          error={fields.desk}
        />
      ) : null}
    </>
  );
}
