// Signed results at approval and at return (#19). The approval takes its number from the deciding
// agency's register (or keeps a typed one), binds each signed result file to the dossier and number
// (its QR token), and records the register entry, in the action's transaction. A case that requires a
// signed result is returned only with a PDF carrying a valid signature of the deciding agency: its seal,
// or a person of it whose certificate's CN is their full name (the binding, signatures-product.md).
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { VerifiedSignature } from '../../platform/signing/index.ts';
import { recordRegisterEntry, takeResultNumber, type RegisterDocumentRow } from './result-register.ts';
import { isPdf, isValidSignature, sha256Of, verifySignatures } from './verification.ts';
import { signingKitOf } from './signing-kit.ts';
import { fail } from './signatures.errors.ts';

type Trx = Transaction<DB>;

export const newResultToken = () => randomBytes(24).toString('base64url');

/** The register's year: the result's date in Vietnam (YYYY-MM-DD). */
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The approval's number: the typed one (trimmed), or the register's next. Only a well-formed date gives
 * a year; otherwise nothing is taken and the lifecycle names the date.
 */
export async function approvalNumber(
  trx: Trx,
  input: { agencyId: string; resultDate: unknown; typed: unknown },
): Promise<{ number: string; sequence: number | null } | null> {
  // Not text: left as it is, so that the lifecycle names it as any invalid input.
  if (input.typed !== undefined && typeof input.typed !== 'string') return null;
  const typed = typeof input.typed === 'string' ? input.typed.trim() : '';
  if (typed !== '') return { number: typed, sequence: null };
  if (typeof input.resultDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.resultDate)) return null;
  return takeResultNumber(trx, { agencyId: input.agencyId, year: yearOf(input.resultDate) });
}

/** Same text for a certificate's CN and a person's full name: NFC, spaces, case. */
export const sameName = (a: string, b: string) =>
  a.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi') ===
  b.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/**
 * The approval's register entry, and each result file that carries a valid signature bound to the
 * dossier and number (signed_documents, its QR token). The files signed by the deciding agency are
 * recorded on the dossier (`signed_result_files`: what the report counts read as a signed electronic
 * result) and answered. Runs in the action's transaction.
 */
export async function recordApproval(
  deps: Deps,
  trx: Trx,
  input: {
    dossierId: string;
    agencyId: string;
    record: { number: string; date: string; signer: string };
    sequence: number | null;
    documents: readonly { name: string; fileId?: string }[];
    at: Date;
    userId: string | null;
  },
): Promise<string[]> {
  const rows: RegisterDocumentRow[] = [];
  const memo: CheckMemo = new Map();
  for (const d of input.documents) {
    if (!d.fileId) {
      rows.push({ name: d.name, fileId: null, signed: false, resultToken: null });
      continue;
    }
    const token = await bindSignedFile(deps, trx, { ...input, fileId: d.fileId, name: d.name }, memo);
    rows.push({ name: d.name, fileId: d.fileId, signed: token !== null, resultToken: token });
  }
  await recordRegisterEntry(trx, {
    agencyId: input.agencyId,
    year: yearOf(input.record.date),
    sequence: input.sequence,
    number: input.record.number,
    date: input.record.date,
    signer: input.record.signer,
    dossierId: input.dossierId,
    documents: rows,
    at: input.at,
    userId: input.userId,
  });
  const signed = await agencySignedFiles(deps, trx, input, memo);
  await trx
    .updateTable('dossiers')
    .set({ signed_result_files: signed })
    .where('dossier_id', '=', input.dossierId)
    .execute();
  return signed;
}

/** A result file's bytes and signatures, read and verified once per approval (`memo`); null: not a PDF. */
type Checked = { bytes: Uint8Array; signatures: VerifiedSignature[] } | null;
type CheckMemo = Map<string, Promise<Checked>>;

function checkedFile(deps: Deps, fileId: string, memo: CheckMemo = new Map()): Promise<Checked> {
  let checked = memo.get(fileId);
  if (!checked) {
    checked = (async () => {
      const bytes = await deps.files.get(fileId);
      if (!bytes || !isPdf(bytes)) return null;
      const signatures = await verifySignatures(deps, bytes).catch(() => [] as VerifiedSignature[]);
      return { bytes, signatures };
    })();
    memo.set(fileId, checked);
  }
  return checked;
}

