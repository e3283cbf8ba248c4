// The feedback pages' words in the interface's language: the portal's and the staff's, each language in
// its own file beside the pages (they load with the pages' chunks, not with the app).
import { feedbackEnStaff } from './feedback-en-staff.ts';
import { feedbackEn } from './feedback-en.ts';
import { feedbackViStaff } from './feedback-vi-staff.ts';
import { feedbackVi } from './feedback-vi.ts';

const vi = { ...feedbackVi, staff: feedbackViStaff };
const en: typeof vi = { ...feedbackEn, staff: feedbackEnStaff };

export type FeedbackMessages = typeof vi;

export function feedbackMessages(lang: 'vi' | 'en'): FeedbackMessages {
  return lang === 'en' ? en : vi;
}
