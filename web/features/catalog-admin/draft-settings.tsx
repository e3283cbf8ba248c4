// The draft's channels (the ways of applying it takes dossiers on), its declaration form (the generic
// one, or one shipped with the product) and its online public service level.
import {
  CHANNELS,
  ONLINE_LEVELS,
  type Channel,
  type OnlineLevel,
} from '../../../common/catalog/procedure.ts';
import { GENERIC_FORM, type DraftContent } from '../../../common/catalog/draft-content.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { fieldId, toggleChannel } from './draft-editor-state.ts';
import { CheckField, SelectField, useProblem } from './draft-fields.tsx';

export function ChannelsField({
  channels,
  onChange,
}: {
  channels: readonly Channel[];
  onChange: (channels: Channel[]) => void;
}) {
  const { t } = useI18n();
  const error = useProblem('channels')?.text;
  const id = fieldId('channels');
  return (
    <fieldset
      id={id}
      className="draft-row"
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{t.catalogAdmin.draft.channelsLegend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {CHANNELS.map((c) => (
        <CheckField
          key={c}
          id={fieldId(`channels/${c}`)}
          label={t.catalog.channels[c]}
          checked={channels.includes(c)}
          onChange={(on) => onChange(toggleChannel(channels, c, on))}
        />
      ))}
    </fieldset>
  );
}

export function FormField({
  value,
  forms,
  onChange,
}: {
  value: string;
  forms: readonly { id: string; title: string }[];
  onChange: (form: string) => void;
}) {
  const { t } = useI18n();
  const options = [
    { value: GENERIC_FORM, label: t.catalogAdmin.draft.genericForm },
    ...forms.map((f) => ({ value: f.id, label: f.title, lang: 'vi' as const })),
  ];
  return (
    <SelectField<string>
      path="form"
      label={t.catalogAdmin.draft.form}
      value={value}
      options={options}
      onChange={(form) => onChange(form === '' ? GENERIC_FORM : form)}
    />
  );
}

export function OnlineLevelField({
  content,
  onChange,
}: {
  content: DraftContent;
  onChange: (level: OnlineLevel | null) => void;
}) {
  const { t } = useI18n();
  const d = t.catalogAdmin.draft;
  const options = [
    { value: '' as const, label: d.onlineUnknown },
    ...ONLINE_LEVELS.map((l) => ({ value: l, label: t.catalog.onlineLevels[l] })),
  ];
  return (
    <SelectField<OnlineLevel>
      path="onlineLevel"
      label={d.onlineLevel}
      value={content.onlineLevel ?? ''}
      options={options}
      onChange={(level) => onChange(level === '' ? null : level)}
    />
  );
}
