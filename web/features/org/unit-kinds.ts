// How a unit is described on screen: its type (translated in English) and its tier.
// The commune tier (xã, phường, thị trấn; xã, phường, đặc khu since 1 July 2025) is the lowest
// administrative level (Constitution art. 110, as amended by Resolution 203/2025/QH15), so a
// commune has nothing under it and the tree shows it without an expander.
import type { Messages } from '../../app/i18n/vi.ts';
import type { UnitView } from './org-api.ts';

const COMMUNE_TYPES: readonly string[] = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'];

export type Tier = 'province' | 'district' | 'commune';

export function unitTier(unit: Pick<UnitView, 'level' | 'type'>): Tier {
  if (unit.level === 1) return 'province';
  if (COMMUNE_TYPES.includes(unit.type)) return 'commune';
  return 'district';
}

export function isCommune(unit: Pick<UnitView, 'level' | 'type'>): boolean {
  return unitTier(unit) === 'commune';
}

export function unitTypeLabel(t: Messages, type: string): string {
  return t.unitTypes[type] ?? type;
}

export function agencyKindLabel(t: Messages, kind: string): string {
  return t.agencyKinds[kind] ?? kind;
}
