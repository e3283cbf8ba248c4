// The e-mails staff get of what lands in their worklist (issue #18, scope 4): one per arrival, or one
// summary a working day. Fixed Vietnamese texts (the province's templates are the applicant's); the
// values are escaped in the HTML part. docs/domain/notifications.md, "Staff".
import type { RenderedMessage } from '../contracts/notifications.ts';
import type { StaffArrival } from '../contracts/staff-notifications.ts';
import { vnCivil } from '../time/vn-time.ts';

/** One dossier or PAKN in a staff member's worklist, as an e-mail names it. */
export type ArrivalItem = {
  subject: 'dossier' | 'feedback';
  code: string;
  arrival: StaffArrival;
  /** The procedure's name (a dossier) or the PAKN's subject. */
  title: string;
  /** When it is due (ISO), if known. */
  dueAt: string | null;
  /** The staff app's page of the dossier or the PAKN. */
  link: string;
};

export type DigestInput = {
  fullName: string;
  /** The summary's day, YYYY-MM-DD (Vietnam). */
  day: string;
  items: readonly ArrivalItem[];
  dueSoon: number;
  overdue: number;
  /** The PAKN assigned to the person, due soon and overdue. */
  feedbackDueSoon: number;
  feedbackOverdue: number;
  /** The staff app's worklists. */
  worklistLink: string;
};

const ARRIVAL_WORDS: Record<StaffArrival, string> = {
  submitted: 'mới nộp trực tuyến, chờ tiếp nhận',
  assigned: 'được phân công cho bạn',
  transferred: 'được chuyển đến bước bạn xử lý',
  returned: 'được trả lại bước bạn xử lý',
  supplemented: 'đã được bổ sung',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy hh:mm in Vietnam. */
export function vnDateTime(iso: string): string {
  const c = vnCivil(iso);
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`;
}

const kindWord = (item: ArrivalItem) => (item.subject === 'dossier' ? 'Hồ sơ' : 'Phản ánh, kiến nghị');
const dueWords = (item: ArrivalItem) => (item.dueAt ? `hạn xử lý ${vnDateTime(item.dueAt)}` : 'chưa có hạn');

function line(item: ArrivalItem): string {
  return `${kindWord(item)} ${item.code} — ${item.title} — ${ARRIVAL_WORDS[item.arrival]}; ${dueWords(item)}: ${item.link}`;
}

function htmlItem(item: ArrivalItem): string {
  return `<li><a href="${escapeHtml(item.link)}">${escapeHtml(`${kindWord(item)} ${item.code}`)}</a> — ${escapeHtml(item.title)} — ${escapeHtml(ARRIVAL_WORDS[item.arrival])}; ${escapeHtml(dueWords(item))}</li>`;
}

const email = (subject: string, text: string, html: string): RenderedMessage => ({
  channel: 'email',
  subject,
  text,
  html,
  zalo: null,
  smsParts: null,
});

/** The e-mail of one arrival (the "immediate" choice). */
export function renderArrival(item: ArrivalItem): RenderedMessage {
  const subject = `${kindWord(item)} ${item.code} ${ARRIVAL_WORDS[item.arrival]}`;
  const text = [
    `${kindWord(item)} ${item.code} (${item.title}) ${ARRIVAL_WORDS[item.arrival]}.`,
    `Thời hạn: ${item.dueAt ? vnDateTime(item.dueAt) : 'chưa có'}.`,
    `Xem và xử lý: ${item.link}`,
    '',
    'Bạn nhận thư này vì đã chọn nhận thông báo công việc ngay khi có việc mới; đổi lựa chọn trong mục "Nhận thông báo công việc".',
  ].join('\n');
  const html = `<p>${escapeHtml(`${kindWord(item)} ${item.code}`)} (${escapeHtml(item.title)}) ${escapeHtml(ARRIVAL_WORDS[item.arrival])}.</p><p>Thời hạn: ${escapeHtml(item.dueAt ? vnDateTime(item.dueAt) : 'chưa có')}.</p><p><a href="${escapeHtml(item.link)}">Xem và xử lý</a></p>`;
  return email(subject, text, html);
}

/** The daily summary: what came in since the last one, and the due-soon and overdue counts. */
export function renderDigest(d: DigestInput): RenderedMessage {
  const [y, m, day] = d.day.split('-');
  const date = `${day}/${m}/${y}`;
  const subject = `Tóm tắt công việc ngày ${date}: ${d.items.length} việc mới, ${d.overdue} hồ sơ quá hạn`;
  const counts = `Hồ sơ sắp đến hạn: ${d.dueSoon}. Hồ sơ quá hạn: ${d.overdue}.`;
  const feedback = `Phản ánh, kiến nghị được giao cho bạn sắp đến hạn: ${d.feedbackDueSoon}. Quá hạn: ${d.feedbackOverdue}.`;
  const text = [
    `Kính gửi ${d.fullName},`,
    '',
    d.items.length === 0
      ? 'Không có việc mới kể từ bản tóm tắt trước.'
      : `Việc mới kể từ bản tóm tắt trước (${d.items.length}):`,
    ...d.items.map((i) => `- ${line(i)}`),
    '',
    counts,
    feedback,
    `Danh sách công việc: ${d.worklistLink}`,
  ].join('\n');
  const list =
    d.items.length === 0
      ? '<p>Không có việc mới kể từ bản tóm tắt trước.</p>'
      : `<p>Việc mới kể từ bản tóm tắt trước (${d.items.length}):</p><ul>${d.items.map(htmlItem).join('')}</ul>`;
  const html = `<p>Kính gửi ${escapeHtml(d.fullName)},</p>${list}<p>${escapeHtml(counts)}</p><p>${escapeHtml(feedback)}</p><p><a href="${escapeHtml(d.worklistLink)}">Danh sách công việc</a></p>`;
  return email(subject, text, html);
}
