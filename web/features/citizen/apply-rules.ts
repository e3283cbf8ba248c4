// The rules an online submission meets on the server, checked in the browser before sending so that
// the applicant hears of a problem on the step where it can be fixed. The declaration itself is checked
// by the catalogue's validator (POST /procedures/<code>/form/validate), not re-implemented here.
import type { DossierComponent, Procedure } from '../../../common/catalog/procedure.ts';

/** Component codes are positions in the procedure's list, from 1 (server: componentCode). */
export const componentCode = (index: number): string => `TP${index + 1}`;

/**
 * Required online: listed without a condition, or with a condition naming the online channel ("nộp
 * trực tuyến"); papers only shown for checking (xuất trình) are never uploaded. The same rule as the
 * server's requiredComponents(procedure, 'online') in server/modules/dossiers/dossiers.service.ts.
 */
export function requiredOnline(c: DossierComponent): boolean {
  if (c.submission === 'present') return false;
  return c.condition === null || /trực tuyến/i.test(c.condition);
}

export type UploadSlot = { index: number; code: string; component: DossierComponent; required: boolean };

/** The components an applicant may attach files to online, in the procedure's order. */
export function uploadSlots(p: Procedure): UploadSlot[] {
  return p.components.flatMap((component, index) =>
    component.submission === 'present'
      ? []
      : [{ index, code: componentCode(index), component, required: requiredOnline(component) }],
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
