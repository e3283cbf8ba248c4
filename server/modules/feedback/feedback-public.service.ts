// The published answers, for everyone (issue #18 scope 2; docs/domain/feedback.md "Published answers"):
// each PAKN published and not hidden, newest answer first, with what the public lookup shows of it —
// never the sender's phone, e-mail or address, their name only with their consent and the publisher's.
// Searched like the catalogue: the words folded without diacritics, each in the folded text written
// at `publish` (code, subject, content, answer).
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  FEEDBACK_KIND_LABELS,
  PUBLIC_FEEDBACK_PAGE_SIZE,
  type FeedbackKind,
  type PublicFeedbackListQuery,
  type PublishedFeedbackList,
} from '../../../common/contracts/feedback.ts';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';

/** What `publish` writes for the search: the published texts folded (common/text/fold.ts). */
export function publicSearchText(row: {
  code: string;
  subject: string;
  content: string;
  answer_text: string | null;
}): string {
  return foldVietnamese([row.code, row.subject, row.content, row.answer_text ?? ''].join(' '));
}

/** `GET /api/v1/public/feedback?q=&agencyCode=&page=`. */
export async function listPublishedFeedback(
  deps: Deps,
  q: PublicFeedbackListQuery,
): Promise<PublishedFeedbackList> {
  const page = q.page ?? 1;
  const pageSize = PUBLIC_FEEDBACK_PAGE_SIZE;
  let base = deps.db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.agency_id', 'f.agency_id')
    .where('f.status', '=', 'published')
    .where('f.hidden', '=', false);
  if (q.agencyCode !== undefined) base = base.where('a.code', '=', q.agencyCode);
  // Folded words hold only a-z, 0-9 and dots: nothing LIKE would read as a wildcard.
  for (const word of q.q === undefined ? [] : foldedWords(q.q))
    base = base.where(sql<boolean>`f.public_search_text LIKE ${`%${word}%`}`);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('agencies as aa', 'aa.agency_id', 'f.answer_agency_id')
      .select([
        'f.code',
        'f.kind',
        'f.subject',
        'f.content',
        'f.received_at',
        'f.answer_text',
        'f.delivered_at',
        'f.approved_at',
        'f.publish_consent',
        'f.publish_sender_data',
        'f.sender_name',
        'a.code as agency_code',
        'a.name as agency_name',
        'aa.code as answer_agency_code',
        'aa.name as answer_agency_name',
      ])
      .orderBy('f.delivered_at', 'desc')
      .orderBy('f.feedback_id', 'desc')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      code: r.code,
      kind: r.kind as FeedbackKind,
      kindLabel: FEEDBACK_KIND_LABELS[r.kind as FeedbackKind],
      subject: r.subject,
      content: r.content,
      agency: { code: r.agency_code, name: r.agency_name },
      receivedAt: new Date(r.received_at).toISOString(),
      answer: {
        text: r.answer_text ?? '',
        answeredAt: new Date(r.delivered_at ?? r.approved_at!).toISOString(),
        agency: {
          code: r.answer_agency_code ?? r.agency_code,
          name: r.answer_agency_name ?? r.agency_name,
        },
      },
      // The name only, and only with both the sender's consent and the publisher's choice.
      senderName: r.publish_consent && r.publish_sender_data ? r.sender_name : null,
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}
