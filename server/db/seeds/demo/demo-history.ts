// Demo history across the 2025 reform (demo mode only): two wards of the former Quận Hoàn Kiếm as they
// were until 30/6/2025 — Phường Hàng Trống and Phường Hàng Bạc, each with its People's Committee and
// desk — a few birth registrations received there in June 2025, and the reorganisation of 1/7/2025
// that handed their open dossiers to the People's Committee of the new Phường Hoàn Kiếm. Everything
// goes through the product: the desk intake on a clock set to June 2025, then the reorganisation.
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { receiveAtDesk } from '../../../modules/dossiers/index.ts';
import { applyReorganisation } from '../../../modules/reorganisations/index.ts';
import { selectGrants } from '../../../modules/auth/index.ts';
import { deskName } from '../../../../common/org/names.ts';
import { foldVietnamese } from '../../../../common/text/fold.ts';
import { buildPreReformAgencies } from '../reference/agencies.ts';
import { loadPreReformUnits } from '../reference/units.ts';

const FORMER_WARDS = ['00070', '00061'];
const SEED = 'demo-history';

type Birth = { parent: string; idNumber: string; phone: string; child: string; born: string; street: string };
const BIRTHS: Birth[] = [
  {
    parent: 'Đỗ Văn Thành',
    idNumber: '001088004512',
    phone: '0983112450',
    child: 'Đỗ Gia Bảo',
    born: '2025-06-02',
    street: 'Số 5 phố Hàng Trống',
  },
  {
    parent: 'Lê Thị Thu Hà',
    idNumber: '001192007731',
    phone: '0904556120',
    child: 'Phạm Minh Anh',
    born: '2025-06-05',
    street: 'Số 18 phố Lý Quốc Sư',
  },
  {
    parent: 'Trịnh Quang Huy',
    idNumber: '001090013378',
    phone: '0912778034',
    child: 'Trịnh Khánh Linh',
    born: '2025-06-09',
    street: 'Số 3 phố Hàng Bạc',
  },
];

function declaration(b: Birth, ward: string) {
  return {
    kinhGui: `Ủy ban nhân dân ${ward.replace('Phường', 'phường')}`,
    nguoiYeuCau: {
      hoTen: b.parent,
      noiCuTru: `${b.street}, ${ward.replace('Phường', 'phường')}, quận Hoàn Kiếm, thành phố Hà Nội`,
      giayToTuyThan: { loaiGiayTo: 'Thẻ căn cước', so: b.idNumber, ngayCap: '2024-07-01' },
      quanHeVoiNguoiDuocKhaiSinh: 'Cha',
    },
    nguoiDuocKhaiSinh: {
      hoTen: b.child,
      ngaySinh: b.born,
      gioiTinh: 'Nữ',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      noiSinh: 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
      queQuan: 'thành phố Hà Nội',
    },
    me: { hoTen: 'Nguyễn Thị Lan', namSinh: '1994' },
    cha: { hoTen: b.parent, namSinh: '1990-03-15' },
    camDoan: true,
    lamTai: 'Hà Nội',
    ngayLap: '2025-06-16',
    deNghiCapBanSao: { coYeuCau: true, soLuong: 1 },
  };
}

