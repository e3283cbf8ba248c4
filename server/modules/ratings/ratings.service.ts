// The applicant's rating of a dossier (docs/domain/ratings.md): read by whoever may read the dossier,
// given once by its applicant after the result was returned. The insert is the check: the dossier is
// the key, so of two ratings sent at once one is kept and the other is told the dossier was rated.
import type { Deps } from '../../deps.ts';
import type { CitizenActor, PersonCaller } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Rating, RatingBody, RatingState } from '../../../common/contracts/ratings.ts';
import { canRate, SATISFACTION_LABELS, type SatisfactionLevel } from '../../../common/dossiers/ratings.ts';
import { callerCanSee, isOwnDossier, loadRow } from '../dossiers/dossiers.service.ts';

const present = (r: { level: string; comment: string | null; rated_at: Date | string }): Rating => ({
  level: r.level as SatisfactionLevel,
  label: SATISFACTION_LABELS[r.level as SatisfactionLevel],
  comment: r.comment,
  ratedAt: new Date(r.rated_at).toISOString(),
});

export async function getRating(deps: Deps, caller: PersonCaller, code: string): Promise<RatingState> {
  const row = await loadRow(deps.db, code);
  if (!row || !(await callerCanSee(deps.db, caller, row)))
    throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  const rating = await deps.db
    .selectFrom('dossier_ratings')
    .select(['level', 'comment', 'rated_at'])
    .where('dossier_id', '=', row.dossier_id)
    .executeTakeFirst();
  return {
    rating: rating ? present(rating) : null,
    canRate: caller.kind === 'citizen' && !rating && canRate(row.status),
  };
}

export async function rateDossier(
  deps: Deps,
  citizen: CitizenActor,
  code: string,
  body: RatingBody,
): Promise<Rating> {
  const row = await loadRow(deps.db, code);
  if (!row || !isOwnDossier(citizen, row)) throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ ${code}.`);
  if (!canRate(row.status))
    throw new AppError('CONFLICT', 'Hồ sơ được đánh giá sau khi bạn đã nhận kết quả.', [
      { path: 'body/level', message: 'Chưa đến lúc đánh giá hồ sơ này.' },
    ]);
  const comment = body.comment?.trim() ? body.comment.trim() : null;
  const inserted = await deps.db
    .insertInto('dossier_ratings')
    .values({
      dossier_id: row.dossier_id,
      level: body.level,
      comment,
      channel: 'online',
      citizen_id: citizen.citizenId,
      rated_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning(['level', 'comment', 'rated_at'])
    .executeTakeFirst();
  if (!inserted)
    throw new AppError('CONFLICT', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ được đánh giá một lần.', [
      { path: 'body/level', message: 'Đã đánh giá.' },
    ]);
  return present(inserted);
}
