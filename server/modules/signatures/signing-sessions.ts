// Signing a draft result before the approval records it (#19), three ways behind one interface: the
// agency's seal (the server's PKCS#12), remote signing (the user approves on the phone) and the
// officer's USB token through the VGCA plugin (which downloads the file and posts it back signed). The
// signed PDF is a new file of the officer, which the approval names; when the case asks, the agency's
// seal is added after the signer's signature. docs/domain/signatures-product.md.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  signPdf,
  stampBlock,
  type SignatureBlock,
  type Signer,
  type VerifiedSignature,
} from '../../platform/signing/index.ts';
import { attachableFiles, storeMadeFile } from '../files/index.ts';
import type {
  CreateSigningSession,
  SigningMethod,
  SigningOptions,
  SigningSessionView,
} from '../../../common/contracts/signing.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { nextResultNumber } from './result-register.ts';
import { newResultToken, sameName } from './result-signatures.ts';
import { isPdf, isValidSignature, presentSignature, verifySignatures } from './verification.ts';
import { loadGrants } from '../auth/index.ts';
import { signingKitOf } from './signing-kit.ts';
import { fail } from './signatures.errors.ts';

/** How long the plugin has to download and post back the file. */
export const PLUGIN_SESSION_MS = 30 * 60_000;

/** What the dossiers module says of a dossier the caller may approve now (null: they may not). */
export type SignableDossier = {
  dossierId: string;
  code: string;
  competentAgency: { id: string; code: string; name: string };
  receivingAgencyId: string;
  requireSignedResult: boolean;
  sealResult: boolean;
};
export type SignableDossierOf = (deps: Deps, actor: Actor, code: string) => Promise<SignableDossier | null>;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

async function signable(deps: Deps, actor: Actor, code: string, of: SignableDossierOf) {
  const dossier = await of(deps, actor, code);
  if (!dossier) throw fail('SIGNATURES_SIGNER_NOT_ALLOWED');
  return dossier;
}

export async function signingOptions(
  deps: Deps,
  actor: Actor,
  input: { code: string; of: SignableDossierOf },
): Promise<SigningOptions> {
  const d = await signable(deps, actor, input.code, input.of);
  const kit = signingKitOf(deps);
  const methods: SigningMethod[] = ['plugin'];
  if (kit.remote({ username: actor.username })) methods.push('remote');
  if (await kit.seal({ code: d.competentAgency.code, name: d.competentAgency.name })) methods.unshift('seal');
  const year = Number(vnDate(deps.clock.now()).slice(0, 4));
  return {
    methods,
    requiresSignedResult: d.requireSignedResult,
    sealAfterSigner: d.sealResult,
    agency: { code: d.competentAgency.code, name: d.competentAgency.name },
    nextResultNumber: await nextResultNumber(deps.db, d.competentAgency.id, year),
  };
}

type SessionRow = {
  session_id: string;
  method: string;
  status: string;
  file_id: string;
  signed_file_id: string | null;
  result_token: string;
  expires_at: Date | string;
  signatures: unknown;
  failure: string | null;
  dossier_code: string;
};

function present(deps: Deps, row: SessionRow, sessionToken: string): SigningSessionView {
  const base = `${deps.config.publicUrl}/api/v1/signing/sessions/${row.session_id}`;
  const q = sessionToken === '' ? '' : `?token=${sessionToken}`;
  return {
    id: row.session_id,
    method: row.method as SigningMethod,
    status: row.status as SigningSessionView['status'],
    dossierCode: row.dossier_code,
    fileId: row.file_id,
    signedFileId: row.signed_file_id,
    fileUrl: `${base}/file${q}`,
    uploadUrl: `${base}/signed${q}`,
    sessionToken,
    expiresAt: new Date(row.expires_at).toISOString(),
    resultToken: row.result_token,
    signatures: row.signatures as SigningSessionView['signatures'],
    failure: row.failure,
  };
}

