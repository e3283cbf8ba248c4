// The statutory slips of a dossier, built from its stored state and actions and rendered by
// server/modules/slips. A slip exists once the action that issues it has happened.
import type { Deps } from '../../deps.ts';
import type { Actor, PersonCaller } from '../../platform/actor.ts';
import { feesFor, timeLimitFor, type Channel } from '../../../common/catalog/procedure.ts';
import {
  renderSlip,
  renderTrackingBookXlsx,
  SlipError,
  type SlipAgency,
  type SlipComponent,
  type SlipDossier,
} from '../slips/index.ts';
import { grantReachesAgency } from '../org/index.ts';
import { getVisibleDossier } from './dossier-access.policy.ts';
import { fail } from './dossiers.errors.ts';
import { DOSSIER_SLIP_KINDS, SLIP_ISSUED_BY, type DossierSlipKind } from '../../../common/dossiers/slips.ts';
import { vnMidnight } from '../../../common/time/vn-time.ts';

export { DOSSIER_SLIP_KINDS, type DossierSlipKind };

/** The locality of a slip's date line: the province, without "Thành phố"/"Tỉnh" ("Hà Nội, ngày …"). */
async function placeOf(deps: Deps, unitPath: string): Promise<string> {
  const province = await deps.db
    .selectFrom('units')
    .select('name')
    .where('code', '=', unitPath.split('/')[1]!)
    .executeTakeFirstOrThrow();
  return province.name.replace(/^(Thành phố|Tỉnh)\s+/, '');
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

type Action = {
  version: number;
  kind: string;
  at: Date;
  actor_user_id: string | null;
  actor_label: string;
  record: Record<string, unknown>;
  from_step: number;
  to_step: number;
};

export async function dossierSlip(
  deps: Deps,
  caller: PersonCaller,
  code: string,
  kind: DossierSlipKind,
): Promise<Buffer> {
  const row = await getVisibleDossier(deps.db, caller, code);
  // The process control slip records each hand-over between officers, by name; it travels with the
  // dossier inside the administration and is not the applicant's (the other slips are addressed to them).
  if (caller.kind === 'citizen' && kind === 'process-control') throw fail('DOSSIER_SLIP_NOT_ISSUED');
  const actions = (await deps.db
    .selectFrom('dossier_actions')
    .select(['version', 'kind', 'at', 'actor_user_id', 'actor_label', 'record', 'from_step', 'to_step'])
    .where('dossier_id', '=', row.dossier_id)
    .orderBy('version')
    .execute()) as Action[];
  const issuing = [...actions]
    .reverse()
    .find((a) => (SLIP_ISSUED_BY[kind] as readonly string[]).includes(a.kind));
  if (!issuing) throw fail('DOSSIER_SLIP_NOT_ISSUED');

  const names = new Map(
    (
      await deps.db
        .selectFrom('users')
        .select(['user_id', 'full_name'])
        .where('user_id', 'in', [...new Set(actions.map((a) => a.actor_user_id ?? '0'))])
        .execute()
    ).map((u) => [u.user_id, u.full_name]),
  );
  const officer = (a: Action) => ({
    fullName: (a.actor_user_id && names.get(a.actor_user_id)) || a.actor_label,
  });
  const agencies = await deps.db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.agency_id', 'a.name', 'a.code', 'p.name as parent_name', 'u.path as unit_path'])
    .where('a.agency_id', 'in', [
      row.receiving_agency_id,
      row.competent_agency_id,
      ...row.step_agencies.map((s) => s.agencyId),
    ])
    .execute();
  const byId = new Map(agencies.map((a) => [a.agency_id, a]));
  const place = await placeOf(deps, byId.get(row.receiving_agency_id)!.unit_path);
  const agencyOf = (id: string): SlipAgency => {
    const a = byId.get(id)!;
    return { name: a.name, code: a.code, place, ...(a.parent_name ? { superiorName: a.parent_name } : {}) };
  };

  const pv = await deps.db
    .selectFrom('procedure_versions')
    .select('data')
    .where('procedure_version_id', '=', row.procedure_version_id)
    .executeTakeFirstOrThrow();
  const procedure = pv.data;
  const applicant = row.applicant as {
    kind: 'person' | 'organisation';
    fullName: string;
    idNumber: string;
    phone?: string;
    email?: string;
    address?: { line: string };
  };
  const state = row.state;
  const receivedAt = new Date(row.received_at ?? row.submitted_at).toISOString();
  const dossier: SlipDossier & { code: string } = {
    code: row.code,
    receivedAt,
    procedure: { code: procedure.code, name: procedure.name },
    applicant: {
      kind: applicant.kind,
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      ...(applicant.phone ? { phone: applicant.phone } : {}),
      ...(applicant.email ? { email: applicant.email } : {}),
      ...(applicant.address ? { address: applicant.address.line } : {}),
    },
  };
  const input = (issuing.record.input ?? {}) as Record<string, unknown>;
  const header = {
    agency: agencyOf(row.receiving_agency_id),
    issuedAt: new Date(issuing.at).toISOString(),
    number: row.code.slice(-4),
  };
  const options = { publicUrl: deps.config.publicUrl };
  try {
    switch (kind) {
      case 'receipt': {
        const limit = timeLimitFor(procedure, row.channel as Channel, row.case_key ?? undefined);
        if (!limit || limit.unit === null || !row.due_at) throw fail('DOSSIER_SLIP_NO_DUE_TIME');
        const components: SlipComponent[] = (
          row.components as { code: string; provided: SlipComponent['provided'] }[]
        ).map((c) => ({
          name: procedure.components[Number(c.code.slice(2)) - 1]?.name ?? c.code,
          provided: c.provided,
          count: 1,
        }));
        const fees = feesFor(procedure, row.channel as Channel, row.case_key ?? undefined).flatMap((f) =>
          f.amountVnd === null ? [] : [{ name: f.text ?? 'Lệ phí', amountVnd: f.amountVnd }],
        );
        return await renderSlip(
          'receipt',
          {
            ...header,
            dossier,
            components,
            sets: 1,
            timeLimit: { value: limit.value, unit: limit.unit },
            dueAt: new Date(row.due_at).toISOString(),
            resultDelivery: { channel: 'desk', place: agencyOf(row.receiving_agency_id).name },
            fees,
            receiver: officer(issuing),
          },
          options,
        );
      }
      case 'supplement-request': {
        const missing = ((input.missingComponents ?? []) as { name: string; requirement?: string }[]).map(
          (m) => ({
            name: m.name,
            ...(m.requirement ? { note: m.requirement } : {}),
          }),
        );
        return await renderSlip(
          'supplement-request',
          {
            ...header,
            dossier,
            missing,
            reason: text(input.reason),
            contact: officer(issuing),
            guide: officer(issuing),
          },
          options,
        );
      }
      case 'refusal':
        return await renderSlip(
          'refusal',
          { ...header, dossier, reasons: [text(input.reason)], receiver: officer(issuing) },
          options,
        );
      case 'apology':
        return await renderSlip(
          'apology',
          {
            ...header,
            agency: agencyOf(row.competent_agency_id),
            dossier,
            originalDueAt: new Date(row.due_at ?? issuing.at).toISOString(),
            newDueAt: text(input.newDueAt),
            reason: text(input.reason),
            head: officer(issuing),
          },
          options,
        );
      case 'stop-notice':
        return await renderSlip(
          'stop-notice',
          {
            ...header,
            agency: agencyOf(row.competent_agency_id),
            dossier,
            requestedAt: new Date(issuing.at).toISOString(),
            requestChannel: 'desk',
            stage: state.workflow.steps[issuing.from_step]?.name ?? '',
            ...(typeof input.reason === 'string' ? { reason: input.reason } : {}),
            signer: officer(issuing),
          },
          options,
        );
      case 'process-control': {
        const handovers = actions
          .filter((a) => a.from_step !== a.to_step)
          .map((a) => ({
            fromUnit: byId.get(row.step_agencies[a.from_step]!.agencyId)!.name,
            toUnit: byId.get(row.step_agencies[a.to_step]!.agencyId)!.name,
            at: new Date(a.at).toISOString(),
            fromPerson: officer(a).fullName,
          }));
        const coordinating = [...new Set(row.step_agencies.map((s) => s.agencyId))]
          .filter((id) => id !== row.competent_agency_id)
          .map((id) => byId.get(id)!.name);
        return await renderSlip(
          'process-control',
          {
            ...header,
            dossier,
            resolvingAgency: byId.get(row.competent_agency_id)!.name,
            coordinatingAgencies: coordinating,
            dueAt: new Date(row.due_at ?? issuing.at).toISOString(),
            handovers,
          },
          options,
        );
      }
    }
  } catch (err) {
    if (err instanceof SlipError)
      throw fail('DOSSIER_SLIP_UNRENDERABLE', { params: { message: err.message } });
    throw err;
  }
}

/** The tracking book (sổ theo dõi hồ sơ) of a desk for a period of civil days in Vietnam. */
export async function trackingBook(
  deps: Deps,
  actor: Actor,
  book: { agencyCode: string; period: { from: string; to: string }; format: 'pdf' | 'xlsx' },
): Promise<Buffer> {
  const { agencyCode, period, format } = book;
  const agency = await deps.db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.path', 'u.path as unit_path', 'p.name as parent_name'])
    .where('a.code', '=', agencyCode)
    .executeTakeFirst();
  if (!agency) throw fail('DOSSIER_DESK_AGENCY_NOT_FOUND', { params: { code: agencyCode } });
  if (
    !actor.grants.some((g) => grantReachesAgency(g, { agencyPath: agency.path, unitPath: agency.unit_path }))
  ) {
    throw fail('DOSSIER_DESK_OUT_OF_REACH');
  }
  if (period.to < period.from) {
    throw fail('DOSSIER_INVALID', {
      details: [{ path: 'query/to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }],
    });
  }
  const from = vnMidnight(period.from);
  const to = new Date(vnMidnight(period.to).getTime() + 86_400_000);
  const rows = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
    .innerJoin('agencies as c', 'c.agency_id', 'd.competent_agency_id')
    .select([
      'd.code',
      'd.applicant',
      'd.received_at',
      'd.due_at',
      'd.extended_due_at',
      'd.returned_at',
      'd.state',
      'v.name as procedure_name',
      'c.name as competent_name',
    ])
    .where('d.receiving_agency_id', '=', agency.agency_id)
    .where('d.received_at', '>=', from)
    .where('d.received_at', '<', to)
    .orderBy('d.received_at')
    .orderBy('d.code')
    .limit(20_000)
    .execute();
  const place = await placeOf(deps, agency.unit_path);
  const data = {
    agency: {
      name: agency.name,
      code: agency.code,
      place,
      ...(agency.parent_name ? { superiorName: agency.parent_name } : {}),
    },
    issuedAt: deps.clock.now().toISOString(),
    period,
    entries: rows.map((r) => {
      const a = r.applicant as { fullName?: unknown; phone?: unknown; address?: { line?: unknown } };
      const state = r.state;
      return {
        dossierCode: r.code,
        procedureName: r.procedure_name,
        applicantName: text(a.fullName),
        ...(typeof a.phone === 'string' ? { phone: a.phone } : {}),
        ...(typeof a.address?.line === 'string' ? { address: a.address.line } : {}),
        resolvingAgency: r.competent_name,
        receivedAt: new Date(r.received_at!).toISOString(),
        ...(r.due_at ? { dueAt: new Date(r.extended_due_at ?? r.due_at).toISOString() } : {}),
        ...(r.returned_at ? { returnedAt: new Date(r.returned_at).toISOString() } : {}),
        ...(state.returnChannel
          ? {
              deliveryMethod: { counter: 'Trực tiếp', postal: 'Bưu chính công ích', online: 'Trực tuyến' }[
                state.returnChannel
              ],
            }
          : {}),
      };
    }),
  };
  try {
    return format === 'xlsx'
      ? await renderTrackingBookXlsx(data)
      : await renderSlip('tracking-book', data, { publicUrl: deps.config.publicUrl });
  } catch (err) {
    if (err instanceof SlipError)
      throw fail('DOSSIER_SLIP_UNRENDERABLE', { params: { message: err.message } });
    throw err;
  }
}
