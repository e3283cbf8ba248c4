// A template's editor without React (template-editor.tsx shows what this decides): the draft from the
// template read, the body sent, the SMS counter, and where each of the server's messages belongs.
// The server decides what is accepted (docs/domain/notifications.md, "Templates"); the counter and the
// diacritics warning, computed by the server's own rules, only say early what it will say.
import type {
  NotificationChannel,
  TemplateBody,
  ZnsParamKind,
} from '../../../common/contracts/notifications.ts';
import {
  fill,
  SAMPLE_VALUES,
  SMS_MAX_LENGTH,
  smsParts,
  unaccent,
} from '../../../common/notifications/templates.ts';

export type ParamDraft = { key: number; name: string; kind: ZnsParamKind; value: string };
export type TemplateDraft = {
  subject: string;
  text: string;
  html: string;
  templateId: string;
  params: ParamDraft[];
};
export type Placeholder = { name: string; label: string; sample: string };

/** The longest SMS a template may render to with the sample values (the server's own rule). */
export const SMS_MAX = SMS_MAX_LENGTH;
/** The ZNS parameter kinds (ZNS_PARAM_MAX_LENGTH's keys), in the order offered. */
export const ZNS_PARAM_KINDS: readonly ZnsParamKind[] = [
  'name',
  'code',
  'status',
  'date',
  'amount',
  'contact',
  'address',
  'text',
  'link',
];

let nextKey = 1;
/** A key for a parameter row, so React keeps each row's inputs while rows are added and removed. */
export const newParamKey = (): number => nextKey++;

export function draftOf(template: TemplateBody): TemplateDraft {
  return {
    subject: template.email?.subject ?? '',
    text: template.email?.text ?? template.sms?.text ?? '',
    html: template.email?.html ?? '',
    templateId: template.zalo?.templateId ?? '',
    params: (template.zalo?.params ?? []).map((p) => ({ ...p, key: newParamKey() })),
  };
}

/** The body of PUT …/:event/:channel: the part of that channel only. */
export function bodyOf(channel: NotificationChannel, d: TemplateDraft): TemplateBody {
  if (channel === 'email') return { email: { subject: d.subject, text: d.text, html: d.html } };
  if (channel === 'sms') return { sms: { text: d.text } };
  return {
    zalo: {
      templateId: d.templateId.trim(),
      params: d.params.map(({ name, kind, value }) => ({ name: name.trim(), kind, value })),
    },
  };
}

/**
 * The SMS as the server counts it (common/notifications/templates.ts): the placeholders filled with the
 * sample values, unaccented; its length, the parts it takes, whether it is too long, and whether the
 * text typed still has diacritics (the server refuses it).
 */
export function smsMeasure(text: string): {
  length: number;
  parts: number;
  tooLong: boolean;
  accented: boolean;
} {
  const length = [...unaccent(fill(text, SAMPLE_VALUES))].length;
  return { length, parts: smsParts(length), tooLong: length > SMS_MAX, accented: unaccent(text) !== text };
}

/** The editor's field a detail names: `body/sms/text` → `text`, `body/zalo/params/1/value` → `param-1-value`. */
export function fieldOf(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '');
  const [, part, field, index, sub] = parts;
  if (parts[0] !== 'body' || !part) return null;
  if (part === 'email' && (field === 'subject' || field === 'text' || field === 'html')) return field;
  if (part === 'sms') return 'text';
  if (part === 'zalo' && field === 'templateId') return 'templateId';
  if (part === 'zalo' && field === 'params' && index !== undefined && /^\d+$/.test(index))
    return sub === 'name' || sub === 'kind' || sub === 'value'
      ? `param-${index}-${sub}`
      : `param-${index}-name`;
  if (part === 'zalo' && field === 'params') return 'params';
  return null;
}

export const templateFieldId = (field: string): string => `template-${field}`;