async function sessionRow(
  deps: Deps,
  id: string,
): Promise<
  SessionRow & { token_sha256: string; created_by_user_id: string; dossier_id: string; title: string | null }
> {
  const row = await deps.db
    .selectFrom('signing_sessions as s')
    .innerJoin('dossiers as d', 'd.dossier_id', 's.dossier_id')
    .selectAll('s')
    .select('d.code as dossier_code')
    .where('s.session_id', '=', id)
    .executeTakeFirst();
  if (!row) throw fail('SIGNATURES_SESSION_NOT_FOUND');
  return row;
}

/** The signatures the signed bytes must carry: every one valid, the signer's (last but the seal) named as the officer. */
function checkSigned(
  signatures: VerifiedSignature[],
  officer: { fullName: string },
): { vi: string; en: string } | null {
  if (signatures.length === 0) return { vi: 'tệp không có chữ ký số', en: 'the file carries no signature' };
  const bad = signatures.find((s) => !isValidSignature(s));
  if (bad)
    return { vi: bad.reason ?? 'chữ ký số không hợp lệ', en: bad.reasonEn ?? 'a signature is not valid' };
  if (!signatures.some((s) => sameName(s.signer, officer.fullName))) {
    return {
      vi: `chứng thư số không phải của ${officer.fullName} (tên trên chứng thư: ${signatures.map((s) => s.signer).join(', ')})`,
      en: `the certificate is not ${officer.fullName}'s (name on it: ${signatures.map((s) => s.signer).join(', ')})`,
    };
  }
  return null;
}

/** The public verification page of a result, which the QR code on it opens (#19 contract). */
export const verificationUrl = (deps: Deps, resultToken: string) =>
  `${deps.config.publicUrl}/xac-thuc?ma=${encodeURIComponent(resultToken)}`;

/** Signs with the visible block (appearance.ts: the place and content Decree 30/2020 gives it). */
async function sign(
  deps: Deps,
  bytes: Uint8Array,
  signer: Signer,
  who: { name: string; reason: string; block: Omit<SignatureBlock, 'time'> },
) {
  const kit = signingKitOf(deps);
  return signPdf(bytes, signer, {
    signedAt: deps.clock.now(),
    reason: who.reason,
    name: who.name,
    location: 'Việt Nam',
    field: { appearance: who.block },
    ...(kit.timestampUrl ? { timestampUrl: kit.timestampUrl } : {}),
  });
}

/**
 * The agency's seal: alone (its block carries the QR), or after the person's signature (over the left
 * third of the person's block, which carries the QR).
 */
async function sealed(
  deps: Deps,
  d: SignableDossier,
  input: { bytes: Uint8Array; resultToken: string; afterPerson: boolean },
): Promise<Uint8Array> {
  const seal = await signingKitOf(deps).seal({ code: d.competentAgency.code, name: d.competentAgency.name });
  if (!seal) throw fail('SIGNATURES_SEAL_UNAVAILABLE', { params: { agency: d.competentAgency.name } });
  const block = input.afterPerson
    ? { kind: 'seal' as const, organisation: d.competentAgency.name, overPerson: true }
    : {
        kind: 'seal' as const,
        organisation: d.competentAgency.name,
        qrUrl: verificationUrl(deps, input.resultToken),
      };
  return sign(deps, input.bytes, seal, {
    name: d.competentAgency.name,
    reason: 'Đóng dấu của cơ quan',
    block,
  });
}

/** The person's block (the plugin's without a time: its software signs later and says when). */
function personBlock(
  deps: Deps,
  input: { signer: string; organisation: string; resultToken: string },
): Omit<SignatureBlock, 'time'> {
  return {
    kind: 'person',
    signer: input.signer,
    organisation: input.organisation,
    qrUrl: verificationUrl(deps, input.resultToken),
  };
}

