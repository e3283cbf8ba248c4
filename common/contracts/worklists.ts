// The worklists' own endpoints beside the list (common/contracts/dossiers.ts DossiersQuery): an
// officer's saved settings, the choices of the filters, the bulk actions and their per-dossier answers.
import { Type, type Static } from 'typebox';
import { Closed, DOSSIER_CODE_PATTERN, DOSSIER_REF_MAX, Nullable } from './common.ts';
import { WORKLIST_VALUES, WorklistFilters } from './dossiers.ts';
import { BULK_ACTIONS, BULK_LIMIT } from '../dossiers/worklists.ts';

/** What the worklist restores when it opens: the list, its filters and its order (not the search words). */
const { q: _q, list: _list, ...saved } = WorklistFilters;
export const WorklistPreferences = Closed({ list: Type.Enum(WORKLIST_VALUES), ...saved });
export type WorklistPreferences = Static<typeof WorklistPreferences>;

export const WorklistPreferencesResponse = Closed({ preferences: Nullable(WorklistPreferences) });

/** The filters' choices for the caller: the procedures its agencies offer, their fields, the agencies in reach. */
export const WorklistOptions = Closed({
  procedures: Type.Array(
    Closed({ code: Type.String(), name: Type.String(), field: Nullable(Type.String()) }),
  ),
  fields: Type.Array(Type.String()),
  agencies: Type.Array(Closed({ code: Type.String(), name: Type.String(), depth: Type.Integer() })),
});
export type WorklistOptions = Static<typeof WorklistOptions>;

export const BulkActionParams = Closed({ action: Type.Enum(BULK_ACTIONS) });

export const BulkActionBody = Closed({
  /** Each dossier with the version the officer saw (its If-Match). */
  items: Type.Array(
    Closed({
      code: Type.String({
        pattern: DOSSIER_CODE_PATTERN,
        maxLength: DOSSIER_REF_MAX,
      }),
      version: Type.Integer({ minimum: 0, maximum: 999_999_999 }),
    }),
    { minItems: 1, maxItems: BULK_LIMIT },
  ),
  /** The action's inputs, the same for every dossier (e.g. the specialist assigned). */
  input: Type.Object({}, { additionalProperties: true }),
});
export type BulkActionBody = Static<typeof BulkActionBody>;

export const BulkActionResult = Closed({
  succeeded: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
  results: Type.Array(
    Type.Union([
      Closed({ code: Type.String(), ok: Type.Literal(true), version: Type.Integer(), status: Type.String() }),
      Closed({
        code: Type.String(),
        ok: Type.Literal(false),
        error: Closed({
          code: Type.String(),
          reason: Nullable(Type.String()),
          message: Type.String(),
          details: Type.Array(Closed({ path: Type.String(), message: Type.String() })),
        }),
      }),
    ]),
  ),
});
export type BulkActionResult = Static<typeof BulkActionResult>;
