// A new agency (POST /agencies, province administrators): its code in either legal form, name, kind
// (a province's or a commune's Public Administration Service Centre among them), unit, parent and
// whether it receives dossiers at a desk of its own. The server checks every field and names each.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldFrame, FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { createAgency, type AgencyDetail, type CreateAgencyBody } from './org-admin-api.ts';
import { AGENCY_KIND_CHOICES, formFailure, type FormFailure } from './registry-rules.ts';

const FIELDS = ['code', 'name', 'kind', 'unitCode', 'parentCode'] as const;
type Field = (typeof FIELDS)[number];
type Values = { code: string; name: string; kind: CreateAgencyBody['kind'] | ''; hasDesk: boolean };
const units = staffPlaces('unit');
const agencies = staffPlaces('agency');

export function CreateAgencyForm({
  onCreated,
  onCancel,
}: {
  onCreated: (agency: AgencyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const o = t.orgAdmin;
  const id = 'registry-new';
  const startAt = useOwnUnits();
  const { register, handleSubmit } = useForm<Values>({
    defaultValues: { code: '', name: '', kind: '', hasDesk: true },
  });
  const [unit, setUnit] = useState<PickedPlace | null>(null);
  const [parent, setParent] = useState<PickedPlace | null>(null);
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const create = useMutation({ mutationFn: createAgency });

  const onSubmit = (v: Values) => {
    if (create.isPending) return;
    const missing: FormFailure<Field>['fields'] = {};
    if (v.kind === '') missing.kind = o.chooseKind;
    if (!unit) missing.unitCode = o.chooseUnit;
    if (!parent) missing.parentCode = o.chooseParent;
    if (v.kind === '' || !unit || !parent) {
      setFailure({ fields: missing, general: [] });
      return;
    }
    setFailure(null);
    create.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        unitCode: unit.code,
        parentCode: parent.code,
        hasDesk: v.hasDesk,
      },
      { onSuccess: onCreated, onError: (error) => setFailure(formFailure(t, error, FIELDS)) },
    );
  };

  const labels: Record<Field, string> = {
    code: o.fields.code,
    name: o.fields.name,
    kind: o.fields.kind,
    unitCode: o.fields.unit,
    parentCode: o.fields.parent,
  };
  const problems: Problem[] = [
    ...FIELDS.filter((f) => failure?.fields[f]).map((f) => ({
      message: failure!.fields[f]!,
      label: labels[f],
      fieldId: `${id}-${f}`,
    })),
    ...(failure?.general ?? []).map((message) => ({ message })),
  ];
  const error = (f: Field) => failure?.fields[f];

  return (
    <section className="editor" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading" tabIndex={-1} ref={heading}>
        {o.createHeading}
      </h2>
      <ErrorSummary title={o.createFailed} problems={problems} headingRef={summary} />
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FieldFrame id={`${id}-code`} label={o.fields.code} hint={o.codeHint} error={error('code')} star>
          {(aria) => (
            <input
              id={`${id}-code`}
              type="text"
              className="code"
              maxLength={35}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              {...aria}
              {...register('code')}
            />
          )}
        </FieldFrame>
        <FieldFrame id={`${id}-name`} label={o.fields.name} error={error('name')} star>
          {(aria) => (
            <input
              id={`${id}-name`}
              type="text"
              lang="vi"
              maxLength={300}
              autoComplete="off"
              {...aria}
              {...register('name')}
            />
          )}
        </FieldFrame>
        <FieldFrame id={`${id}-kind`} label={o.fields.kind} hint={o.kindHint} error={error('kind')} star>
          {(aria) => (
            <select id={`${id}-kind`} {...aria} {...register('kind')}>
              <option value="">{o.chooseKind}</option>
              {AGENCY_KIND_CHOICES.map((k) => (
                <option key={k} value={k}>
                  {t.agencyKinds[k] ?? k}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <PlacePicker
          id={`${id}-unitCode`}
          label={o.fields.unit}
          source={units}
          what="unit"
          value={unit}
          onPick={setUnit}
          startAt={startAt}
          error={error('unitCode')}
          required
        />
        <PlacePicker
          id={`${id}-parentCode`}
          label={o.fields.parent}
          source={agencies}
          what="agency"
          value={parent}
          onPick={setParent}
          startAt={startAt}
          error={error('parentCode')}
          required
        />
        <div className="field field-checkbox">
          <input id={`${id}-hasDesk`} type="checkbox" {...register('hasDesk')} />
          <label htmlFor={`${id}-hasDesk`}>{o.fields.hasDesk}</label>
        </div>
        <FormActions busy={create.isPending} texts={[o.create, o.creating, o.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