/** Stores the signed bytes as the officer's file and closes the session (or records a finished one). */
async function keepSigned(
  deps: Deps,
  actor: { userId: string; username: string } | Actor,
  s: {
    sessionId: string;
    dossier: { dossierId: string; agencyId: string };
    name: string;
    bytes: Uint8Array;
    signatures: VerifiedSignature[];
    resultToken: string;
    insert?: Record<string, unknown>;
  },
) {
  const now = deps.clock.now();
  const signed = Buffer.from(s.bytes);
  return storeMadeFile(deps, { bytes: signed, name: s.name, userId: actor.userId }, async (trx, stored) => {
    const values = {
      status: 'signed',
      signed_file_id: stored.fileId,
      signatures: JSON.stringify(s.signatures.map(presentSignature)),
    };
    if (s.insert)
      await trx
        .insertInto('signing_sessions')
        .values({ ...s.insert, ...values } as never)
        .execute();
    else
      await trx.updateTable('signing_sessions').set(values).where('session_id', '=', s.sessionId).execute();
    await trx
      .insertInto('signed_documents')
      .values({
        sha256: stored.sha256,
        token: s.resultToken,
        kind: 'result',
        file_id: stored.fileId,
        agency_id: s.dossier.agencyId,
        dossier_id: s.dossier.dossierId,
        name: s.name,
        result_number: null,
        document_date: null,
        source_sha256: null,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      { userId: actor.userId, label: actor.username },
      {
        action: 'signing.signed',
        entityType: 'signing-session',
        entityId: s.sessionId,
        details: { fileId: stored.fileId, sha256: stored.sha256, signers: s.signatures.map((x) => x.signer) },
        chain: s.dossier.agencyId,
      },
      now,
    );
  });
}

export async function createSigningSession(
  deps: Deps,
  actor: Actor,
  input: { code: string; body: CreateSigningSession; of: SignableDossierOf },
): Promise<SigningSessionView> {
  const d = await signable(deps, actor, input.code, input.of);
  const { fileId, method } = input.body;
  const file = (await attachableFiles(deps.db, [fileId], { kind: 'staff', userId: actor.userId })).has(fileId)
    ? await deps.db
        .selectFrom('files')
        .select(['media_type', 'original_name'])
        .where('file_id', '=', fileId)
        .executeTakeFirst()
    : undefined;
  const bytes = file?.media_type === 'application/pdf' ? await deps.files.get(fileId) : null;
  if (!file || !bytes || !isPdf(bytes)) {
    throw fail('SIGNATURES_FILE_NOT_SIGNABLE', {
      details: [{ path: 'body/fileId', message: 'Cần tệp PDF do chính người ký tải lên.' }],
    });
  }
  const name = file.original_name ?? 'ket-qua.pdf';
  const now = deps.clock.now();
  const sessionId = randomUUID();
  const resultToken = newResultToken();
  const row = {
    session_id: sessionId,
    dossier_id: d.dossierId,
    file_id: fileId,
    method,
    token_sha256: '',
    result_token: resultToken,
    title: input.body.title ?? null,
    created_by_user_id: actor.userId,
    created_at: now,
    expires_at: now,
  };
  const where = { dossierId: d.dossierId, agencyId: d.competentAgency.id };
  if (method === 'plugin') {
    // Drawn now as the download will draw it, so that a PDF it cannot draw on is refused here (422).
    await stampedForPlugin(deps, bytes, {
      signer: actor.fullName,
      organisation: d.competentAgency.name,
      resultToken,
    });
    const token = randomBytes(24).toString('base64url');
    const expires = new Date(now.getTime() + PLUGIN_SESSION_MS);
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('signing_sessions')
        .values({
          ...row,
          status: 'pending',
          token_sha256: tokenHash(token),
          expires_at: expires,
          signatures: '[]',
        })
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: 'signing.session-opened',
          entityType: 'signing-session',
          entityId: sessionId,
          details: { fileId, method },
          chain: d.competentAgency.id,
        },
        now,
      );
    });
    return present(
      deps,
      {
        ...row,
        status: 'pending',
        signed_file_id: null,
        signatures: [],
        failure: null,
        expires_at: expires,
        dossier_code: d.code,
      },
      token,
    );
  }
  let signed: Uint8Array;
  if (method === 'seal') {
    signed = await sealed(deps, d, { bytes, resultToken, afterPerson: false });
  } else {
    const remote = signingKitOf(deps).remote({ username: actor.username });
    if (!remote) throw fail('SIGNATURES_REMOTE_UNAVAILABLE');
    signed = await sign(deps, bytes, remote, {
      name: actor.fullName,
      reason: input.body.title ?? 'Phê duyệt kết quả',
      block: personBlock(deps, {
        signer: actor.fullName,
        organisation: d.competentAgency.name,
        resultToken,
      }),
    });
    const problem = checkSigned(await verifySignatures(deps, signed), actor);
    if (problem)
      throw fail('SIGNATURES_UPLOAD_REFUSED', { params: { detail: problem.vi, detailEn: problem.en } });
    if (d.sealResult) signed = await sealed(deps, d, { bytes: signed, resultToken, afterPerson: true });
  }
  const signatures = await verifySignatures(deps, signed);
  const stored = await keepSigned(deps, actor, {
    sessionId,
    dossier: where,
    name,
    bytes: signed,
    signatures,
    resultToken,
    insert: row,
  });
  return present(
    deps,
    {
      ...row,
      status: 'signed',
      signed_file_id: stored.fileId,
      signatures: signatures.map(presentSignature),
      failure: null,
      dossier_code: d.code,
    },
    '',
  );
}

