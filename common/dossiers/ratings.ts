// The applicant's satisfaction with a dossier's handling (đánh giá mức độ hài lòng): three levels, as
// the national portal and the service-quality index of Decision 766/QĐ-TTg count them (legal notes A8,
// T21). Given once per dossier, after the result has been returned (T21: RETURNED → RETURNED), and never
// a condition of receiving the result (A8). docs/domain/ratings.md.
import type { DossierStatus } from './statuses.ts';

export const SATISFACTION_LEVELS = ['very-satisfied', 'satisfied', 'unsatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_LABELS: Readonly<Record<SatisfactionLevel, string>> = {
  'very-satisfied': 'Rất hài lòng',
  satisfied: 'Hài lòng',
  unsatisfied: 'Không hài lòng',
};

/** The statuses in which the applicant may rate: the result has been handed over. */
export const RATABLE_STATUSES: readonly DossierStatus[] = ['returned'];

export const canRate = (status: string): boolean => (RATABLE_STATUSES as readonly string[]).includes(status);

export const MAX_RATING_COMMENT = 1000;

/** online: the signed-in applicant on the portal; counter: at the desk, entered by the desk officer (B20). */
export const RATING_CHANNELS = ['online', 'counter'] as const;

/**
 * The share of "satisfied" (very satisfied or satisfied) among the ratings, the figure QĐ 766 scores;
 * null when there is none.
 */
export function satisfiedRate(r: {
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
}): number | null {
  const total = r.verySatisfied + r.satisfied + r.unsatisfied;
  return total === 0 ? null : (r.verySatisfied + r.satisfied) / total;
}
