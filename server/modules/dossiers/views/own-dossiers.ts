// The citizen's own dossiers: those they are the applicant of or submitted.
import type { Deps } from '../../../deps.ts';
import type { CitizenActor } from '../../../platform/actor.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import { DOSSIER_STATUSES } from '../../../../common/dossiers/index.ts';
import { pageWithTotal } from '../../../db/paging.ts';

/** The citizen's own dossiers (as applicant or submitter), newest first. */
export async function listOwnDossiers(
  deps: Deps,
  citizen: CitizenActor,
  f: { status?: string | undefined; offset: number; limit: number },
) {
  let q = deps.db
    .selectFrom('dossiers as d')
    .where((eb) =>
      eb.or([
        eb('d.applicant_id_number', '=', citizen.idNumber),
        eb('d.submitted_by_citizen_id', '=', citizen.citizenId),
      ]),
    );
  if (f.status !== undefined) q = q.where('d.status', '=', f.status);
  const { rows, total } = await pageWithTotal(q, (page) =>
    page
      .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
      .innerJoin('agencies as ca', 'ca.agency_id', 'd.competent_agency_id')
      .select([
        'd.code',
        'd.status',
        'd.procedure_code',
        'v.name as procedure_name',
        'ca.name as agency_name',
        'd.submitted_at',
        'd.received_at',
        'd.due_at',
        'd.extended_due_at',
        'd.returned_at',
        'd.version',
      ])
      .orderBy('d.submitted_at', 'desc')
      .orderBy('d.dossier_id', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
  return {
    total,
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      statusLabel: DOSSIER_STATUSES[r.status as keyof typeof DOSSIER_STATUSES].citizenLabel,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      agencyName: r.agency_name,
      submittedAt: new Date(r.submitted_at).toISOString(),
      receivedAt: isoOrNull(r.received_at),
      dueAt: isoOrNull(r.extended_due_at ?? r.due_at),
      returnedAt: isoOrNull(r.returned_at),
      version: r.version,
    })),
  };
}