export async function getSigningSession(deps: Deps, actor: Actor, id: string): Promise<SigningSessionView> {
  const row = await sessionRow(deps, id);
  if (row.created_by_user_id !== actor.userId) throw fail('SIGNATURES_SESSION_NOT_FOUND');
  const expired = row.status === 'pending' && new Date(row.expires_at) <= deps.clock.now();
  return present(deps, { ...row, status: expired ? 'expired' : row.status }, '');
}

/** The session a plugin call names, its token checked, still waiting. */
async function pendingSession(deps: Deps, id: string, token: string | undefined) {
  const row = await sessionRow(deps, id);
  if (!token || tokenHash(token) !== row.token_sha256) throw fail('SIGNATURES_SESSION_TOKEN_INVALID');
  const status =
    row.status === 'pending' && new Date(row.expires_at) <= deps.clock.now() ? 'expired' : row.status;
  if (status !== 'pending') throw fail('SIGNATURES_SESSION_CLOSED', { params: { status } });
  return row;
}

/**
 * What the plugin signs: the session's file with the officer's block drawn on its last page, as an
 * unsigned revision (the plugin's software adds its own signature field, so the block cannot be its
 * widget's appearance; its signature covers the block all the same). Rendered again from the same
 * inputs when the signed file comes back, byte for byte the same, to check that it extends it.
 */
async function pluginFile(
  deps: Deps,
  row: { file_id: string; dossier_id: string; created_by_user_id: string; result_token: string },
): Promise<Uint8Array | null> {
  const original = await deps.files.get(row.file_id);
  if (!original) return null;
  const officer = await deps.db
    .selectFrom('users')
    .select('full_name')
    .where('user_id', '=', row.created_by_user_id)
    .executeTakeFirstOrThrow();
  const agency = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.competent_agency_id')
    .select('a.name')
    .where('d.dossier_id', '=', row.dossier_id)
    .executeTakeFirstOrThrow();
  return stampedForPlugin(deps, original, {
    signer: officer.full_name,
    organisation: agency.name,
    resultToken: row.result_token,
  });
}

const stampedForPlugin = (
  deps: Deps,
  original: Uint8Array,
  who: { signer: string; organisation: string; resultToken: string },
) => stampBlock(original, { ...personBlock(deps, who), time: null });

