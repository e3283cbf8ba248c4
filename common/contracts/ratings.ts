// The applicant's rating of a dossier (common/dossiers/ratings.ts, docs/domain/ratings.md).
import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';
import { MAX_RATING_COMMENT, RATING_CHANNELS, SATISFACTION_LEVELS } from '../dossiers/ratings.ts';

export const RatingBody = Closed({
  level: Type.Enum(SATISFACTION_LEVELS, { description: 'Rất hài lòng, Hài lòng hoặc Không hài lòng' }),
  comment: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: MAX_RATING_COMMENT,
      description: 'Góp ý thêm (không bắt buộc)',
    }),
  ),
});
export type RatingBody = Static<typeof RatingBody>;

export const Rating = Closed({
  level: Type.Enum(SATISFACTION_LEVELS),
  label: Type.String(),
  comment: Nullable(Type.String()),
  /** online: the signed-in applicant; counter: chosen at the desk, entered by the desk officer. */
  channel: Type.Enum(RATING_CHANNELS),
  ratedAt: Type.String(),
});
export type Rating = Static<typeof Rating>;

export const RatingState = Closed({
  rating: Nullable(Rating),
  /** The caller is the applicant and may rate now (the result returned, not rated yet). */
  canRate: Type.Boolean(),
  /** The caller is a desk officer of the receiving agency and may record the applicant's rating now. */
  canRecordAtCounter: Type.Boolean(),
});
export type RatingState = Static<typeof RatingState>;
