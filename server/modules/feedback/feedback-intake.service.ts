// How a PAKN enters the register (docs/domain/feedback.md): sent on the portal (signed in, or with
// name, phone and e-mail), recorded by an officer from the phone or paper, forwarded by the national
// portal; and the attachments uploaded for one being written. Each intake writes, in one transaction,
// the code, the row, its files, the history entry, the audit entry and the `feedback.notification`.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor, CitizenActor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { findReplay, rememberResponse } from '../../platform/idempotency.ts';
import { enqueue, message } from '../../platform/jobs/outbox.ts';
import { FeedbackNotificationTopic } from '../../../common/contracts/outbox-topics.ts';
import type {
  FeedbackChannel,
  FeedbackKind,
  FeedbackSender,
  RecordFeedbackBody,
  SubmitFeedbackBody,
  SubmitFeedbackResponse,
} from '../../../common/contracts/feedback.ts';
import { MAX_FEEDBACK_FILE_BYTES } from '../../../common/contracts/feedback.ts';
import { canReachAgency } from '../org/index.ts';
import { sniffMediaType, storableName } from '../files/index.ts';
import { fail } from './feedback.errors.ts';
import {
  agencyByCode,
  agencyById,
  appendHistory,
  dueTimes,
  nextCode,
  offeringAgency,
  peoplesCommitteeOf,
  unitInForce,
  type AgencyInfo,
  type Executor,
} from './feedback.repository.ts';

/** An anonymous upload is usable for this long (docs/domain/feedback.md). */
export const UPLOAD_TOKEN_MS = 60 * 60_000;

const invalid = (details: ErrorDetail[]) => fail('FEEDBACK_INVALID', { details });
const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^84/, '0');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What every intake writes. */
type NewFeedback = {
  kind: FeedbackKind;
  channel: FeedbackChannel;
  subject: string;
  content: string;
  sender: { fullName: string; phone: string; email: string | null; address: string | null };
  citizenId: string | null;
  recordedBy: Actor | null;
  agency: AgencyInfo;
  procedureCode: string | null;
  dossierId: string | null;
  publishConsent: boolean;
  receivedAt: Date;
  externalId: string | null;
  fileIds: readonly string[];
  label: string;
};

async function insertFeedback(
  deps: Deps,
  trx: Transaction<DB>,
  f: NewFeedback,
): Promise<SubmitFeedbackResponse> {
  const now = deps.clock.now();
  const code = await nextCode(trx, f.receivedAt);
  const { dueAt, transferDueAt } = await dueTimes(deps, trx, {
    agencyId: f.agency.agency_id,
    kind: f.kind,
    urgent: false,
    start: f.receivedAt,
  });
  const row = await trx
    .insertInto('feedback')
    .values({
      code,
      kind: f.kind,
      channel: f.channel,
      subject: f.subject.trim(),
      content: f.content.trim(),
      procedure_code: f.procedureCode,
      dossier_id: f.dossierId,
      sender_name: f.sender.fullName.trim(),
      sender_phone: f.sender.phone.trim(),
      sender_email: f.sender.email,
      sender_address: f.sender.address,
      citizen_id: f.citizenId,
      recorded_by_user_id: f.recordedBy?.userId ?? null,
      publish_consent: f.publishConsent,
      agency_id: f.agency.agency_id,
      status: 'received',
      received_at: f.receivedAt,
      clock_started_at: f.receivedAt,
      due_at: dueAt,
      transfer_due_at: transferDueAt,
      external_id: f.externalId,
      created_at: now,
    })
    .returning('feedback_id')
    .executeTakeFirstOrThrow();
  if (f.fileIds.length > 0)
    await trx
      .insertInto('feedback_files')
      .values(f.fileIds.map((file_id) => ({ feedback_id: row.feedback_id, file_id, role: 'attachment' })))
      .execute();
  await appendHistory(trx, {
    feedbackId: row.feedback_id,
    action: 'received',
    userId: f.recordedBy?.userId ?? null,
    label: f.label,
    at: now,
    details: { channel: f.channel, agencyCode: f.agency.code, files: f.fileIds.length },
  });
  await appendAudit(
    trx,
    f.recordedBy ?? { userId: null, label: f.label },
    {
      action: 'feedback.received',
      entityType: 'feedback',
      entityId: row.feedback_id,
      details: { code, channel: f.channel, agencyCode: f.agency.code },
      chain: f.agency.agency_id,
    },
    now,
  );
  await enqueue(
    trx,
    [
      message(FeedbackNotificationTopic, code, {
        feedbackCode: code,
        event: 'received',
        at: now.toISOString(),
      }),
    ],
    now,
  );
  return {
    code,
    agency: { code: f.agency.code, name: f.agency.name },
    receivedAt: f.receivedAt.toISOString(),
    dueAt: dueAt.toISOString(),
  };
}

