// Verifying a PDF for anyone (#19): each signature as the platform's verifyPdf reads it against the trust
// store, with a verdict in Vietnamese and English, and what the file is in motcua when its hash matches
// a result or slip issued here (signed_documents). Circular 15/2025/TT-BKHCN: who signed, when, whether
// the document is unchanged, whether the chain reaches a trusted root.
import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Database } from '../../db/client.ts';
import { verifyPdf, type VerifiedSignature } from '../../platform/signing/index.ts';
import type { VerifiedSignatureView, VerifyAnswer } from '../../../common/contracts/signing.ts';
import { signingKitOf } from './signing-kit.ts';
import { fail } from './signatures.errors.ts';

export const isPdf = (bytes: Uint8Array) =>
  bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A signature that holds: intact, covering the whole file, a trusted chain, not revoked or expired. */
export const isValidSignature = (s: VerifiedSignature) =>
  s.intact && s.coversWholeFile && s.trusted && s.revoked !== true && !s.expired;

export function presentSignature(s: VerifiedSignature): VerifiedSignatureView {
  return {
    signer: s.signer,
    organisation: s.organisation,
    issuer: s.issuer,
    signedAt: s.signedAt,
    intact: s.intact,
    trusted: s.trusted,
    revoked: s.revoked,
    ...(s.reason === undefined ? {} : { reason: s.reason }),
    expired: s.expired,
    timestamped: s.timestamped,
    coversWholeFile: s.coversWholeFile,
    modifiedAfter: s.modifiedAfter,
    ...(s.reasonEn === undefined ? {} : { reasonEn: s.reasonEn }),
    certificate: s.certificate,
    valid: isValidSignature(s),
  };
}

function summaryOf(signatures: VerifiedSignatureView[]): Pick<VerifyAnswer, 'summary' | 'summaryEn' | 'valid'> {
  if (signatures.length === 0) {
    return { summary: 'Tài liệu không có chữ ký số.', summaryEn: 'The document carries no digital signature.', valid: false };
  }
  const bad = signatures.filter((s) => !s.valid).length;
  if (bad === 0) {
    return {
      summary: `Tài liệu có ${signatures.length} chữ ký số hợp lệ và còn nguyên vẹn.`,
      summaryEn: `The document carries ${signatures.length} valid digital signature(s) and is unchanged.`,
      valid: true,
    };
  }
  return {
    summary: `Tài liệu có ${bad}/${signatures.length} chữ ký số không hợp lệ.`,
    summaryEn: `${bad} of the document's ${signatures.length} digital signature(s) are not valid.`,
    valid: false,
  };
}

/** The signatures of a PDF, verified against the deployment's trust store. A non-PDF is 415. */
export async function verifySignatures(deps: Deps, bytes: Uint8Array): Promise<VerifiedSignature[]> {
  if (!isPdf(bytes)) throw fail('SIGNATURES_NOT_PDF', { details: [{ path: 'file', message: 'Tệp không phải PDF.' }] });
  const trust = await signingKitOf(deps).trust();
  return (await verifyPdf(bytes, trust)).signatures;
}

/** What motcua issued with these exact bytes, if anything. */
async function documentOf(db: Database, sha256: string): Promise<VerifyAnswer['document']> {
  const row = await db
    .selectFrom('signed_documents as s')
    .innerJoin('agencies as a', 'a.agency_id', 's.agency_id')
    .leftJoin('dossiers as d', 'd.dossier_id', 's.dossier_id')
    .select(['s.kind', 's.name', 's.result_number', 's.document_date', 'a.code', 'a.name as agency_name', 'd.code as dossier_code'])
    .where('s.sha256', '=', sha256)
    .executeTakeFirst();
  if (!row || row.dossier_code === null) return undefined;
  // A result not yet recorded by an approval is not a result motcua issued.
  if (row.kind === 'result' && row.result_number === null) return undefined;
  return {
    kind: row.kind as 'result' | 'slip',
    dossierCode: row.dossier_code,
    resultNumber: row.result_number,
    date: row.document_date,
    agency: { code: row.code, name: row.agency_name },
    name: row.name,
  };
}

export async function verifyDocument(deps: Deps, bytes: Uint8Array): Promise<VerifyAnswer> {
  const signatures = (await verifySignatures(deps, bytes)).map(presentSignature);
  const document = signatures.length === 0 ? undefined : await documentOf(deps.db, sha256Of(bytes));
  return { signatures, ...(document ? { document } : {}), ...summaryOf(signatures) };
}

/** The result a QR token names: its signed bytes, verified now, with what it is. */
export async function verifyResultToken(deps: Deps, token: string) {
  const row = await deps.db
    .selectFrom('signed_documents')
    .select(['file_id', 'name', 'result_number'])
    .where('token', '=', token)
    .where('kind', '=', 'result')
    .where('result_number', 'is not', null)
    .executeTakeFirst();
  const bytes = row ? await deps.files.get(row.file_id) : null;
  if (!row || !bytes) throw fail('SIGNATURES_RESULT_NOT_FOUND', { details: [{ path: 'params/token', message: 'Mã không đúng.' }] });
  const answer = await verifyDocument(deps, bytes);
  return {
    answer: {
      ...answer,
      downloadUrl: `/api/v1/public/verify/results/${token}/file`,
      fileName: `${row.result_number!.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`,
    },
    bytes,
  };
}
