// The apply page's declaration, filled before the citizen types (common/catalog/prefill.ts): the
// requester from the identity the provider vouched for, shown read-only; "Kính gửi" from the agency
// chosen on the first step. The server fills and checks the same fields again.
import {
  applyPrefill,
  setPrefilled,
  vouchedPaths,
  type PrefillFacts,
} from '../../../common/catalog/prefill.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import type { FormSchema } from '../dossiers/schema-values.ts';
import type { CitizenView } from './citizen-http.ts';

export const factsOf = (citizen: CitizenView): PrefillFacts => ({
  fullName: citizen.fullName,
  idNumber: citizen.idNumber,
  birthDate: citizen.birthDate,
});

/** The declaration's first value: the form's defaults with the vouched fields filled. */
export function prefilledDeclaration(
  schema: JsonSchemaObject,
  initial: unknown,
  citizen: CitizenView,
): unknown {
  return applyPrefill(schema, initial, factsOf(citizen), { vouched: true }).data;
}

/** The declaration with "Kính gửi" (and any field filled from the agency) set to the chosen agency. */
export function addressedTo(schema: JsonSchemaObject, data: unknown, agencyName: string): unknown {
  return setPrefilled(schema, data, 'agency.name', agencyName);
}

/** The schema the form renders: the vouched fields marked `readOnly` (JSON Schema's own annotation). */
export function withVouchedReadOnly(schema: JsonSchemaObject, citizen: CitizenView): FormSchema {
  const out = structuredClone(schema) as FormSchema;
  for (const path of vouchedPaths(schema, factsOf(citizen))) {
    let node: FormSchema | undefined = out;
    for (const key of path) node = node?.properties?.[key];
    if (node) node.readOnly = true;
  }
  return out;
}