/** The place named (`unitCode`): a unit of today's map, inside `provinceCode` when that is given too. */
async function placeOf(
  db: Executor,
  body: Pick<SubmitFeedbackBody, 'unitCode' | 'provinceCode'>,
): Promise<{ path: string; code: string } | null> {
  if (body.unitCode === undefined) return null;
  const unit = await unitInForce(db, body.unitCode);
  if (!unit)
    throw invalid([
      {
        path: 'body/unitCode',
        message: 'Không có xã, phường hoặc tỉnh, thành phố này trên bản đồ hành chính hiện hành.',
      },
    ]);
  if (body.provinceCode !== undefined && !unit.path.startsWith(`/${body.provinceCode}/`))
    throw invalid([{ path: 'body/unitCode', message: 'Không thuộc tỉnh, thành phố đã chọn.' }]);
  return unit;
}

/**
 * The agency: named; else the dossier's receiving agency; else the procedure's offering agency in the
 * place (then in its province, or in `provinceCode`); else the place's People's Committee; else the
 * province's. docs/domain/feedback.md "Which agency".
 */
async function chooseAgency(
  db: Executor,
  body: Pick<SubmitFeedbackBody, 'agencyCode' | 'procedureCode' | 'provinceCode' | 'unitCode'>,
  dossierAgencyId: string | null,
): Promise<AgencyInfo> {
  const place = await placeOf(db, body);
  if (body.agencyCode !== undefined) {
    const a = await agencyByCode(db, body.agencyCode);
    if (!a) throw invalid([{ path: 'body/agencyCode', message: 'Không có cơ quan này.' }]);
    return a;
  }
  if (dossierAgencyId !== null) {
    const a = await agencyById(db, dossierAgencyId);
    if (a) return a;
  }
  const provincePath = place
    ? `/${place.path.split('/')[1]}/`
    : body.provinceCode === undefined
      ? null
      : `/${body.provinceCode}/`;
  if (body.procedureCode !== undefined && provincePath !== null) {
    const offered =
      (place ? await offeringAgency(db, body.procedureCode, place.path) : undefined) ??
      (await offeringAgency(db, body.procedureCode, provincePath));
    if (offered) return offered;
  }
  if (place) {
    const a = await peoplesCommitteeOf(db, place.code);
    if (a) return a;
    throw invalid([{ path: 'body/unitCode', message: 'Đơn vị này chưa có Ủy ban nhân dân trên hệ thống.' }]);
  }
  if (body.provinceCode !== undefined) {
    const a = await peoplesCommitteeOf(db, body.provinceCode);
    if (a) return a;
    throw invalid([{ path: 'body/provinceCode', message: 'Không có tỉnh, thành phố này.' }]);
  }
  throw invalid([
    {
      path: 'body/agencyCode',
      message: 'Cần chọn cơ quan nhận, hồ sơ liên quan, xã, phường hoặc tỉnh, thành phố.',
    },
  ]);
}

