// Renaming, re-coding and moving an agency: the fields the user may change (the server's `may`), only
// what changed sent (PATCH /agencies/<code>); each field the server refuses shown beside it and in the
// summary, which takes the focus.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldFrame, FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { PlacePicker, useOwnUnits, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { staffPlaces } from '../org/org-api.ts';
import { updateAgency, type AgencyDetail } from './org-admin-api.ts';
import { agencyChanges, formFailure, type FormFailure } from './registry-rules.ts';

const FIELDS = ['name', 'code', 'parentCode'] as const;
type Field = (typeof FIELDS)[number];
const agencySource = staffPlaces('agency');

export function EditAgencyForm({
  agency,
  onSaved,
  onCancel,
}: {
  agency: AgencyDetail;
  onSaved: (agency: AgencyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const o = t.orgAdmin;
  const prefix = 'registry-edit';
  const { register, handleSubmit } = useForm<{ name: string; code: string }>({
    defaultValues: { name: agency.name, code: agency.code },
  });
  const [parent, setParent] = useState<PickedPlace | null>(
    agency.parent ? { ...agency.parent, trail: [] } : null,
  );
  const [failure, setFailure] = useState<FormFailure<Field> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  const startAt = useOwnUnits();
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateAgency>[1]) => updateAgency(agency.code, body),
  });

  const onSubmit = (values: { name: string; code: string }) => {
    if (save.isPending) return;
    const body = agencyChanges(
      { code: agency.code, name: agency.name, parentCode: agency.parent?.code ?? null },
      { ...values, parentCode: parent?.code ?? null },
    );
    if (body === null) {
      setFailure({ fields: {}, general: [o.nothingChanged] });
      return;
    }
    setFailure(null);
    save.mutate(body, { onSuccess: onSaved, onError: (error) => setFailure(formFailure(t, error, FIELDS)) });
  };

  const labels: Record<Field, string> = {
    name: o.fields.name,
    code: o.fields.code,
    parentCode: o.fields.parent,
  };
  const problems: Problem[] = [
    ...FIELDS.filter((f) => failure?.fields[f]).map((f) => ({
      message: failure!.fields[f]!,
      label: labels[f],
      fieldId: `${prefix}-${f}`,
    })),
    ...(failure?.general ?? []).map((message) => ({ message })),
  ];
  const error = (f: Field) => failure?.fields[f];

  return (
    <section className="editor" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="subsection-heading" tabIndex={-1} ref={heading}>
        {o.editHeading(agency.name)}
      </h3>
      <ErrorSummary title={o.saveFailed} problems={problems} headingRef={summary} />
      {!agency.may.recode ? <p className="hint">{o.renameOnly}</p> : null}
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FieldFrame id={`${prefix}-name`} label={o.fields.name} error={error('name')} star>
          {(aria) => (
            <input
              id={`${prefix}-name`}
              type="text"
              lang="vi"
              maxLength={300}
              autoComplete="off"
              readOnly={!agency.may.rename}
              {...aria}
              {...register('name')}
            />
          )}
        </FieldFrame>
        {agency.may.recode ? (
          <FieldFrame
            id={`${prefix}-code`}
            label={o.fields.code}
            hint={o.codeHint}
            error={error('code')}
            star
          >
            {(aria) => (
              <input
                id={`${prefix}-code`}
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
        ) : null}
        {agency.may.move ? (
          <PlacePicker
            id={`${prefix}-parentCode`}
            label={o.fields.parent}
            source={agencySource}
            what="agency"
            value={parent}
            onPick={setParent}
            startAt={startAt}
            error={error('parentCode')}
            required
          />
        ) : null}
        <FormActions busy={save.isPending} texts={[o.save, o.saving, o.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
