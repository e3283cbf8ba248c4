// Agencies (cơ quan, đơn vị) built from the administrative units: a People's Committee with a
// one-stop desk for every unit, and, in the demo provinces, the specialised agencies that receive
// or decide the procedures of the demo. Codes follow QCVN 102:2016/BTTTT; the scheme, its limits
// and its sources are in docs/domain/agency-codes.md.
import { AGENCY_KINDS } from '../../../../common/contracts/org.ts';
import { QCVN_102_PROVINCE_CODES } from './data/qcvn-102-province-codes.ts';
import { unitKey, type ReferenceUnit } from './units.ts';

export { AGENCY_KINDS };
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export type ReferenceAgency = {
  /** QCVN 102:2016 identifier DDD.DD.DD.XNN, level 1 at the right; unique. */
  code: string;
  name: string;
  unitCode: string;
  /** unitKey() of its unit: a code alone is ambiguous across the 2025 reform. */
  unitKey: string;
  kind: AgencyKind;
  /** The agency it belongs to; null only for a provincial People's Committee. */
  parentCode: string | null;
  /** Has a one-stop desk (bộ phận một cửa). */
  hasDesk: boolean;
};

/** Identifies an agency without its code; `name` tells apart two agencies of one kind in one unit (among agencies in force together, a unit code is unambiguous). */
export type AgencySelector = { unitCode: string; kind: AgencyKind; name?: string };

export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Hà Nội, Đà Nẵng (with the former Quảng Nam), TP Hồ Chí Minh: the provinces that get specialised agencies. */
export const DEMO_PROVINCE_CODES: readonly string[] = ['01', '48', '79'];
/** The demo provinces on the map before 1/7/2025: Hà Nội, Quảng Nam, TP Hồ Chí Minh. */
export const PRE_REFORM_DEMO_PROVINCE_CODES: readonly string[] = ['01', '49', '79'];

const LEVEL1_CODES = new Map(QCVN_102_PROVINCE_CODES.map(([province, level1]) => [province, level1]));

/** Level-1 code of a province's People's Committee, e.g. H26 for Hà Nội (01). */
export function provinceLevel1Code(provinceCode: string): string {
  const level1 = LEVEL1_CODES.get(provinceCode);
  if (level1 === undefined) throw new Error(`no QCVN 102:2016 level-1 code for province ${provinceCode}`);
  return level1;
}

/** Identifier of a province's People's Committee, e.g. 000.00.00.H26 for Hà Nội (01). */
export function provinceAgencyCode(provinceCode: string): string {
  return agencyCode(0, 0, 0, provinceLevel1Code(provinceCode));
}

type Slot = { slot: number; kind: AgencyKind; name: (unit: ReferenceUnit) => string };

// Level-2 group (third from the left) inside a province: 01–20 the province's own agencies, in
// fixed slots so that adding a district never renumbers them; 21–99 its districts.
const PROVINCE_SLOTS: readonly Slot[] = [
  {
    slot: 1,
    kind: 'public-administration-centre',
    name: (u) => `Trung tâm Phục vụ hành chính công ${u.name}`,
  },
  { slot: 2, kind: 'justice', name: (u) => `Sở Tư pháp ${u.name}` },
  { slot: 3, kind: 'natural-resources', name: (u) => `Sở Tài nguyên và Môi trường ${u.name}` },
  { slot: 4, kind: 'labour', name: (u) => `Sở Lao động – Thương binh và Xã hội ${u.name}` },
  { slot: 5, kind: 'finance-planning', name: (u) => `Sở Tài chính ${u.name}` },
  { slot: 6, kind: 'finance-planning', name: (u) => `Sở Kế hoạch và Đầu tư ${u.name}` },
  { slot: 7, kind: 'urban-management', name: (u) => `Sở Xây dựng ${u.name}` },
  { slot: 8, kind: 'police', name: (u) => `Công an ${u.name}` },
];
const PROVINCE_POLICE_SLOT = 8;
const FIRST_SUBUNIT_SLOT = 21;

