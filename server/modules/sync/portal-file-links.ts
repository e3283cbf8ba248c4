// The papers of a dossier as the national portal fetches them: each file a record names
// (TaiLieuNop[].DuongDanTaiTepTin, E1) is a link of motcua's own public address that names the dossier,
// the file, when the link expires and an HMAC of the three under SECRET_KEY, so the portal — which holds
// no account here — can download that file of that dossier, and nothing else, for PORTAL_FILE_LINK_DAYS after the record was sent (a
// record re-sent gets a fresh link). Nothing else about the file is in the link. Each download is
// audited on the chain of the dossier's receiving agency (personal data read by a third party).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link the portal was sent keeps working. */
export const PORTAL_FILE_LINK_DAYS = 7;

export const PORTAL_FILE_PATH = '/api/v1/portal-files';

export type PortalFileRef = { code: string; fileId: string };

const signatureOf = (secretKey: string, ref: PortalFileRef, expires: number): string =>
  createHmac('sha256', secretKey)
    .update(`motcua portal file\u0000${ref.code}\u0000${ref.fileId}\u0000${expires}`)
    .digest('hex');

/** The link to one file of a dossier, good for PORTAL_FILE_LINK_DAYS from `now`. */
export function portalFileLink(
  settings: { secretKey: string; publicUrl: string },
  ref: PortalFileRef,
  now: Date,
): string {
  const expires = Math.floor(now.getTime() / 1000) + PORTAL_FILE_LINK_DAYS * 86_400;
  const base = settings.publicUrl.replace(/\/+$/, '');
  const path = `${PORTAL_FILE_PATH}/${encodeURIComponent(ref.code)}/${encodeURIComponent(ref.fileId)}`;
  return `${base}${path}?expires=${expires}&signature=${signatureOf(settings.secretKey, ref, expires)}`;
}

/** Why a link does not open its file (expired, or not one motcua made for this file), or null when it does. */
export function portalFileLinkProblem(
  secretKey: string,
  link: PortalFileRef & { expires: number; signature: string },
  now: Date,
): 'expired' | 'signature' | null {
  const wanted = Buffer.from(signatureOf(secretKey, link, link.expires), 'hex');
  const given = Buffer.from(link.signature, 'hex');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'signature';
  return link.expires * 1000 < now.getTime() ? 'expired' : null;
}