/** The file the plugin downloads to sign. */
export async function sessionFile(deps: Deps, input: { id: string; token: string | undefined }) {
  const row = await pendingSession(deps, input.id, input.token);
  const bytes = await pluginFile(deps, row);
  if (!bytes) throw fail('SIGNATURES_SESSION_NOT_FOUND');
  return { bytes: Buffer.from(bytes), fileName: `${row.dossier_code}-ket-qua.pdf` };
}

/**
 * The plugin's upload (FileUploadHandler): the signed PDF must extend the session's file (an incremental
 * signature over it), verify, and carry the officer's signature; the case's seal is added after it.
 * A refused file is answered in the plugin's shape (Status 1) and fails the session.
 */
export async function acceptPluginUpload(
  deps: Deps,
  input: { id: string; token: string | undefined; bytes: Buffer; of: SignableDossierOf },
) {
  const row = await pendingSession(deps, input.id, input.token);
  const officer = await deps.db
    .selectFrom('users')
    .select(['user_id', 'username', 'full_name'])
    .where('user_id', '=', row.created_by_user_id)
    .executeTakeFirstOrThrow();
  const original = await pluginFile(deps, row).then((b) => (b ? Buffer.from(b) : null));
  const date = vnDate(deps.clock.now());
  const refuse = async (vi: string) => {
    await deps.db
      .updateTable('signing_sessions')
      .set({ status: 'failed', failure: vi })
      .where('session_id', '=', row.session_id)
      .where('status', '=', 'pending')
      .execute();
    return {
      Status: 1,
      Message: `Tệp đã ký không được chấp nhận: ${vi}.`,
      FileServer: '',
      DocumentNumber: '',
      DocumentDate: date,
    };
  };
  if (!isPdf(input.bytes)) return refuse('tệp không phải PDF');
  if (
    !original ||
    input.bytes.length <= original.length ||
    !input.bytes.subarray(0, original.length).equals(original)
  ) {
    return refuse('tệp không phải bản ký của tệp trong phiên ký');
  }
  const signatures = await verifySignatures(deps, input.bytes).catch(() => null);
  if (signatures === null) return refuse('không đọc được chữ ký trong tệp');
  const problem = checkSigned(signatures, { fullName: officer.full_name });
  if (problem) return refuse(problem.vi);
  const agency = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.competent_agency_id')
    .select(['a.agency_id', 'a.code', 'a.name'])
    .where('d.dossier_id', '=', row.dossier_id)
    .executeTakeFirstOrThrow();
  const actor = { userId: officer.user_id, username: officer.username };
  const d = await sealIfAsked(deps, { row, officer, of: input.of });
  const bytes = d?.sealResult
    ? await sealed(deps, d, { bytes: input.bytes, resultToken: row.result_token, afterPerson: true })
    : input.bytes;
  const all = d?.sealResult ? await verifySignatures(deps, bytes) : signatures;
  const stored = await keepSigned(deps, actor, {
    sessionId: row.session_id,
    dossier: { dossierId: row.dossier_id, agencyId: agency.agency_id },
    name: `${row.dossier_code}-ket-qua.pdf`,
    bytes,
    signatures: all,
    resultToken: row.result_token,
  });
  return {
    Status: 0,
    Message: 'Đã nhận tệp đã ký số.',
    FileServer: stored.fileId,
    DocumentNumber: '',
    DocumentDate: date,
  };
}

/** The dossier's case flags as the officer who opened the session sees it (null: no longer theirs to approve). */
async function sealIfAsked(
  deps: Deps,
  input: { row: { dossier_code: string }; officer: { user_id: string }; of: SignableDossierOf },
) {
  const grants = await loadGrants(deps.db, input.officer.user_id);
  const user = await deps.db
    .selectFrom('users')
    .select(['username', 'full_name'])
    .where('user_id', '=', input.officer.user_id)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: input.officer.user_id,
    username: user.username,
    fullName: user.full_name,
    grants,
    via: 'session',
  };
  return input.of(deps, actor, input.row.dossier_code).catch(() => null);
}