/** The dossier named: the signed-in citizen's own, or (anonymous) one whose applicant phone is the sender's. */
async function ownDossier(
  db: Executor,
  dossierCode: string,
  who: { citizen: CitizenActor | null; phone: string },
): Promise<{ dossier_id: string; receiving_agency_id: string }> {
  const d = await db
    .selectFrom('dossiers')
    .select(['dossier_id', 'receiving_agency_id', 'applicant_id_number', 'submitted_by_citizen_id'])
    .select((eb) =>
      eb
        .ref('applicant', '->>')
        .key('phone' as never)
        .as('phone'),
    )
    .where('code', '=', dossierCode)
    .executeTakeFirst();
  const mine =
    d !== undefined &&
    (who.citizen
      ? d.applicant_id_number === who.citizen.idNumber || d.submitted_by_citizen_id === who.citizen.citizenId
      : typeof d.phone === 'string' && digits(d.phone) === digits(who.phone));
  if (!d || !mine)
    throw invalid([
      {
        path: 'body/dossierCode',
        message: who.citizen
          ? 'Không phải hồ sơ của người gửi.'
          : 'Không có hồ sơ này với số điện thoại của người gửi.',
      },
    ]);
  return d;
}

/**
 * The files named, each usable by this sender: a signed-in citizen's own upload, or an upload whose
 * token is given at the same index, not expired and not used. Marks the tokens used.
 */
async function claimFiles(
  trx: Transaction<DB>,
  body: Pick<SubmitFeedbackBody, 'fileIds' | 'fileTokens'>,
  who: { citizen: CitizenActor | null; now: Date },
): Promise<string[]> {
  const ids = body.fileIds ?? [];
  const details: ErrorDetail[] = [];
  for (const [i, id] of ids.entries()) {
    const token = body.fileTokens?.[i];
    const file = await trx
      .selectFrom('files as f')
      .leftJoin('feedback_upload_tokens as t', 't.file_id', 'f.file_id')
      .select(['f.uploaded_by_citizen_id', 't.token_hash', 't.expires_at', 't.used_at'])
      .where('f.file_id', '=', id)
      .executeTakeFirst();
    const byToken =
      file?.token_hash != null &&
      token !== undefined &&
      file.token_hash === tokenHash(token) &&
      file.used_at === null &&
      new Date(file.expires_at!) > who.now;
    const own = who.citizen !== null && file?.uploaded_by_citizen_id === who.citizen.citizenId;
    if (!byToken && !own) {
      details.push({
        path: `body/fileIds/${i}`,
        message: 'Tệp không tồn tại, đã hết hạn hoặc thiếu mã tải lên.',
      });
      continue;
    }
    const used = await trx
      .updateTable('feedback_upload_tokens')
      .set({ used_at: who.now })
      .where('file_id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (byToken && Number(used.numUpdatedRows) === 0)
      details.push({ path: `body/fileIds/${i}`, message: 'Tệp đã được dùng.' });
  }
  if (details.length > 0) throw invalid(details);
  return [...ids];
}

/**
 * `POST /api/v1/feedback`: a signed-in citizen, or anyone giving name, phone and e-mail. Under an
 * Idempotency-Key, a retry answers the first answer and writes nothing (platform/idempotency.ts): the
 * answer is kept in the intake's transaction.
 */
export async function submitFeedback(
  deps: Deps,
  citizen: CitizenActor | null,
  request: { body: SubmitFeedbackBody; idempotencyKey: string | undefined },
): Promise<SubmitFeedbackResponse> {
  const { body } = request;
  const idempotent = {
    scope: citizen ? `citizen:${citizen.citizenId}:feedback` : 'public:feedback',
    key: request.idempotencyKey,
    body,
  };
  const replay = await findReplay<SubmitFeedbackResponse>(deps.db, idempotent);
  if (replay) return replay.body;
  const sender = senderOf(citizen, body.sender);
  const dossier =
    body.dossierCode === undefined
      ? null
      : await ownDossier(deps.db, body.dossierCode, { citizen, phone: sender.phone });
  const agency = await chooseAgency(deps.db, body, dossier?.receiving_agency_id ?? null);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const fileIds = await claimFiles(trx, body, { citizen, now });
    const answer = await insertFeedback(deps, trx, {
      kind: body.kind,
      channel: 'portal',
      subject: body.subject,
      content: body.content,
      sender,
      citizenId: citizen?.citizenId ?? null,
      recordedBy: null,
      agency,
      procedureCode: body.procedureCode ?? null,
      dossierId: dossier?.dossier_id ?? null,
      publishConsent: body.publishSenderConsent ?? false,
      receivedAt: now,
      externalId: null,
      fileIds,
      label: citizen ? `citizen:${citizen.citizenId}` : 'Cổng dịch vụ công',
    });
    await rememberResponse(trx, idempotent, { statusCode: 201, body: answer, at: now });
    return answer;
  });
}

