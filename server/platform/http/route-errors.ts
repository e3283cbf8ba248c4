// The error answers a route declares beside its success schema: every one is the error envelope
// (common/contracts/common.ts), so a route lists only the statuses it can answer with.
import { ErrorEnvelope } from '../../../common/contracts/common.ts';

type ErrorResponses<S extends number> = { [K in S as `${K}`]: typeof ErrorEnvelope };

/** `{ 400: ErrorEnvelope, 401: ErrorEnvelope, … }` for the statuses given. */
export function errorResponses<const S extends number>(...statuses: S[]): ErrorResponses<S> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorEnvelope])) as ErrorResponses<S>;
}
