// The applicant's document store (kho quản lý dữ liệu điện tử của tổ chức, cá nhân; ND 45/2020 Điều 16):
// every electronic result a dossier issues becomes a record under the applicant's ID number, in the
// approve action's transaction; the citizen lists and downloads their records; a desk officer looks an
// applicant's records up (audited); a later dossier reuses a record by pointing its component at the
// record's file (docs/domain/documents.md).
import { sql, type Transaction } from 'kysely';
import type { ApplicantDocument } from '../../../common/contracts/documents.ts';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { extensionOf } from '../files/index.ts';
import type { Actor, CitizenActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import type { AuditEntry } from '../../platform/audit.ts';
import { fail } from './documents.errors.ts';
import { documentLookupProvinces, provinceOf } from './documents.policy.ts';
import { pageWithTotal } from '../../db/paging.ts';
import { isValidSignature, verifySignatures } from '../signatures/index.ts';

// ---------------------------------------------------------------------------------------------------
// Keeping results

/** What the approve action's transaction knows of the dossier whose result becomes a record. */
export type ResultSource = {
  dossier_id: string;
  code: string;
  applicant: Record<string, unknown>;
  applicant_id_number: string;
  procedure_version_id: string;
  procedure_code: string;
  competent_agency_id: string;
};

/**
 * Keeps the result documents the approval attached as records of the applicant, in the action's
 * transaction. The approval is when the result is signed and issued, and it happens once: the lifecycle
 * never sends a dossier back across it and refuses withdrawal and stopping after it (lifecycle.md), and no
 * later action changes `resultDocuments`. A document without a file is a paper result, not a digitised
 * one, and is not kept. The unique key (dossier, kind, position) makes a repeated write a no-op.
 */
export async function keepResultDocuments(
  trx: Transaction<DB>,
  dossier: ResultSource,
  resultDocuments: readonly { name: string; fileId?: string }[],
  issuedAt: Date,
): Promise<void> {
  const withFiles = resultDocuments.flatMap((d, position) =>
    d.fileId === undefined ? [] : [{ name: d.name, fileId: d.fileId, position }],
  );
  if (withFiles.length === 0) return;
  const version = await trx
    .selectFrom('procedure_versions')
    .select('name')
    .where('procedure_version_id', '=', dossier.procedure_version_id)
    .executeTakeFirstOrThrow();
  const applicantKind = dossier.applicant.kind === 'organisation' ? 'organisation' : 'person';
  await trx
    .insertInto('applicant_documents')
    .values(
      withFiles.map((d) => ({
        applicant_kind: applicantKind,
        applicant_id_number: dossier.applicant_id_number,
        kind: 'result',
        name: d.name,
        file_id: d.fileId,
        dossier_id: dossier.dossier_id,
        dossier_code: dossier.code,
        position: d.position,
        procedure_code: dossier.procedure_code,
        procedure_name: version.name,
        issuing_agency_id: dossier.competent_agency_id,
        issued_at: issuedAt,
        created_at: issuedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['dossier_id', 'kind', 'position']).doNothing())
    .execute();
}

/**
 * Marks the approval's records that are the signed original (their file verified at the approval as
 * signed by the deciding agency: signatures/result-signatures.ts) and gives every record of the
 * dossier the result's number. Runs in the approve action's transaction, after keepResultDocuments.
 */
export async function markSignedRecords(
  trx: Transaction<DB>,
  approval: { dossierId: string; signedFileIds: readonly string[]; resultNumber: string },
): Promise<void> {
  await trx
    .updateTable('applicant_documents')
    .set({
      signed: sql<boolean>`file_id = ANY (${[...approval.signedFileIds]}::text[])`,
      result_number: approval.resultNumber.trim() === '' ? null : approval.resultNumber.trim(),
    })
    .where('dossier_id', '=', approval.dossierId)
    .where('kind', '=', 'result')
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// Reuse at intake and in online submission

type ReusableComponent = {
  provided: string;
  fileIds?: string[] | undefined;
  documentIds?: string[] | undefined;
};

/**
 * Checks the records components reuse and points each such component at the records' files (the same
 * files: nothing is copied). A cited record must exist, be the applicant's (same kind and ID number) and
 * have been issued in the province of the receiving desk, whose store it is. A citizen submitting online
 * reuses only records in their own name, and a component they give as reused must cite one (at the desk
 * the officer may still record a paper reused from elsewhere without citing a record). Every failing
 * citation is named (`components/<i>/documentIds/<j>`), with one message whether the record does not
 * exist or is someone else's, so that nothing is learnt about other people's records. A record kept as
 * the signed original has its signature verified again (the signatures module's trust store, now): one
 * that no longer holds (file changed, chain not trusted, certificate revoked or expired) is refused
 * with the reason, at the same path (#19).
 */
export async function resolveReusedDocuments<C extends ReusableComponent>(
  deps: Deps,
  reuse: {
    applicant: { kind: string; idNumber: string };
    components: readonly C[];
    /** The receiving desk's unit: its province's store is searched. */
    unitPath: string;
    byCitizen: boolean;
    pathOf: (p: string) => string;
  },
): Promise<{ problems: ErrorDetail[]; components: C[] }> {
  const { applicant, components, pathOf } = reuse;
  const submittedByCitizen = reuse.byCitizen;
  const problems: ErrorDetail[] = [];
  if (submittedByCitizen)
    components.forEach((c, i) => {
      if (c.provided === 'reused' && (c.documentIds ?? []).length === 0)
        problems.push({
          path: pathOf(`components/${i}/documentIds`),
          message: 'Chọn giấy tờ trong kho dữ liệu của bạn để dùng lại.',
        });
    });
  const cited = [...new Set(components.flatMap((c) => c.documentIds ?? []))];
  if (cited.length === 0) return { problems, components: [...components] };
  const province = provinceOf(reuse.unitPath);
  const rows = await deps.db
    .selectFrom('applicant_documents as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.issuing_agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['d.applicant_document_id', 'd.file_id', 'd.signed', 'd.name', 'd.result_number'])
    .where('d.applicant_document_id', 'in', cited)
    .where('d.applicant_kind', '=', applicant.kind)
    .where('d.applicant_id_number', '=', applicant.idNumber)
    .where('u.path', 'like', `${province}%`)
    .execute();
  // A citizen acting for an organisation (or another person) does not reach its store.
  const fileOf = new Map(
    submittedByCitizen && applicant.kind !== 'person'
      ? []
      : rows.map((r) => [r.applicant_document_id, r.file_id]),
  );
  const brokenSignatures = new Map<string, string>();
  for (const r of rows) {
    if (!r.signed || !fileOf.has(r.applicant_document_id)) continue;
    const problem = await signatureProblem(deps, r.file_id);
    if (problem === null) continue;
    const number = r.result_number ? ` (số ${r.result_number})` : '';
    brokenSignatures.set(
      r.applicant_document_id,
      `Chữ ký số của giấy tờ “${r.name}”${number} không còn hợp lệ: ${problem} Không thể dùng lại giấy tờ này; hãy nộp bản khác.`,
    );
  }
  const resolved = components.map((c, i) => {
    const ids = c.documentIds ?? [];
    if (ids.length === 0) return c;
    if (c.provided !== 'reused') {
      problems.push({
        path: pathOf(`components/${i}/documentIds`),
        message: 'Chỉ thành phần “dùng lại” (provided: reused) mới dẫn giấy tờ trong kho dữ liệu.',
      });
      return c;
    }
    const files = ids.map((id, j) => {
      const file = fileOf.get(id);
      if (file === undefined)
        problems.push({
          path: pathOf(`components/${i}/documentIds/${j}`),
          message: 'Không có giấy tờ này trong kho dữ liệu của người nộp.',
        });
      const broken = brokenSignatures.get(id);
      if (file !== undefined && broken !== undefined) {
        problems.push({ path: pathOf(`components/${i}/documentIds/${j}`), message: broken });
        return undefined;
      }
      return file;
    });
    const fileIds = [...new Set([...(c.fileIds ?? []), ...files.filter((f) => f !== undefined)])];
    return { ...c, fileIds };
  });
  return { problems, components: resolved };
}

/** Why a stored signed original no longer verifies now (a sentence), or null when it does. */
async function signatureProblem(deps: Deps, fileId: string): Promise<string | null> {
  const bytes = await deps.files.get(fileId);
  if (!bytes) return 'không còn tệp của giấy tờ.';
  const signatures = await verifySignatures(deps, bytes).catch(() => null);
  if (signatures === null || signatures.length === 0) return 'tệp không còn chữ ký số.';
  const bad = signatures.find((s) => !isValidSignature(s));
  if (!bad) return null;
  if (!bad.intact || !bad.coversWholeFile) return 'tệp đã bị thay đổi sau khi ký.';
  if (bad.revoked === true) return 'chứng thư số của người ký đã bị thu hồi.';
  if (bad.expired) return 'chứng thư số của người ký đã hết hạn.';
  if (!bad.trusted) return 'chứng thư số không thuộc nguồn tin cậy.';
  return bad.reason ? `${bad.reason}.` : 'chữ ký số không hợp lệ.';
}

// ---------------------------------------------------------------------------------------------------
// Reads

type Page = { offset: number; limit: number };

function documentsQuery(db: Database) {
  return db
    .selectFrom('applicant_documents as d')
    .innerJoin('files as f', 'f.file_id', 'd.file_id')
    .innerJoin('agencies as a', 'a.agency_id', 'd.issuing_agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id');
}

async function listWhere(
  q: ReturnType<typeof documentsQuery>,
  page: Page,
): Promise<{ items: ApplicantDocument[]; total: number }> {
  const { rows, total } = await pageWithTotal(q, (query) =>
    query
      .select([
        'd.applicant_document_id',
        'd.kind',
        'd.name',
        'd.dossier_code',
        'd.procedure_code',
        'd.procedure_name',
        'a.code as agency_code',
        'a.name as agency_name',
        'd.issued_at',
        'f.media_type',
        'f.size',
        'd.signed',
        'd.result_number',
      ])
      .orderBy('d.issued_at', 'desc')
      .orderBy('d.applicant_document_id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  );
  return {
    total,
    items: rows.map((r) => ({
      documentId: r.applicant_document_id,
      kind: r.kind as ApplicantDocument['kind'],
      name: r.name,
      dossierCode: r.dossier_code,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      issuingAgency: { code: r.agency_code, name: r.agency_name },
      issuedAt: new Date(r.issued_at).toISOString(),
      file: { mediaType: r.media_type, size: Number(r.size) },
      signed: r.signed,
      resultNumber: r.result_number,
    })),
  };
}

/** The signed-in citizen's records: those in their own name (their vouched ID number), newest first. */
export async function listOwnDocuments(deps: Deps, citizen: CitizenActor, page: Page) {
  return listWhere(
    documentsQuery(deps.db)
      .where('d.applicant_kind', '=', 'person')
      .where('d.applicant_id_number', '=', citizen.idNumber),
    page,
  );
}

/**
 * An applicant's records as a desk officer receiving a dossier sees them: those issued in the desk's
 * province (documents.policy.ts). Other roles are refused. Personal data: every lookup is audited with
 * the number looked up and how many records it showed.
 */
export async function listApplicantDocuments(
  deps: Deps,
  actor: Actor,
  lookup: { idNumber: string; page: Page; requestId: string },
) {
  const { idNumber, page, requestId } = lookup;
  const provinces = lookupProvinces(actor);
  const list = await listWhere(
    documentsQuery(deps.db)
      .where('d.applicant_id_number', '=', idNumber)
      .where((eb) => eb.or(provinces.map((p) => eb('u.path', 'like', `${p}%`)))),
    page,
  );
  await auditRead(deps, actor, {
    action: 'applicant-documents.looked-up',
    entityType: 'applicant',
    entityId: idNumber,
    details: { total: list.total, shown: list.items.map((d) => d.documentId), provinces },
    requestId,
  });
  return list;
}

/**
 * The file of one of an applicant's records, for a desk officer checking it before reusing it: the same
 * reach as the lookup (desk officers, records issued in their province) and, like it, audited. A record
 * of another applicant, or out of reach, is "not found".
 */
export async function applicantDocumentFile(
  deps: Deps,
  actor: Actor,
  which: { idNumber: string; documentId: string; requestId: string },
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const { idNumber, documentId, requestId } = which;
  const provinces = lookupProvinces(actor);
  const row = await documentsQuery(deps.db)
    .select(['d.file_id', 'd.dossier_code', 'd.position', 'f.media_type'])
    .where('d.applicant_document_id', '=', documentId)
    .where('d.applicant_id_number', '=', idNumber)
    .where((eb) => eb.or(provinces.map((p) => eb('u.path', 'like', `${p}%`))))
    .executeTakeFirst();
  const bytes = row ? await deps.files.get(row.file_id) : null;
  if (!row || bytes === null) throw fail('DOCUMENT_NOT_FOUND');
  await auditRead(deps, actor, {
    action: 'applicant-document.opened',
    entityType: 'applicant',
    entityId: idNumber,
    details: { documentId, dossierCode: row.dossier_code },
    requestId,
  });
  return { bytes, mediaType: row.media_type, fileName: resultFileName(row) };
}

/** The provinces whose stores the officer may look up: desk officers, in their province. */
function lookupProvinces(actor: Actor): string[] {
  const provinces = documentLookupProvinces(actor.grants);
  if (provinces.length === 0) throw fail('DOCUMENT_LOOKUP_DESK_ONLY');
  return provinces;
}

/** An officer reading an applicant's records reads personal data: it is logged. */
async function auditRead(deps: Deps, actor: Actor, entry: AuditEntry): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, actor, entry, now);
  });
}

const resultFileName = (row: { dossier_code: string; position: number; media_type: string }) =>
  `${row.dossier_code}-ket-qua-${row.position + 1}.${extensionOf(row.media_type)}`;

/** The file of one of the citizen's own records; any other record is "not found". */
export async function ownDocumentFile(
  deps: Deps,
  citizen: CitizenActor,
  documentId: string,
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const row = await deps.db
    .selectFrom('applicant_documents as d')
    .innerJoin('files as f', 'f.file_id', 'd.file_id')
    .select(['d.file_id', 'd.dossier_code', 'd.position', 'f.media_type'])
    .where('d.applicant_document_id', '=', documentId)
    .where('d.applicant_kind', '=', 'person')
    .where('d.applicant_id_number', '=', citizen.idNumber)
    .executeTakeFirst();
  const bytes = row ? await deps.files.get(row.file_id) : null;
  if (!row || bytes === null) throw fail('DOCUMENT_NOT_FOUND');
  return { bytes, mediaType: row.media_type, fileName: resultFileName(row) };
}
