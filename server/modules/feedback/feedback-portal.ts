// The national portal's PAKN, taken in (issue #18; the E2 pattern of server/modules/sync/inbound.ts):
// list what the portal holds for the province, take each in once as a PAKN of channel `dvcqg` (its
// MaPAKN is unique in the register, so a record listed twice, or again after a lost acknowledgement,
// is recognised), then acknowledge what was taken in. Taken in before acknowledged: a crash in between
// only causes a re-listing, never a loss.
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { intakeForwarded, type ForwardedFeedback } from './feedback-intake.service.ts';

/** What the adapter needs of the portal client (server/modules/sync's PortalClient has it). */
export type FeedbackFeedClient = {
  listFeedback: (
    cursor: string | null,
    limit: number,
    signal?: AbortSignal,
  ) => Promise<{ records: unknown[]; nextCursor: string | null }>;
  ackFeedback: (codes: string[], signal?: AbortSignal) => Promise<void>;
};

const text = (r: Record<string, unknown>, key: string, max: number): string | null => {
  const v = r[key];
  return typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null;
};

/** A portal record as a forwarded PAKN; null when it lacks what a PAKN must carry. */
export function fromPortalRecord(record: unknown): ForwardedFeedback | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  const externalId = text(r, 'MaPAKN', 100);
  const subject = text(r, 'TieuDe', 300);
  const content = text(r, 'NoiDung', 10000);
  const agencyCode = text(r, 'MaCoQuan', 40);
  const fullName = text(r, 'HoTen', 200);
  const phone = text(r, 'SoDienThoai', 20);
  if (!externalId || !subject || !content || !agencyCode || !fullName || !phone) return null;
  return {
    externalId,
    kind: r.LoaiPAKN === 2 ? 'kien-nghi' : 'phan-anh',
    subject,
    content,
    agencyCode,
    sender: { fullName, phone, email: text(r, 'Email', 200), address: text(r, 'DiaChi', 500) },
    sentAt: text(r, 'NgayGui', 40) ?? '',
  };
}

export type FeedbackFeedResult = {
  listed: number;
  created: number;
  known: number;
  invalid: number;
  unknownAgency: number;
  acknowledged: number;
};

export async function fetchForwardedFeedback(
  deps: Deps,
  client: FeedbackFeedClient,
  options: { pageSize?: number; maxPages?: number; log?: JobLog } = {},
): Promise<FeedbackFeedResult> {
  const log = options.log ?? silentLog;
  const result = { listed: 0, created: 0, known: 0, invalid: 0, unknownAgency: 0, acknowledged: 0 };
  let cursor: string | null = null;
  for (let pages = 0; pages < (options.maxPages ?? 50); pages++) {
    const page = await client.listFeedback(cursor, options.pageSize ?? 20);
    result.listed += page.records.length;
    const taken = new Set<string>();
    for (const record of page.records) {
      const f = fromPortalRecord(record);
      if (!f) {
        result.invalid++;
        continue;
      }
      if (taken.has(f.externalId)) {
        result.known++;
        continue;
      }
      const r = await intakeForwarded(deps, f);
      if (r === null) {
        // Not acknowledged: the portal keeps it for when the agency exists here.
        result.unknownAgency++;
        log.warn({ externalId: f.externalId }, 'PAKN from the national portal for an unknown agency');
        continue;
      }
      taken.add(f.externalId);
      if (r.created) result.created++;
      else result.known++;
    }
    try {
      await client.ackFeedback([...taken]);
      result.acknowledged += taken.size;
    } catch (err) {
      log.warn({ error: (err as Error).message, count: taken.size }, 'PAKN acknowledgement failed');
    }
    if (page.nextCursor === null || page.records.length === 0) break;
    cursor = page.nextCursor;
  }
  if (result.created > 0) log.info({ ...result }, 'PAKN taken in from the national portal');
  return result;
}