async function actorOf(deps: Deps, username: string, grants: Actor['grants'] | null): Promise<Actor> {
  const user = await deps.db
    .selectFrom('users')
    .select(['user_id', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const own = await selectGrants(deps.db).where('r.user_id', '=', user.user_id).execute();
  return {
    userId: user.user_id,
    username,
    fullName: user.full_name,
    via: 'session',
    grants:
      grants ??
      own.map((g) => ({
        role: g.role as Actor['grants'][number]['role'],
        agencyId: g.agency_id,
        agencyCode: g.code,
        agencyName: g.name,
        unitCode: g.unit_code,
        unitId: g.unit_id,
        agencyPath: g.agency_path,
        unitPath: g.unit_path,
      })),
  };
}

/** Seeds the history once per database; returns how many dossiers were handed over (0 when done before). */
export async function seedDemoHistory(deps: Deps): Promise<number> {
  const done = await deps.db
    .selectFrom('seed_state')
    .select('version')
    .where('name', '=', SEED)
    .executeTakeFirst();
  if (done) return 0;
  const former = buildPreReformAgencies(loadPreReformUnits()).filter(
    (a) =>
      a.kind === 'people-committee' && FORMER_WARDS.includes(a.unitCode) && a.unitKey.startsWith('/01/002/'),
  );
  const city = await deps.db
    .selectFrom('agencies')
    .select(['agency_id', 'path'])
    .where('code', '=', 'H26')
    .executeTakeFirstOrThrow();
  const successor = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.agency_id', 'a.code'])
    .where('u.code', '=', '00070')
    .where('u.valid_to', 'is', null)
    .where('a.kind', '=', 'people-committee')
    .executeTakeFirstOrThrow();
  const opened = [];
  for (const a of former) {
    const unit = await deps.db
      .selectFrom('units')
      .select(['unit_id', 'path'])
      .where('path', '=', a.unitKey.split('@')[0]!)
      .where('valid_from', 'is', null)
      .executeTakeFirstOrThrow();
    const row = await deps.db
      .insertInto('agencies')
      .values({
        code: a.code,
        name: a.name,
        kind: a.kind,
        unit_id: unit.unit_id,
        parent_agency_id: city.agency_id,
        path: '/',
        search_text: `${foldVietnamese(a.name)} ${a.code}`,
      })
      .returning('agency_id')
      .executeTakeFirstOrThrow();
    const path = `${city.path}${row.agency_id}/`;
    await deps.db.updateTable('agencies').set({ path }).where('agency_id', '=', row.agency_id).execute();
    await deps.db
      .insertInto('desks')
      .values({ agency_id: row.agency_id, name: deskName(a.name) })
      .execute();
    await sql`INSERT INTO procedure_offerings (procedure_id, agency_id, created_at)
      SELECT procedure_id, ${row.agency_id}::bigint, now() FROM procedure_offerings WHERE agency_id = ${successor.agency_id}`.execute(
      deps.db,
    );
    opened.push({ ...a, agencyId: row.agency_id, path, unitPath: unit.path, unitId: unit.unit_id });
  }

  // June 2025 at the former wards' desks: Lê Thị Mai Anh (desk.hang-trong) received them there.
  const june = { ...deps, clock: { now: () => new Date('2025-06-16T02:30:00Z') } };
  for (const [i, b] of BIRTHS.entries()) {
    const at = opened[i % opened.length]!;
    const desk = await actorOf(deps, 'desk.hang-trong', [
      {
        role: 'desk-officer',
        agencyId: at.agencyId,
        agencyCode: at.code,
        agencyName: at.name,
        unitCode: at.unitCode,
        unitId: at.unitId,
        agencyPath: at.path,
        unitPath: at.unitPath,
      },
    ]);
    june.clock = { now: () => new Date(Date.parse('2025-06-16T02:30:00Z') + i * 45 * 60_000) };
    await receiveAtDesk(june, desk, {
      intake: {
        procedureCode: '1.001193',
        agencyCode: at.code,
        applicant: {
          kind: 'person',
          fullName: b.parent,
          idNumber: b.idNumber,
          phone: b.phone,
          address: { unitCode: at.unitCode, line: b.street },
        },
        formData: declaration(b, at.name.replace('Ủy ban nhân dân ', '')),
        components: [
          { code: 'TP1', provided: 'original' },
          { code: 'TP3', provided: 'original' },
        ],
        channel: 'direct',
      },
      idempotencyKey: undefined,
      requestId: `${SEED}-${i}`,
    });
  }

  const admin = await actorOf(deps, 'demo-admin', null);
  const applied = await applyReorganisation(deps, admin, {
    plan: {
      name: 'Sắp xếp các phường Hàng Trống, Hàng Bạc vào Phường Hoàn Kiếm',
      basis: 'Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội',
      effectiveOn: '2025-07-01',
      handovers: opened.map((a) => ({ from: a.code, to: successor.code })),
    },
    requestId: SEED,
  });
  await deps.db
    .insertInto('seed_state')
    .values({ name: SEED, version: '1', applied_at: deps.clock.now() })
    .execute();
  return applied.totals.openDossiers;
}