async function bindSignedFile(
  deps: Deps,
  trx: Trx,
  input: {
    dossierId: string;
    agencyId: string;
    record: { number: string; date: string };
    fileId: string;
    name: string;
    at: Date;
  },
  memo: CheckMemo,
): Promise<string | null> {
  const bound = {
    dossier_id: input.dossierId,
    result_number: input.record.number,
    document_date: input.record.date,
    name: input.name,
  };
  const known = await trx
    .selectFrom('signed_documents')
    .select(['token', 'kind'])
    .where('file_id', '=', input.fileId)
    .executeTakeFirst();
  if (known?.kind === 'result') {
    await trx.updateTable('signed_documents').set(bound).where('file_id', '=', input.fileId).execute();
    return known.token;
  }
  // A PDF signed elsewhere (uploaded signed): kept as a signed result when its signatures hold now.
  const checked = await checkedFile(deps, input.fileId, memo);
  if (!checked || checked.signatures.length === 0 || !checked.signatures.every(isValidSignature)) return null;
  const token = newResultToken();
  const sha256 = sha256Of(checked.bytes);
  const inserted = await trx
    .insertInto('signed_documents')
    .values({
      sha256,
      token,
      kind: 'result',
      file_id: input.fileId,
      agency_id: input.agencyId,
      created_at: input.at,
      ...bound,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('token')
    .executeTakeFirst();
  return inserted?.token ?? null;
}

/** Whether a valid signature is the deciding agency's: its seal, or one of its people by name. */
async function ofAgency(
  deps: Deps,
  trx: Trx,
  agency: { id: string; code: string; name: string },
  s: VerifiedSignature,
) {
  const seal = await signingKitOf(deps)
    .seal({ code: agency.code, name: agency.name })
    .catch(() => null);
  if (seal) {
    const [own] = await seal.certificates();
    if (own && serialOf(own) === s.certificate.serialHex.toLowerCase()) return true;
  }
  const people = await trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.user_id', 'r.user_id')
    .select('u.full_name')
    .where('r.agency_id', '=', agency.id)
    .where('r.role', '=', 'leader')
    .execute();
  return people.some((p) => sameName(p.full_name, s.signer));
}

/** The serial number (lower-case hex, no leading zero byte) of a DER certificate. */
function serialOf(der: Uint8Array): string {
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serialNumber INTEGER, ... } }
  let i = 0;
  const length = () => {
    let n = der[i++]!;
    if (n & 0x80) {
      const count = n & 0x7f;
      n = 0;
      for (let k = 0; k < count; k++) n = (n << 8) | der[i++]!;
    }
    return n;
  };
  i++; // SEQUENCE
  length();
  i++; // tbs SEQUENCE
  length();
  if (der[i] === 0xa0) {
    i++;
    const n = length();
    i += n;
  }
  i++; // INTEGER
  const n = length();
  let hex = Buffer.from(der.subarray(i, i + n)).toString('hex');
  while (hex.startsWith('00') && hex.length > 2) hex = hex.slice(2);
  return hex;
}

/**
 * The result files that carry a valid signature of the deciding agency: PDFs whose signatures all hold
 * now, one of them the agency's (its seal, or a leader of it by full name).
 */
export async function agencySignedFiles(
  deps: Deps,
  trx: Trx,
  input: { agencyId: string; documents: readonly { name: string; fileId?: string }[] },
  memo?: CheckMemo,
): Promise<string[]> {
  const agency = await trx
    .selectFrom('agencies')
    .select(['agency_id as id', 'code', 'name'])
    .where('agency_id', '=', input.agencyId)
    .executeTakeFirstOrThrow();
  const signed: string[] = [];
  for (const d of input.documents) {
    if (!d.fileId || signed.includes(d.fileId)) continue;
    const checked = await checkedFile(deps, d.fileId, memo);
    if (!checked || checked.signatures.length === 0 || !checked.signatures.every(isValidSignature)) continue;
    for (const s of checked.signatures) {
      if (await ofAgency(deps, trx, agency, s)) {
        signed.push(d.fileId);
        break;
      }
    }
  }
  return signed;
}

/**
 * Refuses `return-result` (422 SIGNATURES_SIGNED_RESULT_REQUIRED) unless a result document is a PDF
 * whose signatures all hold now and one of them is the deciding agency's.
 */
export async function assertSignedResult(
  deps: Deps,
  trx: Trx,
  input: { agencyId: string; documents: readonly { name: string; fileId?: string }[] },
): Promise<void> {
  if ((await agencySignedFiles(deps, trx, input)).length > 0) return;
  throw fail('SIGNATURES_SIGNED_RESULT_REQUIRED', {
    details: [
      {
        path: 'resultDocuments',
        message: 'Thiếu văn bản kết quả điện tử có chữ ký số hợp lệ của cơ quan giải quyết.',
      },
    ],
  });
}
