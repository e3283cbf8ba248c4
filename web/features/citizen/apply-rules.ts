// The rules an online submission meets on the server, checked in the browser before sending so that
// the applicant hears of a problem on the step where it can be fixed. Which papers are required is the
// server's own rule (common/dossiers/components.ts); the declaration is checked by the form's validator
// (dossiers/declaration-check.ts), not re-implemented here.
import type { DossierComponent, Procedure } from '../../../common/catalog/procedure.ts';
import { componentCode, isRequiredOn } from '../../../common/dossiers/components.ts';

export type UploadSlot = { index: number; code: string; component: DossierComponent; required: boolean };

/** The components an applicant may attach files to online, in the procedure's order (not the declaration). */
export function uploadSlots(p: Procedure): UploadSlot[] {
  return p.components.flatMap((component, index) =>
    component.submission === 'present' || component.declaration === true
      ? []
      : [{ index, code: componentCode(index), component, required: isRequiredOn(component, 'online') }],
  );
}

/** The papers that are the declaration itself: filled on screen online, never uploaded. */
export function declarationComponents(p: Procedure): { code: string; component: DossierComponent }[] {
  return p.components.flatMap((component, index) =>
    component.declaration === true ? [{ code: componentCode(index), component }] : [],
  );
}

/** Papers shown at the desk (when the result is collected), not uploaded. */
export function presentedOnly(p: Procedure): DossierComponent[] {
  return p.components.filter((c) => c.submission === 'present');
}

/** The server's checks of the applicant (validateApplicant in dossiers.service.ts). */
export const PHONE = /^(\+84|0)\d{9,10}$/;
export const TAX_CODE = /^\d{10}(-\d{3})?$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