// Level-3 group inside a district: 01–80 its communes, 81–99 its own offices (phòng).
const LAST_COMMUNE_SLOT = 80;
const DISTRICT_SLOTS: readonly Slot[] = [
  { slot: 81, kind: 'justice', name: (u) => `Phòng Tư pháp ${u.name}` },
  { slot: 82, kind: 'natural-resources', name: (u) => `Phòng Tài nguyên và Môi trường ${u.name}` },
  { slot: 83, kind: 'labour', name: (u) => `Phòng Lao động – Thương binh và Xã hội ${u.name}` },
  { slot: 84, kind: 'finance-planning', name: (u) => `Phòng Tài chính – Kế hoạch ${u.name}` },
  // Nghị định 37/2014/NĐ-CP Điều 7: Quản lý đô thị in quận, thị xã and cities; Kinh tế và Hạ tầng in huyện.
  {
    slot: 85,
    kind: 'urban-management',
    name: (u) => `${u.type === 'Huyện' ? 'Phòng Kinh tế và Hạ tầng' : 'Phòng Quản lý đô thị'} ${u.name}`,
  },
];
const DISTRICT_TYPES = new Set(['Quận', 'Huyện', 'Thị xã', 'Thành phố']);

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function agencyCode(group1: number, group2: number, group3: number, level1: string): string {
  if (group1 > 999 || group2 > 99 || group3 > 99) {
    throw new Error(`QCVN 102:2016 group overflow: ${group1}.${group2}.${group3}.${level1}`);
  }
  return `${pad(group1, 3)}.${pad(group2, 2)}.${pad(group3, 2)}.${level1}`;
}

function assertCapacity(count: number, capacity: number, what: string): void {
  if (count > capacity) {
    throw new Error(
      `${what}: ${count} exceeds the ${capacity} codes the QCVN 102:2016 scheme leaves for them`,
    );
  }
}

function byCode(a: ReferenceUnit, b: ReferenceUnit): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The agencies of the map before 1/7/2025 in the QCVN 102:2016 form, each after its parent, codes
 * stable for a given set of units: siblings are numbered in GSO-code order. Throws rather than
 * overflow a group of the identifier (which the two-level map does: Hà Nội has 126 communes directly
 * under the city, the QCVN form 79 slots; see agencies-2025.ts).
 */
