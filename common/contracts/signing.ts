// Signed results (#19): the agency's result register (sổ văn bản kết quả), signing sessions (the
// organisation seal the server holds, the officer's USB token through the VGCA plugin, remote signing),
// and the public verification. The flow and the rules: docs/domain/signatures-product.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable, Paged, PagedQuery } from './common.ts';

/** How a PDF gets its signature: the server's PKCS#12 organisation seal, the VGCA plugin, remote signing. */
export const SIGNING_METHODS = ['seal', 'plugin', 'remote'] as const;
export type SigningMethod = (typeof SIGNING_METHODS)[number];

/** pending: waiting for the plugin's upload; signed: done (signedFileId set); failed; expired. */
export const SIGNING_SESSION_STATUSES = ['pending', 'signed', 'failed', 'expired'] as const;
export type SigningSessionStatus = (typeof SIGNING_SESSION_STATUSES)[number];

export const SigningMethodLabels: Readonly<Record<SigningMethod, string>> = {
  seal: 'Đóng dấu của cơ quan',
  plugin: 'Ký số bằng USB token (VGCA)',
  remote: 'Ký số từ xa',
};

/** The id of a signing session or a file: a uuid. */
const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
/** A result token (what the QR carries): 32 url-safe base64 characters. */
export const ResultToken = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', maxLength: 64 });

// ─── one signature as verified ─────────────────────────────────────────────────────────────────

export const CertificateSummary = Closed({
  serialHex: Type.String(),
  subject: Type.String(),
  issuer: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  keyAlgorithm: Type.String(),
  keyBits: Type.Integer(),
});

/**
 * One signature of a PDF as the verifier reads it (the contract: signer, organisation, issuer,
 * signedAt, intact, trusted, revoked, reason; the rest added). `reason` is the Vietnamese verdict when
 * something is wrong ("Tài liệu đã bị thay đổi sau khi ký", "Không xác định được nguồn tin cậy" …),
 * `reasonEn` the same in English; both absent for a valid signature.
 */
export const VerifiedSignatureView = Closed({
  signer: Type.String(),
  organisation: Nullable(Type.String()),
  issuer: Type.String(),
  signedAt: Nullable(Type.String()),
  intact: Type.Boolean(),
  trusted: Type.Boolean(),
  revoked: Nullable(Type.Boolean()),
  reason: Type.Optional(Type.String()),
  expired: Type.Boolean(),
  timestamped: Type.Boolean(),
  coversWholeFile: Type.Boolean(),
  modifiedAfter: Type.Boolean(),
  reasonEn: Type.Optional(Type.String()),
  certificate: CertificateSummary,
  /** intact, trusted, not revoked, not expired, and covering the whole file. */
  valid: Type.Boolean(),
});
export type VerifiedSignatureView = Static<typeof VerifiedSignatureView>;

/** What the file is in motcua, when its bytes (or one of its signatures) match a result or slip issued here. */
export const VerifiedDocument = Closed({
  kind: Type.Union([Type.Literal('result'), Type.Literal('slip')]),
  dossierCode: Type.String(),
  /** The result's số, ký hiệu (e.g. "12/QĐ-UBND"); null for a slip. */
  resultNumber: Nullable(Type.String()),
  /** The result's date (YYYY-MM-DD), the slip's issue date. */
  date: Nullable(Type.String()),
  agency: Closed({ code: Type.String(), name: Type.String() }),
  /** The slip's kind (receipt, supplement …) for a slip; the result document's name for a result. */
  name: Type.String(),
});

export const VerifyAnswer = Closed({
  signatures: Type.Array(VerifiedSignatureView),
  document: Type.Optional(VerifiedDocument),
  /** A one-line verdict in Vietnamese and English for the whole file. */
  summary: Type.String(),
  summaryEn: Type.String(),
  /** Every signature valid (and at least one). */
  valid: Type.Boolean(),
});
export type VerifyAnswer = Static<typeof VerifyAnswer>;

/** GET /api/v1/public/verify/results/:token: the result motcua holds, verified, with its download. */
export const VerifyResultAnswer = Closed({
  ...VerifyAnswer.properties,
  /** `/api/v1/public/verify/results/<token>/file`: the signed PDF whose signature covers the whole file. */
  downloadUrl: Type.String(),
  fileName: Type.String(),
});
export type VerifyResultAnswer = Static<typeof VerifyResultAnswer>;

export const ResultTokenParams = Closed({ token: ResultToken });

// ─── signing sessions ──────────────────────────────────────────────────────────────────────────

/**
 * POST /api/v1/dossiers/:code/signing-sessions: sign a draft result the caller uploaded (files module,
 * a PDF) before the approval records it. The signed PDF is a new file of the caller (`signedFileId`),
 * which the approval then names in `resultDocuments`.
 */
