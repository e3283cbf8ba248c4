// What the public verification page says of a signature and of a whole document, from the server's
// answer (POST /api/v1/public/verify, GET /api/v1/public/verify/results/:token). The rule the page
// keeps (issue #19, Circular 15/2025/TT-BKHCN): a signature is called valid only when the document is
// intact since it, its certificate chains to a trusted root, was in force when it signed and is not
// known to be revoked; a tampered copy, an unknown issuer or an unknown answer is never "valid".

/** One signature as the server reports it (the contract and the fields it may add). */
export type VerifiedSignatureView = {
  signer: string;
  organisation: string | null;
  issuer: string;
  signedAt: string | null;
  intact: boolean;
  trusted: boolean;
  revoked: boolean | null;
  reason?: string | undefined;
  reasonEn?: string | undefined;
  expired?: boolean | undefined;
  timestamped?: boolean | undefined;
  /** The signature's byte range covers its whole revision of the file. */
  coversWholeFile?: boolean | undefined;
  /** Bytes were added after this signature's revision (a later signature, or a change). */
  modifiedAfter?: boolean | undefined;
  /** The server's own verdict on this signature. */
  valid?: boolean | undefined;
};

export type VerifyAnswerView = {
  signatures: VerifiedSignatureView[];
  document?:
    | {
        dossierCode: string;
        resultNumber: string | null;
        name?: string | undefined;
        date?: string | null | undefined;
        agency?: { code: string; name: string } | undefined;
      }
    | null
    | undefined;
};

/** The lines the page shows for one signature, each a fact the reader can check. */
export type SignatureFacts = {
  integrity: 'intact' | 'changed';
  trust: 'trusted' | 'unknown';
  /** expired: not in force when it signed; revoked: known revoked; unknown: the status could not be read. */
  standing: 'in-force' | 'expired' | 'revoked' | 'unknown';
  valid: boolean;
};

export function signatureFacts(s: VerifiedSignatureView): SignatureFacts {
  const standing =
    s.revoked === true
      ? 'revoked'
      : s.expired === true
        ? 'expired'
        : s.revoked === null
          ? 'unknown'
          : 'in-force';
  return {
    integrity: s.intact && s.coversWholeFile !== false ? 'intact' : 'changed',
    trust: s.trusted ? 'trusted' : 'unknown',
    standing,
    // Revocation not known (no list to ask) does not make a signature invalid; known revoked does.
    valid:
      s.intact &&
      s.coversWholeFile !== false &&
      s.trusted &&
      s.expired !== true &&
      s.revoked !== true &&
      s.valid !== false,
  };
}

/**
 * The document's verdict: no signature; changed after its last signature (every signature intact, but
 * bytes added after all of them: an incremental update no one signed); every signature valid; or at
 * least one that is not.
 */
export type DocumentVerdict = 'unsigned' | 'valid' | 'changed' | 'invalid';

export function documentVerdict(answer: VerifyAnswerView): DocumentVerdict {
  if (answer.signatures.length === 0) return 'unsigned';
  if (!answer.signatures.every((s) => signatureFacts(s).valid)) return 'invalid';
  return answer.signatures.some((s) => s.modifiedAfter !== true) ? 'valid' : 'changed';
}

/** Largest PDF the page sends (the server's limit too). */
export const VERIFY_MAX_BYTES = 20 * 1024 * 1024;

export type FileProblem = 'empty' | 'too-large' | 'not-pdf';

/** What is wrong with a chosen file before it is sent, by its size, type and first bytes. */
export function verifyFileProblem(
  file: { size: number; type: string; name: string },
  head: Uint8Array,
): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > VERIFY_MAX_BYTES) return 'too-large';
  const magic = String.fromCharCode(...head.subarray(0, 5));
  return magic === '%PDF-' ? null : 'not-pdf';
}

/** The token a result's QR code carries: `/xac-thuc?ma=<token>`; anything else is ignored. */
export function tokenFromQuery(search: string): string | null {
  const value = new URLSearchParams(search).get('ma')?.trim() ?? '';
  return /^[A-Za-z0-9_-]{8,200}$/.test(value) ? value : null;
}