export function buildPreReformAgencies(units: readonly ReferenceUnit[]): ReferenceAgency[] {
  const children = new Map<string | null, ReferenceUnit[]>();
  for (const unit of units) {
    const siblings = children.get(unit.parentCode);
    if (siblings === undefined) children.set(unit.parentCode, [unit]);
    else siblings.push(unit);
  }
  for (const siblings of children.values()) siblings.sort(byCode);
  const childrenOf = (unit: ReferenceUnit): ReferenceUnit[] => children.get(unit.code) ?? [];

  const agencies: ReferenceAgency[] = [];
  type NewAgency = {
    unit: ReferenceUnit;
    kind: AgencyKind;
    name: string;
    code: string;
    parent: ReferenceAgency | null;
  };
  const add = ({ unit, kind, name, code, parent }: NewAgency): ReferenceAgency => {
    const agency: ReferenceAgency = {
      code,
      name,
      unitCode: unit.code,
      unitKey: unitKey(unit),
      kind,
      parentCode: parent === null ? null : parent.code,
      hasDesk: kind === 'people-committee' || kind === 'public-administration-centre',
    };
    agencies.push(agency);
    return agency;
  };
  const committee = (unit: ReferenceUnit, code: string, parent: ReferenceAgency | null): ReferenceAgency =>
    add({ unit, kind: 'people-committee', name: `Ủy ban nhân dân ${unit.name}`, code, parent });

  let reached = 0;
  for (const province of children.get(null) ?? []) {
    const level1 = provinceLevel1Code(province.code);
    const provinceCommittee = committee(province, agencyCode(0, 0, 0, level1), null);
    reached += 1;
    const demo = PRE_REFORM_DEMO_PROVINCE_CODES.includes(province.code);
    let provincePolice: ReferenceAgency | null = null;
    if (demo) {
      for (const s of PROVINCE_SLOTS) {
        const agency = add({
          unit: province,
          kind: s.kind,
          name: s.name(province),
          code: agencyCode(0, 0, s.slot, level1),
          parent: provinceCommittee,
        });
        if (s.slot === PROVINCE_POLICE_SLOT) provincePolice = agency;
      }
    }

    const districts = childrenOf(province);
    assertCapacity(districts.length, 99 - FIRST_SUBUNIT_SLOT + 1, `units under ${province.code}`);
    districts.forEach((district, i) => {
      const group3 = FIRST_SUBUNIT_SLOT + i;
      const districtCommittee = committee(district, agencyCode(0, 0, group3, level1), provinceCommittee);
      reached += 1;
      const withOffices = demo && DISTRICT_TYPES.has(district.type);
      if (withOffices) {
        for (const s of DISTRICT_SLOTS) {
          add({
            unit: district,
            kind: s.kind,
            name: s.name(district),
            code: agencyCode(0, s.slot, group3, level1),
            parent: districtCommittee,
          });
        }
      }
      // Police answer to the police above them (Công an tỉnh → huyện → xã), so their codes sit
      // under the provincial police's slot: 000.<district>.08.Hnn and <commune>.<district>.08.Hnn.
      const districtPolice =
        provincePolice === null
          ? null
          : add({
              unit: district,
              kind: 'police',
              name: `Công an ${district.name}`,
              code: agencyCode(0, i + 1, PROVINCE_POLICE_SLOT, level1),
              parent: provincePolice,
            });

      const communes = childrenOf(district);
      assertCapacity(communes.length, LAST_COMMUNE_SLOT, `units under ${district.code}`);
      communes.forEach((commune, j) => {
        const communeCommittee = committee(commune, agencyCode(0, j + 1, group3, level1), districtCommittee);
        reached += 1;
        if (districtPolice !== null) {
          add({
            unit: commune,
            kind: 'police',
            name: `Công an ${commune.name}`,
            code: agencyCode(j + 1, i + 1, PROVINCE_POLICE_SLOT, level1),
            parent: districtPolice,
          });
        }
        const below = childrenOf(commune);
        assertCapacity(below.length, 999, `units under ${commune.code}`);
        below.forEach((unit, k) => {
          committee(unit, agencyCode(k + 1, j + 1, group3, level1), communeCommittee);
          reached += 1;
          if (childrenOf(unit).length > 0) {
            throw new Error(
              `units under ${unit.code}: a QCVN 102:2016 identifier has no group for a fifth level`,
            );
          }
        });
      });
    });
  }
  if (reached !== units.length) {
    throw new Error(
      `${units.length - reached} units are not reachable from a province (unknown parent codes)`,
    );
  }
  return agencies;
}

export function findAgencies(
  agencies: readonly ReferenceAgency[],
  selector: AgencySelector,
): ReferenceAgency[] {
  return agencies.filter(
    (a) =>
      a.unitCode === selector.unitCode &&
      a.kind === selector.kind &&
      (selector.name === undefined || a.name === selector.name),
  );
}

/** The one agency the selector names; throws when it names none or several. */
export function getAgency(agencies: readonly ReferenceAgency[], selector: AgencySelector): ReferenceAgency {
  const found = findAgencies(agencies, selector);
  const [agency] = found;
  if (agency === undefined || found.length > 1) {
    throw new Error(
      `agency selector ${JSON.stringify(selector)} matches ${found.length} agencies, expected 1`,
    );
  }
  return agency;
}
