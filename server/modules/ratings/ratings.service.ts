// The applicant's rating of a dossier (docs/domain/ratings.md): read by whoever may read the dossier,
// given once by its applicant after the result was returned. The insert is the check: the dossier is
// the key, so of two ratings sent at once one is kept and the other is told the dossier was rated.
import type { Kysely } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, CitizenActor, PersonCaller } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Rating, RatingBody, RatingState } from '../../../common/contracts/ratings.ts';
import { canRate, SATISFACTION_LABELS, type SatisfactionLevel } from '../../../common/dossiers/ratings.ts';
import { getVisibleDossier, isReceivingDeskOfficer } from '../dossiers/index.ts';
import { fail } from './ratings.errors.ts';

const present = (r: {
  level: string;
  comment: string | null;
  channel: string;
  rated_at: Date | string;
}): Rating => ({
  level: r.level as SatisfactionLevel,
  label: SATISFACTION_LABELS[r.level as SatisfactionLevel],
  comment: r.comment,
  channel: r.channel as Rating['channel'],
  ratedAt: new Date(r.rated_at).toISOString(),
});

const COLUMNS = ['level', 'comment', 'channel', 'rated_at'] as const;

type RatingInsert = {
  dossierId: string;
  body: RatingBody;
  by: { channel: 'online'; citizen_id: string } | { channel: 'counter'; recorded_by_user_id: string };
  at: Date;
};

/**
 * The rating, written once whatever the channel: the dossier is the key, so a second one writes nothing
 * and is refused (two sent at once included). A blank comment is none.
 */
async function insertRating(db: Kysely<DB>, { dossierId, body, by, at }: RatingInsert): Promise<Rating> {
  const comment = body.comment?.trim() ? body.comment.trim() : null;
  const inserted = await db
    .insertInto('dossier_ratings')
    .values({ dossier_id: dossierId, level: body.level, comment, ...by, rated_at: at })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!inserted) throw alreadyRated();
  return present(inserted);
}

const alreadyRated = () =>
  fail('RATING_ALREADY_GIVEN', { details: [{ path: 'body/level', message: 'Đã đánh giá.' }] });
const notYet = () =>
  fail('RATING_NOT_YET', { details: [{ path: 'body/level', message: 'Chưa đến lúc đánh giá hồ sơ này.' }] });

export async function getRating(deps: Deps, caller: PersonCaller, code: string): Promise<RatingState> {
  const row = await getVisibleDossier(deps.db, caller, code);
  const rating = await deps.db
    .selectFrom('dossier_ratings')
    .select(COLUMNS)
    .where('dossier_id', '=', row.dossier_id)
    .executeTakeFirst();
  const open = !rating && canRate(row.status);
  return {
    rating: rating ? present(rating) : null,
    canRate: caller.kind === 'citizen' && open,
    canRecordAtCounter:
      caller.kind === 'staff' &&
      open &&
      (await isReceivingDeskOfficer(deps.db, caller.actor, row.receiving_agency_id)),
  };
}

export async function rateDossier(
  deps: Deps,
  citizen: CitizenActor,
  code: string,
  body: RatingBody,
): Promise<Rating> {
  const row = await getVisibleDossier(deps.db, { kind: 'citizen', citizen }, code);
  if (!canRate(row.status)) throw notYet();
  return insertRating(deps.db, {
    dossierId: row.dossier_id,
    body,
    by: { channel: 'online', citizen_id: citizen.citizenId },
    at: deps.clock.now(),
  });
}

/**
 * The rating the applicant gave at the counter, recorded by a desk officer of the receiving agency:
 * the same rules (returned, once), the officer named on the row and in the audit log.
 */
export async function recordCounterRating(
  deps: Deps,
  actor: Actor,
  given: { code: string; body: RatingBody; requestId: string },
): Promise<Rating> {
  const { code, body, requestId } = given;
  const row = await getVisibleDossier(deps.db, { kind: 'staff', actor }, code);
  if (!(await isReceivingDeskOfficer(deps.db, actor, row.receiving_agency_id)))
    throw fail('RATING_COUNTER_DESK_ONLY');
  if (!canRate(row.status)) throw notYet();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const rating = await insertRating(trx, {
      dossierId: row.dossier_id,
      body,
      by: { channel: 'counter', recorded_by_user_id: actor.userId },
      at: now,
    });
    await appendAudit(
      trx,
      actor,
      {
        action: 'dossier-rating.recorded-at-counter',
        entityType: 'dossier',
        entityId: row.dossier_id,
        details: { code, level: body.level },
        requestId,
        chain: row.receiving_agency_id,
      },
      now,
    );
    return rating;
  });
}