/**
 * The sender: a signed-in citizen's name from the account, phone and e-mail from the account unless
 * given; anyone else's as given (name, phone and e-mail required, QĐ 31/2021 Điều 41).
 */
function senderOf(citizen: CitizenActor | null, given: FeedbackSender | undefined): NewFeedback['sender'] {
  if (citizen) {
    const phone = given?.phone ?? citizen.phone;
    if (!phone) throw invalid([{ path: 'body/sender/phone', message: 'Cần số điện thoại liên hệ.' }]);
    return {
      fullName: citizen.fullName,
      phone,
      email: given?.email ?? citizen.email,
      address: given?.address ?? null,
    };
  }
  if (!given)
    throw invalid([
      {
        path: 'body/sender',
        message: 'Cần họ tên, số điện thoại và thư điện tử của người gửi (hoặc đăng nhập).',
      },
    ]);
  return { fullName: given.fullName, phone: given.phone, email: given.email, address: given.address ?? null };
}

/**
 * `POST /api/v1/feedback/recorded`: a desk officer or leader of the agency records one received by phone
 * or paper; under an Idempotency-Key, a retry is the same record (as `submitFeedback`).
 */
export async function recordFeedback(
  deps: Deps,
  actor: Actor,
  request: { body: RecordFeedbackBody; idempotencyKey: string | undefined },
): Promise<SubmitFeedbackResponse> {
  const { body } = request;
  const idempotent = { scope: `staff:${actor.userId}:feedback-recorded`, key: request.idempotencyKey, body };
  const replay = await findReplay<SubmitFeedbackResponse>(deps.db, idempotent);
  if (replay) return replay.body;
  const agency = await agencyByCode(deps.db, body.agencyCode);
  if (!agency) throw invalid([{ path: 'body/agencyCode', message: 'Không có cơ quan này.' }]);
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'write', ['desk-officer', 'leader']))
    throw fail('FEEDBACK_FORBIDDEN', { params: { who: 'cán bộ một cửa hoặc lãnh đạo' } });
  const now = deps.clock.now();
  const receivedAt = body.receivedAt === undefined ? now : new Date(body.receivedAt);
  if (receivedAt > now)
    throw invalid([{ path: 'body/receivedAt', message: 'Thời điểm tiếp nhận không được ở tương lai.' }]);
  return deps.db.transaction().execute(async (trx) => {
    const answer = await insertFeedback(deps, trx, {
      kind: body.kind,
      channel: body.channel,
      subject: body.subject,
      content: body.content,
      sender: {
        fullName: body.sender.fullName,
        phone: body.sender.phone,
        email: body.sender.email,
        address: body.sender.address ?? null,
      },
      citizenId: null,
      recordedBy: actor,
      agency,
      procedureCode: null,
      dossierId: null,
      publishConsent: false,
      receivedAt,
      externalId: null,
      fileIds: [],
      label: actor.username,
    });
    await rememberResponse(trx, idempotent, { statusCode: 201, body: answer, at: now });
    return answer;
  });
}

/** A PAKN the national portal forwarded (channel dvcqg), as the adapter reads it. */
export type ForwardedFeedback = {
  externalId: string;
  kind: FeedbackKind;
  subject: string;
  content: string;
  agencyCode: string;
  sender: { fullName: string; phone: string; email: string | null; address: string | null };
  sentAt: string;
};

