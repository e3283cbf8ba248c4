// Notification templates: the defaults shipped per event × channel, their validation (what a province
// administrator's override must satisfy) and their rendering with named placeholders, {maHoSo}.
// Rules: docs/domain/notifications.md. SMS are unaccented GSM-7 text, ≤ SMS_MAX_PARTS × 160
// characters once rendered with the longest sample values; ZNS parameters within ZNS's lengths.
import {
  NOTIFICATION_EVENTS,
  SMS_MAX_PARTS,
  SMS_PART_LENGTH,
  TEMPLATE_PLACEHOLDERS,
  ZNS_MESSAGE_MAX_LENGTH,
  ZNS_PARAM_MAX_LENGTH,
  type NotificationChannel,
  type NotificationEvent,
  type RenderedMessage,
  type TemplateBody,
  type TemplatePlaceholder,
} from '../contracts/notifications.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

export type PlaceholderValues = Partial<Record<TemplatePlaceholder, string>>;
export type TemplateProblem = { path: string; message: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Vietnamese text without its diacritics, keeping case and punctuation (đ → d, Đ → D). */
export function unaccent(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

// The GSM 03.38 basic character set (the extension table's characters count two and are refused).
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7.has(ch)) return false;
  return true;
}

/** Number of 160-character parts an SMS of this length takes (concatenated parts: 153 each). */
export function smsParts(length: number): number {
  return length <= SMS_PART_LENGTH ? 1 : Math.ceil(length / 153);
}

export const SMS_MAX_LENGTH = SMS_MAX_PARTS * 153;

export function fill(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name as TemplatePlaceholder] ?? '');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function defaultTemplate(event: NotificationEvent, channel: NotificationChannel): TemplateBody {
  return DEFAULT_TEMPLATES[event][channel];
}

/** The sample values, each as long as a real one may be for the length checks. */
export const SAMPLE_VALUES: PlaceholderValues = Object.fromEntries(
  Object.entries(TEMPLATE_PLACEHOLDERS).map(([k, v]) => [k, v.sample]),
);

function unknownPlaceholders(text: string, path: string): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!(m[1]! in TEMPLATE_PLACEHOLDERS))
      out.push({
        path,
        message: `Không có trường thay thế {${m[1]}}; các trường: ${Object.keys(TEMPLATE_PLACEHOLDERS)
          .map((p) => `{${p}}`)
          .join(', ')}.`,
      });
  }
  if (/[{}]/.test(text.replace(PLACEHOLDER, '')))
    out.push({ path, message: 'Dấu ngoặc { } chỉ dùng để bao tên trường thay thế.' });
  return out;
}

/** What is wrong with a template for a channel, field by field (paths under `base`, e.g. body). */
export function validateTemplate(
  channel: NotificationChannel,
  body: TemplateBody,
  base = 'body',
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const other of ['email', 'sms', 'zalo'] as const) {
    if (other !== channel && body[other] !== undefined)
      out.push({ path: `${base}/${other}`, message: `Mẫu của kênh ${channel} chỉ có phần ${channel}.` });
  }
  const part = body[channel];
  if (part === undefined) {
    out.push({ path: `${base}/${channel}`, message: `Nhập mẫu của kênh ${channel}.` });
    return out;
  }
  if (channel === 'email' && body.email) {
    for (const f of ['subject', 'text', 'html'] as const)
      out.push(...unknownPlaceholders(body.email[f], `${base}/email/${f}`));
  }
  if (channel === 'sms' && body.sms) {
    const path = `${base}/sms/text`;
    const text = body.sms.text;
    out.push(...unknownPlaceholders(text, path));
    if (unaccent(text) !== text) out.push({ path, message: 'Tin nhắn SMS phải viết không dấu.' });
    else if (!isGsm7(text.replace(PLACEHOLDER, '')))
      out.push({
        path,
        message: 'Tin nhắn SMS chỉ dùng ký tự GSM-7 (chữ không dấu, số, dấu câu thông thường).',
      });
    const rendered = unaccent(fill(text, SAMPLE_VALUES));
    if (rendered.length > SMS_MAX_LENGTH)
      out.push({
        path,
        message: `Tin nhắn SMS dài ${rendered.length} ký tự với dữ liệu mẫu; tối đa ${SMS_MAX_LENGTH} (${SMS_MAX_PARTS} tin × 153 ký tự).`,
      });
  }
  if (channel === 'zalo' && body.zalo) {
    const names = new Set<string>();
    let total = 0;
    body.zalo.params.forEach((p, i) => {
      const path = `${base}/zalo/params/${i}`;
      if (names.has(p.name)) out.push({ path: `${path}/name`, message: `Tham số ${p.name} bị lặp.` });
      names.add(p.name);
      out.push(...unknownPlaceholders(p.value, `${path}/value`));
      const max = ZNS_PARAM_MAX_LENGTH[p.kind];
      const rendered = fill(p.value, SAMPLE_VALUES);
      total += rendered.length;
      if (rendered.length > max)
        out.push({
          path: `${path}/value`,
          message: `Tham số ZNS loại ${p.kind} tối đa ${max} ký tự; với dữ liệu mẫu dài ${rendered.length}.`,
        });
    });
    if (total > ZNS_MESSAGE_MAX_LENGTH)
      out.push({
        path: `${base}/zalo/params`,
        message: `Nội dung ZNS tối đa ${ZNS_MESSAGE_MAX_LENGTH} ký tự.`,
      });
  }
  return out;
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The message of a template with these values. SMS: unaccented and cut at SMS_MAX_LENGTH (a value
 * longer than its sample); ZNS parameters cut at their kind's length; HTML values escaped.
 */
export function render(
  channel: NotificationChannel,
  body: TemplateBody,
  values: PlaceholderValues,
): RenderedMessage {
  const base = { channel, subject: null, html: null, zalo: null, smsParts: null };
  if (channel === 'email' && body.email) {
    const escaped = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, escapeHtml(v ?? '')]),
    ) as PlaceholderValues;
    return {
      ...base,
      subject: fill(body.email.subject, values).replace(/[\r\n]+/g, ' '),
      text: fill(body.email.text, values),
      html: fill(body.email.html, escaped),
    };
  }
  if (channel === 'sms' && body.sms) {
    const raw = unaccent(fill(body.sms.text, values));
    const text = raw.length > SMS_MAX_LENGTH ? raw.slice(0, SMS_MAX_LENGTH) : raw;
    return { ...base, text, smsParts: smsParts(text.length) };
  }
  if (channel === 'zalo' && body.zalo) {
    const params = Object.fromEntries(
      body.zalo.params.map((p) => [p.name, cut(fill(p.value, values), ZNS_PARAM_MAX_LENGTH[p.kind])]),
    );
    return {
      ...base,
      text: Object.entries(params)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
      zalo: { templateId: body.zalo.templateId, params },
    };
  }
  throw new Error(`template has no ${channel} part`);
}

export { NOTIFICATION_EVENTS };
