// A province's PAKN time limits per kind (docs/domain/feedback.md): read and changed by the province's
// administrators only; a change applies to PAKN received (or transferred in) afterwards.
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  FEEDBACK_KINDS,
  type FeedbackSettings,
  type FeedbackSettingsBody,
} from '../../../common/contracts/feedback.ts';
import { fail } from './feedback.errors.ts';
import { peoplesCommitteeOf, settingsOf } from './feedback.repository.ts';

function provinceAdmin(actor: Actor, provinceCode: string) {
  const grant = actor.grants.find((g) => g.role === 'province-admin' && g.unitPath === `/${provinceCode}/`);
  if (!grant) throw fail('FEEDBACK_SETTINGS_FORBIDDEN');
  return grant;
}

export async function getFeedbackSettings(
  deps: Deps,
  actor: Actor,
  provinceCode: string,
): Promise<FeedbackSettings> {
  provinceAdmin(actor, provinceCode);
  return { provinceCode, ...(await settingsOf(deps.db, provinceCode)) };
}

export async function putFeedbackSettings(
  deps: Deps,
  actor: Actor,
  input: { provinceCode: string; body: FeedbackSettingsBody; ifMatch: number; requestId: string },
): Promise<FeedbackSettings> {
  const grant = provinceAdmin(actor, input.provinceCode);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await settingsOf(trx, input.provinceCode);
    if (current.version !== input.ifMatch)
      throw fail('FEEDBACK_STALE_VERSION', {
        details: [{ path: 'headers/if-match', message: `Phiên bản hiện tại là ${current.version}.` }],
      });
    const version = current.version + 1;
    for (const kind of FEEDBACK_KINDS) {
      const s = input.body[kind];
      const values = {
        answer_days: s.answerDays,
        urgent_hours: s.urgentHours,
        transfer_days: s.transferDays,
        version,
      };
      await trx
        .insertInto('feedback_settings')
        .values({ province_code: input.provinceCode, kind, ...values })
        .onConflict((oc) => oc.columns(['province_code', 'kind']).doUpdateSet(values))
        .execute();
    }
    const committee = await peoplesCommitteeOf(trx, input.provinceCode);
    await appendAudit(
      trx,
      actor,
      {
        action: 'feedback-settings.changed',
        entityType: 'province',
        entityId: input.provinceCode,
        details: { ...input.body },
        requestId: input.requestId,
        chain: committee?.agency_id ?? grant.agencyId,
      },
      now,
    );
  });
  return getFeedbackSettings(deps, actor, input.provinceCode);
}
