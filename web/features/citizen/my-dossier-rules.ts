// What the citizen's dossier page shows of the dossier, decided without a browser: the timeline's
// entries, the slips that are the applicant's, and the actions the applicant may take here.
import { DOSSIER_ACTIONS } from '../../../common/dossiers/actions.ts';
import type { ActionKind } from '../../../common/dossiers/model.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { slipsOf } from '../dossiers/dossiers-api.ts';
import type { CitizenActions, CitizenDossierView } from './citizen-api.ts';
import { citizenStatusLabel } from './citizen-format.ts';

export type TimelineEntry = {
  key: string;
  at: string;
  title: string;
  action: string | null;
  note: string | null;
};

/** The submission, then each change the applicant sees (a status moved, an apology, a supplement). */
export function timelineEntries(t: Messages, view: CitizenDossierView): TimelineEntry[] {
  return [
    {
      key: 'submitted',
      at: view.submittedAt,
      title: t.citizen.dossier.submittedEvent,
      action: null,
      note: null,
    },
    ...view.history
      .filter((h) => h.from !== h.to || h.action === 'apologize' || h.action === 'supplement')
      .map((h) => ({
        key: String(h.version),
        at: h.at,
        title: citizenStatusLabel(t, h.to),
        action: t.lang === 'vi' ? (DOSSIER_ACTIONS[h.action as ActionKind]?.label ?? null) : null,
        // The server sends only what was addressed to the applicant (a reason) or their own words.
        note: h.note,
      })),
  ];
}

/** The slips issued, but the process control slip: it travels between officers, not to the applicant. */
export function applicantSlips(view: { history: readonly { action: string }[] }): string[] {
  return slipsOf(view).filter((kind) => kind !== 'process-control');
}

export type MyActionKind = 'supplement' | 'withdraw';

/** The actions the applicant takes on this page (the server lists what is allowed now). */
export function myActions(actions: CitizenActions): MyActionKind[] {
  return actions.items.flatMap((a) => (a.kind === 'supplement' || a.kind === 'withdraw' ? [a.kind] : []));
}
