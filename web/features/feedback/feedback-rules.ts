// What the feedback pages work out themselves (unit-tested in feedback-rules.test.ts): the code typed or
// scanned, the form's own checks before sending, the body sent, the error paths of the envelope mapped
// to the form's fields, the register's filters in the address, and figures in words.
import type { SubmitFeedbackBody } from '../../../common/contracts/feedback.ts';
import type { FeedbackKind, FeedbackStatus } from '../../../common/feedback/vocabulary.ts';

export { FEEDBACK_CODE } from '../../../common/feedback/vocabulary.ts';
const CODE_IN_TEXT = /PAKN\.[0-9]{8}\.[0-9]{4,6}/i;
/** The contract's sender phone pattern. */
export const PHONE = /^\+?[0-9 .-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The code in what was typed: any case, spaces around, or a whole lookup address. '' when nothing. */
export function feedbackCodeFromInput(text: string): string {
  const trimmed = text.trim();
  const found = CODE_IN_TEXT.exec(trimmed);
  return (found ? found[0] : trimmed).toUpperCase();
}

export type SendValues = {
  kind: FeedbackKind;
  subject: string;
  content: string;
  procedureCode: string;
  dossierCode: string;
  fullName: string;
  phone: string;
  email: string;
  address: string;
  consent: boolean;
};

export const EMPTY_SEND: SendValues = {
  kind: 'phan-anh',
  subject: '',
  content: '',
  procedureCode: '',
  dossierCode: '',
  fullName: '',
  phone: '',
  email: '',
  address: '',
  consent: false,
};

/** The form's fields, each with its element id (the error summary links to it). */
export const SEND_FIELDS = {
  kind: 'fb-kind-phan-anh',
  subject: 'fb-subject',
  content: 'fb-content',
  place: 'fb-place',
  procedureCode: 'fb-procedureCode',
  dossierCode: 'fb-dossierCode',
  files: 'fb-files',
  fullName: 'fb-fullName',
  phone: 'fb-phone',
  email: 'fb-email',
  address: 'fb-address',
  consent: 'fb-consent',
} as const;
export type SendField = keyof typeof SEND_FIELDS;

export type LocalProblem = 'required' | 'badPhone' | 'badEmail' | 'whereNeeded' | 'filesBusy';

/** The signed-in citizen's account as far as the sender goes (null: not signed in). */
export type SenderAccount = { fullName: string; phone: string | null; email: string | null } | null;

/**
 * What the browser can tell before sending; the server checks everything again. A signed-in citizen
 * types nothing unless the account lacks a phone or an e-mail (then those two are asked).
 */
export function sendProblems(
  v: SendValues,
  ctx: { citizen: SenderAccount; provinceCode: string | null; uploading: boolean },
): Partial<Record<SendField, LocalProblem>> {
  const out: Partial<Record<SendField, LocalProblem>> = {};
  if (v.subject.trim() === '') out.subject = 'required';
  if (v.content.trim() === '') out.content = 'required';
  if (!ctx.provinceCode && v.procedureCode.trim() === '' && v.dossierCode.trim() === '')
    out.place = 'whereNeeded';
  if (ctx.uploading) out.files = 'filesBusy';
  const c = ctx.citizen;
  if (!c && v.fullName.trim() === '') out.fullName = 'required';
  if (!c || !c.phone) {
    if (v.phone.trim() === '') out.phone = 'required';
    else if (!PHONE.test(v.phone.trim())) out.phone = 'badPhone';
  }
  if (!c || !c.email) {
    if (v.email.trim() === '') out.email = 'required';
    else if (!EMAIL.test(v.email.trim())) out.email = 'badEmail';
  }
  return out;
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * The body of POST /feedback: blanks left out. A signed-in citizen sends no sender (the account's), but
 * when the account lacks a phone or an e-mail, the sender with the account's name and what was typed.
 */
export function submitBody(
  v: SendValues,
  ctx: {
    citizen: SenderAccount;
    provinceCode: string | null;
    /** The place picked (a commune, ward or province of today's map): the server routes it. */
    unitCode?: string | null;
    files: readonly { fileId: string; uploadToken: string | null }[];
  },
): SubmitFeedbackBody {
  const body: SubmitFeedbackBody = { kind: v.kind, subject: v.subject.trim(), content: v.content.trim() };
  const procedureCode = given(v.procedureCode);
  const dossierCode = given(v.dossierCode);
  if (procedureCode) body.procedureCode = procedureCode;
  if (dossierCode) body.dossierCode = dossierCode.toUpperCase();
  if (ctx.provinceCode) body.provinceCode = ctx.provinceCode;
  if (ctx.unitCode) body.unitCode = ctx.unitCode;
  if (ctx.files.length > 0) {
    body.fileIds = ctx.files.map((f) => f.fileId);
    if (!ctx.citizen) body.fileTokens = ctx.files.map((f) => f.uploadToken ?? '');
  }
  const c = ctx.citizen;
  if (!c) {
    const address = given(v.address);
    body.sender = {
      fullName: v.fullName.trim(),
      phone: v.phone.trim(),
      email: v.email.trim(),
      ...(address ? { address } : {}),
    };
  } else if (!c.phone || !c.email) {
    body.sender = {
      fullName: c.fullName,
      phone: c.phone ?? v.phone.trim(),
      email: c.email ?? v.email.trim(),
    };
  }
  body.publishSenderConsent = v.consent;
  return body;
}

/** The form's field an error path names (`body/sender/phone` → phone; `body/fileIds/2` → files). */
export function sendFieldOf(path: string): SendField | null {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'body') parts.shift();
  const [head, sub] = parts;
  if (head === 'sender') return sub === 'phone' || sub === 'email' || sub === 'address' ? sub : 'fullName';
  if (head === 'agencyCode' || head === 'provinceCode' || head === 'unitCode') return 'place';
  if (head === 'fileIds' || head === 'fileTokens') return 'files';
  if (head === 'publishSenderConsent') return 'consent';
  if (head === 'kind' || head === 'subject' || head === 'content') return head;
  if (head === 'procedureCode' || head === 'dossierCode') return head;
  return null;
}

/** The province (GSO code) of a place picked: the first unit of its trail, or the place itself. */
export function provinceOf(
  place: { code: string; trail: readonly { code: string }[] } | null,
): string | null {
  if (!place) return null;
  const top = place.trail[0]?.code ?? place.code;
  return /^[0-9]{2}$/.test(top) ? top : null;
}

// ---------------------------------------------------------------------------------------------------
// The register's filters, kept in the address: ?trang-thai=<status>&han=<overdue|due-soon>&q=<words>

export type RegisterFilters = { status: FeedbackStatus | ''; due: 'overdue' | 'due-soon' | ''; q: string };

export function registerFilters(search: string, statuses: readonly string[]): RegisterFilters {
  const params = new URLSearchParams(search);
  const status = params.get('trang-thai') ?? '';
  const due = params.get('han') ?? '';
  return {
    status: statuses.includes(status) ? (status as FeedbackStatus) : '',
    due: due === 'overdue' || due === 'due-soon' ? due : '',
    q: (params.get('q') ?? '').slice(0, 100),
  };
}

export function registerSearch(f: RegisterFilters): string {
  const params = new URLSearchParams();
  if (f.status) params.set('trang-thai', f.status);
  if (f.due) params.set('han', f.due);
  if (f.q.trim()) params.set('q', f.q.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The list's query for the filters (what the server takes; blank words are not sent). */
export function registerAsk(f: RegisterFilters) {
  return {
    status: f.status || undefined,
    due: f.due || undefined,
    q: f.q.trim() === '' ? undefined : f.q.trim(),
  };
}

// ---------------------------------------------------------------------------------------------------
// The published answers' search and page, kept in the address: ?q=<words>&trang=<n>

export type PublishedFilters = { q: string; page: number };

export function publishedFilters(search: string): PublishedFilters {
  const params = new URLSearchParams(search);
  const page = Number(params.get('trang') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

export function publishedSearch(f: PublishedFilters): string {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.page > 1) params.set('trang', String(f.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The number of pages of `total` rows (at least one, so that "page 1 of 1" reads right when empty). */
export const pageCount = (total: number, pageSize: number): number =>
  Math.max(1, Math.ceil(total / pageSize));

/** A row's due-time tag. */
export function dueTag(row: { overdue: boolean; dueSoon: boolean }): 'overdue' | 'dueSoon' | null {
  return row.overdue ? 'overdue' : row.dueSoon ? 'dueSoon' : null;
}

/** May the sender rate it now: answered (published or sent) and not rated yet. */
export function rateable(view: { status: string; rating?: unknown }): boolean {
  return (view.status === 'published' || view.status === 'answered') && !view.rating;
}

/** A share (0…1) as a percentage with one decimal, in the interface's way of writing numbers. */
export function percentText(rate: number | null, lang: 'vi' | 'en'): string | null {
  if (rate === null) return null;
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return lang === 'vi' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** The current month so far, in Vietnam's civil dates (the report's default period). */
export function monthSoFar(now: Date): { from: string; to: string } {
  const vn = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return { from: `${vn.slice(0, 8)}01`, to: vn };
}
