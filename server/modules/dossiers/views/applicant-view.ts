// What a citizen reads of their dossier: the applicant's view, built field by field from the staff
// view so that nothing about officers reaches it.
import type { Static } from 'typebox';
import type { ApplicantDossierView as ApplicantDossierViewSchema } from '../../../../common/contracts/dossiers.ts';
import type { Caller } from '../../../platform/actor.ts';
import type { ActionKind } from '../../../../common/dossiers/index.ts';
import type { DossierView } from './dossier-view.ts';

/** Who reads a dossier: staff (and the system) see the officers; the applicant does not. */
export type Audience = 'staff' | 'applicant';
export const audienceOf = (caller: Caller): Audience => (caller.kind === 'citizen' ? 'applicant' : 'staff');

export type ApplicantDossierView = Static<typeof ApplicantDossierViewSchema>;

/** An action of the history with what the applicant's view says about it instead of its officer. */
export type ActionFacts = {
  entry: DossierView['history'][number];
  actorKind: string;
  agency: { code: string; name: string } | null;
  /** The reason the action's input gave, when it gave one. */
  reason: string | null;
};

/**
 * Actions whose reason is addressed to the applicant: it is printed on the slip they receive (refusal,
 * supplement request, stop notice, apology) or is their own (withdrawal).
 */
const REASON_FOR_APPLICANT: ReadonlySet<string> = new Set<ActionKind>([
  'request-supplement',
  'refuse',
  'deny',
  'stop',
  'apologize',
  'withdraw',
]);

/**
 * The dossier as its applicant may see it — the one place where officers are taken out (STYLE.md: the
 * response schema strips what it does not list; this builds only what ApplicantDossierView lists). No
 * assignee; history entries keep the action, the roles, the step's agency and the times, say only
 * whether staff, the applicant or the system acted, and carry the reason given to the applicant or the
 * applicant's own note, never an officer's name, username, id or internal note. The result names its
 * signer, as printed on it; `signedTokens`: the verification token of each of the dossier's result files
 * signed by the deciding agency (signedResultTokens).
 */
export function applicantView(
  view: DossierView,
  actions: ActionFacts[],
  signedTokens: ReadonlyMap<string, string>,
): ApplicantDossierView {
  return {
    audience: 'applicant',
    code: view.code,
    version: view.version,
    status: view.status,
    statusCode: view.statusCode,
    statusLabel: view.statusLabel,
    procedure: view.procedure,
    caseCode: view.caseCode,
    channel: view.channel,
    receivingAgency: view.receivingAgency,
    competentAgency: view.competentAgency,
    currentAgency: view.currentAgency,
    applicant: view.applicant,
    formData: view.formData,
    components: view.components,
    submittedAt: view.submittedAt,
    receivedAt: view.receivedAt,
    dueAt: view.dueAt,
    extendedDueAt: view.extendedDueAt,
    calendarVersion: view.calendarVersion,
    resultAt: view.resultAt,
    returnedAt: view.returnedAt,
    remaining: view.remaining,
    currentStep: { index: view.currentStep.index, key: view.currentStep.key },
    steps: view.steps.map((s) => ({
      key: s.key,
      name: s.name,
      role: s.role,
      agency: s.agency,
      dueAt: s.dueAt,
      current: s.current,
    })),
    outcome: view.outcome,
    resultDocuments: (view.resultDocuments as { name: string; fileId?: string }[]).map((d) => {
      const token = d.fileId === undefined ? undefined : signedTokens.get(d.fileId);
      return {
        name: d.name,
        ...(d.fileId === undefined ? {} : { fileId: d.fileId }),
        signed: token !== undefined,
        token: token ?? null,
      };
    }),
    result: view.result,
    history: actions.map(({ entry, actorKind, agency, reason }) => {
      const actor = actorKind === 'citizen' ? 'applicant' : actorKind === 'staff' ? 'staff' : 'system';
      return {
        version: entry.version,
        action: entry.action,
        actor,
        roles: entry.roles,
        agency,
        at: entry.at,
        from: entry.from,
        to: entry.to,
        fromStep: entry.fromStep,
        toStep: entry.toStep,
        note:
          REASON_FOR_APPLICANT.has(entry.action) && reason !== null
            ? reason
            : actor === 'applicant'
              ? entry.note
              : null,
      };
    }),
  };
}