/**
 * Takes a forwarded PAKN in exactly once: the portal's id is unique, so a second delivery (a retry, two
 * workers) writes nothing and answers the code already given. Null when its agency is unknown here.
 */
export async function intakeForwarded(
  deps: Deps,
  f: ForwardedFeedback,
): Promise<{ code: string; created: boolean } | null> {
  const known = await deps.db
    .selectFrom('feedback')
    .select('code')
    .where('external_id', '=', f.externalId)
    .executeTakeFirst();
  if (known) return { code: known.code, created: false };
  const agency = await agencyByCode(deps.db, f.agencyCode);
  if (!agency) return null;
  const now = deps.clock.now();
  const sent = new Date(f.sentAt);
  const receivedAt = Number.isNaN(sent.getTime()) || sent > now ? now : sent;
  try {
    const r = await deps.db.transaction().execute((trx) =>
      insertFeedback(deps, trx, {
        ...f,
        channel: 'dvcqg',
        citizenId: null,
        recordedBy: null,
        agency,
        procedureCode: null,
        dossierId: null,
        publishConsent: false,
        receivedAt,
        fileIds: [],
        label: 'Cổng DVCQG',
      }),
    );
    return { code: r.code, created: true };
  } catch (err) {
    // Taken in by another worker meanwhile: the unique external id refused this one.
    const again = await deps.db
      .selectFrom('feedback')
      .select('code')
      .where('external_id', '=', f.externalId)
      .executeTakeFirst();
    if (again) return { code: again.code, created: false };
    throw err;
  }
}

/**
 * `POST /api/v1/public/feedback/files`: one attachment for a PAKN being written. Staged, recorded with
 * the hash of a fresh token and published in one transaction (nothing left behind when refused).
 */
export async function uploadFeedbackFile(
  deps: Deps,
  citizen: CitizenActor | null,
  file: { bytes: Buffer; name: string | null },
) {
  const { bytes, name } = file;
  if (bytes.length > MAX_FEEDBACK_FILE_BYTES)
    throw fail('FEEDBACK_FILE_TOO_LARGE', { details: [{ path: 'file', message: 'Tối đa 10 MB.' }] });
  const mediaType = sniffMediaType(bytes);
  if (mediaType === null)
    throw fail('FEEDBACK_FILE_REFUSED', {
      details: [{ path: 'file', message: 'Nội dung tệp không phải PDF, JPEG hoặc PNG.' }],
    });
  if (name !== null && !storableName(name))
    throw invalid([{ path: 'file/filename', message: 'Tên tệp chứa ký tự không hợp lệ.' }]);
  const keptName = name === null ? null : Array.from(name).slice(0, 255).join('');
  const fileId = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + UPLOAD_TOKEN_MS);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await deps.files.stage(fileId, bytes);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('files')
        .values({
          file_id: fileId,
          sha256,
          size: bytes.length,
          media_type: mediaType,
          original_name: keptName,
          uploaded_by_user_id: null,
          uploaded_by_citizen_id: citizen?.citizenId ?? null,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('feedback_upload_tokens')
        .values({ file_id: fileId, token_hash: tokenHash(token), expires_at: expiresAt })
        .execute();
      await appendAudit(
        trx,
        { userId: null, label: citizen ? `citizen:${citizen.citizenId}` : 'Cổng dịch vụ công' },
        {
          action: 'feedback-file.uploaded',
          entityType: 'file',
          entityId: fileId,
          details: { sha256, size: bytes.length, mediaType },
        },
        now,
      );
      await deps.files.publish(fileId);
    });
  } catch (err) {
    await deps.files.discard(fileId);
    throw err;
  }
  return {
    fileId,
    name: keptName,
    size: bytes.length,
    type: mediaType,
    uploadToken: token,
    expiresAt: expiresAt.toISOString(),
  };
}
