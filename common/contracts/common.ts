import { Type, type TObjectOptions, type TProperties, type TSchema } from 'typebox';
import {
  AGENCY_CODE_MAX,
  AGENCY_CODE_SOURCE,
  DOSSIER_REF_MAX,
  DOSSIER_REF_SOURCE,
} from '../org/code-patterns.ts';

/** A contract object: the fields given and no others. */
export const Closed = <P extends TProperties>(properties: P, options?: TObjectOptions) =>
  Type.Object(properties, { ...options, additionalProperties: false });

/** A field that holds a value or null. */
export const Nullable = <T extends TSchema>(type: T) => Type.Union([type, Type.Null()]);

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      /** The error catalogue's name for a domain error (docs/errors.md), e.g. DOSSIER_NOT_FOUND. */
      reason: Type.Optional(Type.String()),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({ path: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) }),
        ),
      ),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorEnvelope' },
);

export const Page = Type.Integer({ minimum: 1, maximum: 100000, default: 1 });
export const PageSize = Type.Integer({ minimum: 1, maximum: 500, default: 50 });

export const Paged = <T extends TSchema>(item: T) =>
  Closed({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

/** A list query: its filters, then the page asked for. */
export const PagedQuery = <P extends TProperties>(filters: P) =>
  Closed({ ...filters, page: Type.Optional(Page), pageSize: Type.Optional(PageSize) });

export const UnitCode = Type.String({ pattern: '^[0-9]{2,5}$', maxLength: 5 });
/** An agency's electronic identifier in either legal form (common/org/code-patterns.ts). */
export const AgencyCode = Type.String({ pattern: `^${AGENCY_CODE_SOURCE}$`, maxLength: AGENCY_CODE_MAX });
/** A dossier's code as routes take it: motcua's own form or a legacy code kept on import. */
export const DOSSIER_CODE_PATTERN = `^${DOSSIER_REF_SOURCE}$`;
export { DOSSIER_REF_MAX };
export const IsoDate = Type.String({ format: 'date', maxLength: 10 });
