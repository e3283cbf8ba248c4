// Who may change the catalogue: the province's administrators edit procedures and their offerings;
// a unit's administrators set the workflows of their own agencies.
import type { Actor } from '../../platform/actor.ts';
import { fail } from './catalog.errors.ts';

export const CATALOGUE_EDITORS = ['province-admin'] as const;
export const WORKFLOW_EDITORS = ['unit-admin', 'province-admin'] as const;

export function requireCatalogueEditor(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'province-admin')) throw fail('CATALOG_EDIT_FORBIDDEN');
}
