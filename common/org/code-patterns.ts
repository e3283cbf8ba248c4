// The shapes of the codes an agency's records carry, shared by the API contracts, the database
// checks (server/db/migrations/20261209000000_map-in-time.ts) and the web forms.

/**
 * An agency's electronic identifier in either legal form: QCVN 102:2016 (000.12.22.H26, level 1 at
 * the right) or QĐ 20/2020/QĐ-TTg (H26.101, level 1 at the left, at most 35 characters).
 */
export const AGENCY_CODE_SOURCE =
  '([0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}|[A-Y][0-9]{2}(\\.[0-9A-Z]{1,10})*)';
export const AGENCY_CODE_MAX = 35;
/** A dossier code: the receiving agency's identifier, the day received (YYMMDD) and the day's number. */
export const DOSSIER_CODE_SOURCE = `${AGENCY_CODE_SOURCE}-[0-9]{6}-[0-9]{4,}`;

/**
 * Any code a dossier carries: motcua's own (DOSSIER_CODE_SOURCE), or the code a legacy system gave a
 * dossier imported from it, kept as it was (docs/domain/dossier-import.md): letters without marks,
 * digits, '.', '-' and '_', starting with a letter or digit — safe in a URL path as it is.
 */
export const DOSSIER_REF_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
export const DOSSIER_REF_MAX = 100;
export const DOSSIER_REF = new RegExp(`^${DOSSIER_REF_SOURCE}$`);

export const AGENCY_CODE = new RegExp(`^${AGENCY_CODE_SOURCE}$`);
export const DOSSIER_CODE = new RegExp(`^${DOSSIER_CODE_SOURCE}$`);

export function isAgencyCode(s: string): boolean {
  return s.length <= AGENCY_CODE_MAX && AGENCY_CODE.test(s);
}

export function isDossierCode(s: string): boolean {
  return s.length <= AGENCY_CODE_MAX + 20 && DOSSIER_CODE.test(s);
}