export const CreateSigningSession = Closed({
  fileId: Uuid,
  method: Type.Enum(SIGNING_METHODS),
  /** The signer's title in the visible block (e.g. "Chủ tịch", "KT. Chủ tịch / Phó Chủ tịch"). */
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type CreateSigningSession = Static<typeof CreateSigningSession>;

export const SigningSessionView = Closed({
  id: Uuid,
  method: Type.Enum(SIGNING_METHODS),
  status: Type.Enum(SIGNING_SESSION_STATUSES),
  dossierCode: Type.String(),
  /** The file to sign. */
  fileId: Uuid,
  /** The signed file, once signed: put it in the approval's resultDocuments. */
  signedFileId: Nullable(Uuid),
  /** For the plugin: the absolute URL it downloads (FileName) and posts to (FileUploadHandler), each carrying the token. */
  fileUrl: Type.String(),
  uploadUrl: Type.String(),
  /** The plugin's SessionId: also accepted as the `sessionToken` form field or query parameter. */
  sessionToken: Type.String(),
  expiresAt: Type.String(),
  /** The token the QR of the signed result carries: `<PUBLIC_URL>/xac-thuc?ma=<resultToken>`. */
  resultToken: ResultToken,
  /** The signatures of the signed file as verified when it was accepted (leader's, then the seal when the case asks). */
  signatures: Type.Array(VerifiedSignatureView),
  /** Why a failed session failed (Vietnamese). */
  failure: Nullable(Type.String()),
});
export type SigningSessionView = Static<typeof SigningSessionView>;

export const SigningSessionParams = Closed({ id: Uuid });
/** The plugin's download and upload carry the session's token in the query (the plugin adds no header). */
export const SigningSessionTokenQuery = Closed({ token: Type.Optional(Type.String({ maxLength: 200 })) });

/**
 * POST /api/v1/signing/sessions/:id/signed (the plugin's FileUploadHandler): multipart, one PDF part
 * (any field name; ≤ 20 MB) and optionally `sessionToken`/`SessionId` text fields when the token is not
 * in the query. The answer is what the VGCA plugin expects from its upload handler.
 */
export const PluginUploadAnswer = Closed({
  /** 0 when the signed file was accepted; 1 otherwise. */
  Status: Type.Integer(),
  Message: Type.String(),
  /** The signed file's id. */
  FileServer: Type.String(),
  DocumentNumber: Type.String(),
  DocumentDate: Type.String(),
});

/** GET /api/v1/dossiers/:code/signing-options: what the approval screen offers the caller. */
export const SigningOptions = Closed({
  /** The methods this deployment offers the caller for this dossier (seal: the agency has a seal). */
  methods: Type.Array(Type.Enum(SIGNING_METHODS)),
  /** The dossier's case requires a signed result before `return-result`. */
  requiresSignedResult: Type.Boolean(),
  /** The case asks for the organisation seal as a second signature after the leader's. */
  sealAfterSigner: Type.Boolean(),
  /** The deciding agency whose register numbers the result. */
  agency: Closed({ code: Type.String(), name: Type.String() }),
  /** The number the approval takes when `resultNumber` is not typed (a preview; taken at approval). */
  nextResultNumber: Type.String(),
});
export type SigningOptions = Static<typeof SigningOptions>;

// ─── the result register ───────────────────────────────────────────────────────────────────────

export const RegisterDocument = Closed({
  name: Type.String(),
  fileId: Nullable(Type.String()),
  /** The file carries a signature that verified when the approval recorded it. */
  signed: Type.Boolean(),
  /** Its public verification token (QR), for a signed document. */
  resultToken: Nullable(Type.String()),
});

export const ResultRegisterEntry = Closed({
  /** Số: gap-free per agency and year for numbers the register gave; null for a typed (paper) number. */
  sequence: Nullable(Type.Integer({ minimum: 1 })),
  /** Số, ký hiệu as recorded: "12/QĐ-UBND". */
  resultNumber: Type.String(),
  /** The result's date, YYYY-MM-DD. */
  date: Type.String(),
  signer: Type.String(),
  dossierCode: Type.String(),
  procedureName: Type.String(),
  documents: Type.Array(RegisterDocument),
  /** Taken from the register (true) or typed by the leader (false). */
  fromRegister: Type.Boolean(),
  recordedAt: Type.String(),
  recordedBy: Type.String(),
});
export type ResultRegisterEntry = Static<typeof ResultRegisterEntry>;

export const ResultRegisterParams = Closed({ code: AgencyCode });
export const ResultRegisterQuery = PagedQuery({
  /** The register's year (Vietnam); default this year. */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export const ResultRegisterPage = Closed({
  ...Paged(ResultRegisterEntry).properties,
  agency: Closed({ code: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  /** The agency's ký hiệu pattern, `{so}` standing for the number: "{so}/QĐ-UBND". */
  symbolPattern: Type.String(),
  nextResultNumber: Type.String(),
});
export type ResultRegisterPage = Static<typeof ResultRegisterPage>;
