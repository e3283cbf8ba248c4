// Agencies of the two-level map in force since 1/7/2025: a People's Committee with a one-stop desk
// for every province and commune, and, in the demo provinces, the provincial departments as they are
// since the 2025 restructuring (Nghị định 45/2025/NĐ-CP) and a police post per commune. Stand-in
// codes in the QĐ 20/2020/QĐ-TTg form (level 1 at the left): the QCVN 102:2016 form has 79 slots
// under a province, and Hà Nội now has 126 communes directly under the city. The scheme and its
// limits are in docs/domain/agency-codes.md; import the province's real codes before go-live.
import {
  DEMO_PROVINCE_CODES,
  provinceLevel1Code,
  type AgencyKind,
  type ReferenceAgency,
} from './agencies.ts';
import { unitKey, type ReferenceSuccession, type ReferenceUnit } from './units.ts';

type Slot = { slot: number; kind: AgencyKind; name: (unit: ReferenceUnit) => string };

// Group 2 under a province: 01–20 its own bodies in fixed slots, 101 onwards its communes.
const PROVINCE_SLOTS: readonly Slot[] = [
  {
    slot: 1,
    kind: 'public-administration-centre',
    name: (u) => `Trung tâm Phục vụ hành chính công ${u.name}`,
  },
  { slot: 2, kind: 'justice', name: (u) => `Sở Tư pháp ${u.name}` },
  { slot: 3, kind: 'natural-resources', name: (u) => `Sở Nông nghiệp và Môi trường ${u.name}` },
  { slot: 4, kind: 'labour', name: (u) => `Sở Nội vụ ${u.name}` },
  { slot: 5, kind: 'finance-planning', name: (u) => `Sở Tài chính ${u.name}` },
  { slot: 7, kind: 'urban-management', name: (u) => `Sở Xây dựng ${u.name}` },
  { slot: 8, kind: 'police', name: (u) => `Công an ${u.name}` },
];
const POLICE_SLOT = 8;
const FIRST_COMMUNE = 101;
const MAX_GROUP = 999;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const bare = (name: string): string => name.replace(/^(Thành phố|Tỉnh) /, '');

/**
 * The level-1 code each province of the two-level map carries: under QĐ 09/2025/QĐ-TTg a merged
 * province keeps the code of its predecessor of the same name (Lào Cai, coded 15 since 1/7/2025
 * after Yên Bái, keeps Lào Cai's level-1 code, not Yên Bái's).
 */
export function level1Codes(
  provinces: readonly ReferenceUnit[],
  predecessors: ReadonlyMap<string, readonly ReferenceUnit[]>,
): Map<string, string> {
  const codes = new Map<string, string>();
  for (const p of provinces) {
    const named = (predecessors.get(unitKey(p)) ?? []).find((o) => bare(o.name) === bare(p.name));
    codes.set(unitKey(p), provinceLevel1Code((named ?? p).code));
  }
  return codes;
}

/**
 * Every agency of a two-level map (`units`: provinces and the communes directly under them, all in
 * force together), each after its parent; communes are numbered in GSO-code order. Throws on a
 * deeper unit or a full group rather than give a wrong code.
 */
export function buildReferenceAgencies(
  units: readonly ReferenceUnit[],
  successions: readonly ReferenceSuccession[] = [],
  formerUnits: readonly ReferenceUnit[] = [],
): ReferenceAgency[] {
  const byKey = new Map([...units, ...formerUnits].map((u) => [unitKey(u), u]));
  const predecessors = new Map<string, ReferenceUnit[]>();
  for (const s of successions) {
    const from = byKey.get(s.predecessor);
    if (from !== undefined) predecessors.set(s.successor, [...(predecessors.get(s.successor) ?? []), from]);
  }
  const provinces = units.filter((u) => u.level === 1).sort((a, b) => (a.code < b.code ? -1 : 1));
  const level1 = level1Codes(provinces, predecessors);
  const communesOf = new Map<string, ReferenceUnit[]>();
  for (const u of units) {
    if (u.level === 1) continue;
    if (u.level !== 2) throw new Error(`unit ${u.path}: the two-level map has no level ${u.level}`);
    communesOf.set(u.parentCode!, [...(communesOf.get(u.parentCode!) ?? []), u]);
  }
  const agencies: ReferenceAgency[] = [];
  const add = (unit: ReferenceUnit, a: Omit<ReferenceAgency, 'unitCode' | 'unitKey' | 'hasDesk'>) => {
    const agency: ReferenceAgency = {
      ...a,
      unitCode: unit.code,
      unitKey: unitKey(unit),
      hasDesk: a.kind === 'people-committee' || a.kind === 'public-administration-centre',
    };
    agencies.push(agency);
    return agency;
  };
  for (const province of provinces) {
    const h = level1.get(unitKey(province))!;
    const committee = add(province, {
      code: h,
      name: `Ủy ban nhân dân ${province.name}`,
      kind: 'people-committee',
      parentCode: null,
    });
    const demo = DEMO_PROVINCE_CODES.includes(province.code);
    if (demo) {
      for (const s of PROVINCE_SLOTS) {
        add(province, {
          code: `${h}.${pad2(s.slot)}`,
          name: s.name(province),
          kind: s.kind,
          parentCode: committee.code,
        });
      }
    }
    const communes = (communesOf.get(province.code) ?? []).sort((a, b) => (a.code < b.code ? -1 : 1));
    if (FIRST_COMMUNE + communes.length - 1 > MAX_GROUP)
      throw new Error(`units under ${province.code}: ${communes.length} exceed the stand-in scheme's groups`);
    communes.forEach((commune, i) => {
      const group = FIRST_COMMUNE + i;
      add(commune, {
        code: `${h}.${group}`,
        name: `Ủy ban nhân dân ${commune.name}`,
        kind: 'people-committee',
        parentCode: committee.code,
      });
      if (demo) {
        add(commune, {
          code: `${h}.${pad2(POLICE_SLOT)}.${group}`,
          name: `Công an ${commune.name}`,
          kind: 'police',
          parentCode: `${h}.${pad2(POLICE_SLOT)}`,
        });
      }
    });
  }
  return agencies;
}
