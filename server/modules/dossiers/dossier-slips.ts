// The statutory slips of a dossier, built from its stored state and actions and rendered by
// server/modules/slips. A slip exists once the action that issues it has happened.
import type { Deps } from '../../deps.ts';
import type { Actor, PersonCaller } from '../../platform/actor.ts';
import { feesFor, timeLimitFor, type Channel, type Fee } from '../../../common/catalog/procedure.ts';
import { signedSlip } from '../signatures/index.ts';
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
import { vnDate, vnMidnight } from '../../../common/time/vn-time.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { sql } from 'kysely';

export { DOSSIER_SLIP_KINDS, type DossierSlipKind };

/**
 * The locality of a slip's date line: the province, without "Thành phố"/"Tỉnh" ("Hà Nội, ngày …"). A
 * province code names the province in force (Lào Cai's 15 was Yên Bái's before 1/7/2025), else the last.
 */
async function placeOf(deps: Deps, unitPath: string): Promise<string> {
  const province = await deps.db
    .selectFrom('units')
    .select('name')
    .where('path', '=', `/${unitPath.split('/')[1]!}/`)
    .orderBy(sql`valid_to DESC NULLS FIRST`)
    .limit(1)
    .executeTakeFirstOrThrow();
  return province.name.replace(/^(Thành phố|Tỉnh)\s+/, '');
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The names of each unit and its ancestors, the unit first ("Phường Hoàn Kiếm", "Thành phố Hà Nội"). A
 * code names the unit in force (codes were reused in 2025), else the last that carried it; its
 * ancestors are those of the map it was on, on its last day.
 */
async function unitAncestries(deps: Deps, codes: string[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  const units = await deps.db
    .selectFrom('units')
    .select(['code', 'path', 'valid_to'])
    .where('code', 'in', wanted)
    .orderBy(sql`valid_to DESC NULLS FIRST`)
    .execute();
  const unitOf = new Map<string, (typeof units)[number]>();
  for (const u of units) if (!unitOf.has(u.code)) unitOf.set(u.code, u);
  const prefixesOf = (path: string) => {
    const segments = path.split('/').filter((c) => c !== '');
    return segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}/`);
  };
  const rows = await deps.db
    .selectFrom('units')
    .select(['path', 'name', 'valid_from', 'valid_to'])
    .where('path', 'in', [...new Set([...unitOf.values()].flatMap((u) => prefixesOf(u.path)))])
    .execute();
  const out = new Map<string, string[]>();
  for (const [code, unit] of unitOf) {
    const day = unit.valid_to;
    const held = (r: (typeof rows)[number]) =>
      day === null
        ? r.valid_to === null
        : (r.valid_from === null || r.valid_from <= day) && (r.valid_to === null || r.valid_to >= day);
    const names = prefixesOf(unit.path).flatMap((p) => rows.find((r) => r.path === p && held(r))?.name ?? []);
    out.set(code, names.reverse());
  }
  return out;
}

type AddressOwner = { address?: { unitCode?: unknown; line?: unknown } | undefined };

/**
 * The applicant's address as the slips and the book print it: the line given with the unit it is in,
 * followed by the unit's ancestry ("Số 12 phố Hàng Trống, Phường Hoàn Kiếm, Thành phố Hà Nội"), the
 * names the line already spells left out; without one, the requester's residence in the declaration
 * (`nguoiYeuCau.noiCuTru`, or a `diaChi`/`noiCuTru` field at its top).
 */
function addressText(
  applicant: AddressOwner,
  formData: unknown,
  units: Map<string, string[]>,
): string | undefined {
  const a = applicant.address;
  if (typeof a?.line === 'string' && a.line.trim() !== '') {
    const said = foldVietnamese(a.line);
    const ancestry = typeof a.unitCode === 'string' ? (units.get(a.unitCode) ?? []) : [];
    return [a.line.trim(), ...ancestry.filter((n) => !said.includes(foldVietnamese(n)))].join(', ');
  }
  const declared = (formData ?? {}) as Record<string, unknown>;
  const requester = (declared.nguoiYeuCau ?? {}) as Record<string, unknown>;
  for (const v of [requester.noiCuTru, requester.diaChi, declared.diaChi, declared.noiCuTru])
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

/** The addresses of several applicants (one read of the units they name). */
export async function applicantAddresses(
  deps: Deps,
  owners: readonly { applicant: AddressOwner; formData: unknown }[],
): Promise<(string | undefined)[]> {
  const codes = owners.flatMap((o) =>
    typeof o.applicant.address?.unitCode === 'string' ? [o.applicant.address.unitCode] : [],
  );
  const units = await unitAncestries(deps, codes);
  return owners.map((o) => addressText(o.applicant, o.formData, units));
}

/**
 * The tracking book's entries of the dossiers a desk received in [from, to): the book is the desk's
 * book of the civil year ("01/2026": one book a year, docs/domain/slips.md, "The book number"), and the
 * entry its row in that book, the dossiers received that year in the order of receipt (time, then code),
 * as the book prints them.
 */
export async function bookEntries(
  deps: Deps,
  agencyId: string,
  range: { from: Date; to: Date },
): Promise<Map<string, { book: string; entry: number }>> {
  const out = new Map<string, { book: string; entry: number }>();
  const first = Number(vnDate(range.from).slice(0, 4));
  const last = Number(vnDate(new Date(range.to.getTime() - 1)).slice(0, 4));
  // A period spanning the new year reads each year's book.
  for (let year = first; year <= last; year++) {
    const yearStart = vnMidnight(`${year}-01-01`);
    const nextYear = vnMidnight(`${year + 1}-01-01`);
    const to = range.to < nextYear ? range.to : nextYear;
    const from = range.from > yearStart ? range.from : yearStart;
    const rows = await deps.db
      .selectFrom((eb) =>
        eb
          .selectFrom('dossiers')
          .select([
            'code',
            'received_at',
            sql<string>`row_number() OVER (ORDER BY received_at, code)`.as('entry'),
          ])
          .where('receiving_agency_id', '=', agencyId)
          .where('received_at', '>=', yearStart)
          .where('received_at', '<', to)
          .as('book'),
      )
      .select(['code', 'entry'])
      .where('received_at', '>=', from)
      .execute();
    for (const r of rows) out.set(r.code, { book: `01/${year}`, entry: Number(r.entry) });
  }
  return out;
}

/** Phí, lệ phí as the receipt names them: never the portal's wording ("Miễn phí") as a name. */
const feeName = (f: Fee): string => `Phí, lệ phí${f.per ? ` (mỗi ${f.per})` : ''}`;

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

/**
 * The slip as issued electronically: signed with the receiving agency's organisation seal (#19), the
 * signed bytes kept and served again while the slip reads the same (signatures module, signedSlip).
 */
export async function dossierSlip(
  deps: Deps,
  caller: PersonCaller,
  code: string,
  kind: DossierSlipKind,
): Promise<Buffer> {
  const row = await getVisibleDossier(deps.db, caller, code);
  const bytes = await renderDossierSlip(deps, caller, { row, kind });
  const agency = await deps.db
    .selectFrom('agencies')
    .select(['agency_id', 'code', 'name'])
    .where('agency_id', '=', row.receiving_agency_id)
    .executeTakeFirstOrThrow();
  return signedSlip(deps, {
    dossierId: row.dossier_id,
    agency: { id: agency.agency_id, code: agency.code, name: agency.name },
    kind,
    fileName: `${row.code}-${kind}.pdf`,
    bytes,
  });
}

async function renderDossierSlip(
  deps: Deps,
  caller: PersonCaller,
  slip: { row: Awaited<ReturnType<typeof getVisibleDossier>>; kind: DossierSlipKind },
): Promise<Buffer> {
  const { row, kind } = slip;
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
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
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
    },
  };
  const [address] = await applicantAddresses(deps, [{ applicant, formData: row.form_data }]);
  if (address) dossier.applicant.address = address;
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
        // An item is paid once a paid payment of the dossier lists its key (payments/obligations.ts).
        const paid = new Set(
          (
            await deps.db
              .selectFrom('payments')
              .select('items')
              .where('dossier_id', '=', row.dossier_id)
              .where('status', '=', 'paid')
              .execute()
          ).flatMap((p) => (p.items as { key: string }[]).map((i) => i.key)),
        );
        const fees = feesFor(procedure, row.channel as Channel, row.case_key ?? undefined).flatMap((f, i) =>
          f.amountVnd === null
            ? []
            : [
                {
                  name: feeName(f),
                  amountVnd: f.amountVnd,
                  ...(f.amountVnd > 0 ? { paid: paid.has(`procedure-${i + 1}`) } : {}),
                },
              ],
        );
        const receivedOn = new Date(row.received_at ?? row.submitted_at);
        const register = (
          await bookEntries(deps, row.receiving_agency_id, {
            from: receivedOn,
            to: new Date(receivedOn.getTime() + 1),
          })
        ).get(row.code);
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
            ...(register ? { register } : {}),
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
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
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
      'd.form_data',
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
  const addresses = await applicantAddresses(
    deps,
    rows.map((r) => ({ applicant: r.applicant, formData: r.form_data })),
  );
  const entries =
    rows.length === 0
      ? new Map<string, { book: string; entry: number }>()
      : await bookEntries(deps, agency.agency_id, { from, to });
  const books = [...new Set([...entries.values()].map((e) => e.book))];
  const data = {
    agency: {
      name: agency.name,
      code: agency.code,
      place,
      ...(agency.parent_name ? { superiorName: agency.parent_name } : {}),
    },
    issuedAt: deps.clock.now().toISOString(),
    period,
    ...(books.length > 0 ? { book: books.join(', ') } : {}),
    entries: rows.map((r, i) => {
      const a = r.applicant as { fullName?: unknown; phone?: unknown };
      const state = r.state;
      const address = addresses[i];
      const entry = entries.get(r.code)?.entry;
      return {
        ...(entry !== undefined ? { entry } : {}),
        dossierCode: r.code,
        procedureName: r.procedure_name,
        applicantName: text(a.fullName),
        ...(typeof a.phone === 'string' ? { phone: a.phone } : {}),
        ...(address ? { address } : {}),
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
