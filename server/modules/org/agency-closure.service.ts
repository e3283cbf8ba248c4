// Closing an agency through the registry (#16.2): only one with nothing left to hand over. Open dossiers
// are handed over by a reorganisation (POST /api/v1/reorganisations, #16.3), which keeps their codes,
// due times and history; open agencies under it are moved or closed first, and its staff roles taken
// away; a People's Committee closes with its unit, by a reorganisation too. What it offered (procedure
// offerings) ends with it. Dossiers are never rewritten.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit.ts';
import { vnMidnight } from '../../../common/time/vn-time.ts';
import { ROLE_LABELS, type Role } from '../../../common/auth/roles.ts';
import type { AgencyDetail } from '../../../common/contracts/org-registry.ts';
import { fail } from './org.errors.ts';
import { requireAgencyChange } from './agency-registry.policy.ts';
import { presentAgency, readableAgency, targetOf } from './agency-registry.service.ts';
import { addDays, isOpen, loadAgency, lockAgencyTree, todayOf, type Trx } from './agency-registry.store.ts';

/** How many of each kind of obstacle are named one by one. */
const NAMED = 20;

async function obstacles(trx: Trx, agencyId: string, closedOn: string) {
  const [dossiers, children, grants] = await Promise.all([
    sql<{ n: string }>`
      SELECT count(*)::text AS n FROM dossiers
      WHERE closed_at IS NULL
        AND (receiving_agency_id = ${agencyId} OR competent_agency_id = ${agencyId} OR current_agency_id = ${agencyId})`.execute(
      trx,
    ),
    trx
      .selectFrom('agencies')
      .select(['code', 'name'])
      .where('parent_agency_id', '=', agencyId)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', closedOn)]))
      .orderBy('code')
      .execute(),
    trx
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.user_id', 'r.user_id')
      .select(['u.username', 'r.role'])
      .where('r.agency_id', '=', agencyId)
      .orderBy('u.username')
      .orderBy('r.role')
      .execute(),
  ]);
  return { openDossiers: Number(dossiers.rows[0]?.n ?? 0), children, grants };
}

const listed = (names: string[]): string =>
  names.length > NAMED ? `${names.slice(0, NAMED).join(', ')}, …` : names.join(', ');

export async function closeAgency(
  deps: Deps,
  actor: Actor,
  input: { code: string; closedOn: string; requestId: string },
): Promise<AgencyDetail> {
  const day = todayOf(deps);
  const { closedOn } = input;
  const row = await readableAgency(deps.db, actor, input.code);
  requireAgencyChange(actor, targetOf(row), 'close');
  if (!isOpen(row, day)) {
    throw fail('ORG_AGENCY_CLOSED', { params: { code: row.code, validTo: row.valid_to ?? '' } });
  }
  const invalid = (message: string) =>
    fail('ORG_AGENCY_INVALID', { details: [{ path: 'body/closedOn', message }] });
  if (closedOn > day) {
    throw invalid(
      `Ngày đóng ${closedOn} chưa tới: đóng cơ quan từ ngày đó trở đi (đến hôm ấy cơ quan vẫn tiếp nhận hồ sơ).`,
    );
  }
  if (row.valid_from !== null && closedOn < row.valid_from) {
    throw invalid(`Cơ quan hoạt động từ ngày ${row.valid_from}: ngày đóng không được trước ngày đó.`);
  }

  return deps.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const at = deps.clock.now();
    const found = await obstacles(trx, row.agency_id, closedOn);
    const reasons: string[] = [];
    const details: ErrorDetail[] = [];
    if (found.openDossiers > 0) {
      reasons.push(`còn ${found.openDossiers} hồ sơ đang giải quyết`);
      details.push({
        path: 'openDossiers',
        message: `${found.openDossiers} hồ sơ đang giải quyết: bàn giao cho cơ quan kế thừa bằng một đợt sắp xếp (POST /api/v1/reorganisations).`,
      });
    }
    if (found.children.length > 0) {
      reasons.push(
        `còn ${found.children.length} cơ quan trực thuộc đang hoạt động (${listed(found.children.map((c) => c.code))})`,
      );
      found.children
        .slice(0, NAMED)
        .forEach((c, i) =>
          details.push({ path: `children/${i}`, message: `${c.name} (${c.code}) đang hoạt động.` }),
        );
    }
    if (found.grants.length > 0) {
      const named = found.grants.map((g) => `${g.username} – ${ROLE_LABELS[g.role as Role] ?? g.role}`);
      reasons.push(`còn ${found.grants.length} vai trò cán bộ (${listed(named)})`);
      named.slice(0, NAMED).forEach((g, i) => details.push({ path: `grants/${i}`, message: g }));
    }
    if (row.kind === 'people-committee') {
      // A unit in force keeps its People's Committee; the unit ends (and its committee closes) by a reorganisation.
      const unit = await trx
        .selectFrom('units')
        .select('valid_to')
        .where('unit_id', '=', row.unit_id)
        .executeTakeFirstOrThrow();
      if (unit.valid_to === null || unit.valid_to >= closedOn) {
        reasons.push(`là Ủy ban nhân dân của ${row.unit_name}, đơn vị hành chính còn hiệu lực`);
        details.push({
          path: 'unit',
          message: `${row.unit_name} còn hiệu lực: chấm dứt đơn vị và bàn giao bằng một đợt sắp xếp (POST /api/v1/reorganisations).`,
        });
      }
    }
    if (reasons.length > 0) {
      throw fail('ORG_AGENCY_CLOSE_REFUSED', {
        params: { code: row.code, reasons: reasons.join('; ') },
        details,
      });
    }
    // A closure dated back may not leave dossiers received after the agency's last day.
    const later = await trx
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('receiving_agency_id', '=', row.agency_id)
      .where('submitted_at', '>=', vnMidnight(closedOn))
      .executeTakeFirstOrThrow();
    if (Number(later.n) > 0) {
      throw invalid(
        `Cơ quan đã nhận ${later.n} hồ sơ từ ngày ${closedOn} trở đi: ngày đóng phải sau ngày nhận hồ sơ cuối cùng.`,
      );
    }
    const lastDay = addDays(closedOn, -1);
    await trx
      .updateTable('agencies')
      .set({ valid_to: lastDay })
      .where('agency_id', '=', row.agency_id)
      .execute();
    const ended = await trx
      .deleteFrom('procedure_offerings as o')
      .using('procedures as p')
      .whereRef('p.procedure_id', '=', 'o.procedure_id')
      .where('o.agency_id', '=', row.agency_id)
      .returning('p.code')
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.close',
        entityType: 'agency',
        entityId: row.agency_id,
        chain: row.agency_id,
        requestId: input.requestId,
        details: {
          code: row.code,
          on: day,
          closedOn,
          before: { validTo: null },
          after: { validTo: lastDay },
          endedOfferings: ended.map((o) => o.code).sort(),
        },
      },
      at,
    );
    return presentAgency(trx, actor, { row: (await loadAgency(trx, row.code))!, day });
  });
}
