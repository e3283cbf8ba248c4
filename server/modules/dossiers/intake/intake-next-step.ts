// Whom a dossier received at the counter may be handed to at once: the next step of the workflow the
// intake would resolve (the procedure's, at the competent agency, received by the officer's desk) and the
// active holders of its role at the agency performing it. The intake page pre-selects the first of them;
// the intake checks the one sent again (actions/next-assignee.ts).
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { resolveWorkflow, workflowForDossier } from '../../catalog/index.ts';
import { agencyRowsByCode, procedureVersion } from '../dossier.repository.ts';
import { fail } from '../dossiers.errors.ts';
import { handOffStep, stepCandidates, type Candidate } from '../actions/next-assignee.ts';
import { receivingGrant } from './desk-intake.service.ts';
import { readPublished } from './intake.prepare.ts';

export type IntakeNextStep = {
  step: { key: string; name: string; role: string; agency: { code: string; name: string } } | null;
  people: Candidate[];
};

export async function intakeNextStep(
  deps: Deps,
  actor: Actor,
  q: {
    procedure: string;
    agencyCode: string;
    channel: 'direct' | 'postal';
    deskAgencyCode?: string | undefined;
  },
): Promise<IntakeNextStep> {
  const grant = receivingGrant(actor, {
    agencyCode: q.agencyCode,
    ...(q.deskAgencyCode ? { deskAgencyCode: q.deskAgencyCode } : {}),
  });
  const input = { procedureCode: q.procedure, agencyCode: q.agencyCode, channel: q.channel };
  const published = await readPublished(deps, input as Parameters<typeof readPublished>[1]);
  if (!published || published.agency_id === null)
    throw fail('DOSSIER_INVALID', {
      details: [
        { path: 'query/agencyCode', message: `Cơ quan ${q.agencyCode} không giải quyết thủ tục này.` },
      ],
    });
  const version = await procedureVersion(deps, published.procedure_version_id);
  const workflow = await workflowForDossier(deps.db, version, {
    agencyId: published.agency_id,
    channel: q.channel,
    stored: published.stored_workflow,
  });
  const step = handOffStep(workflow);
  if (step === null) return { step: null, people: [] };
  const receiving = {
    code: grant.agencyCode,
    name: grant.agencyName,
    agency_id: grant.agencyId,
    unit_id: grant.unitId,
  };
  const competent = {
    agency_id: published.agency_id,
    code: published.code!,
    name: published.name!,
    unit_id: published.unit_id!,
  };
  const resolved = (await resolveWorkflow(deps.db, workflow, receiving, competent))[step.index]?.agency;
  if (!resolved) return { step: null, people: [] };
  const agency = [...(await agencyRowsByCode(deps.db, [resolved.code])).values()][0];
  if (!agency) return { step: null, people: [] };
  return {
    step: {
      key: step.key,
      name: step.name,
      role: step.role,
      agency: { code: agency.code, name: agency.name },
    },
    people: await stepCandidates(deps.db, agency, step.role),
  };
}
