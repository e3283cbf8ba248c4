// The sender of a PAKN (feedback.notification { feedbackCode, event, at }, written by the feedback
// module): their phone and e-mail, and the province of the agency handling it. The sender is told by
// the default channels (e-mail when given, plus SMS) the province has enabled.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { EventContext } from './delivery.ts';

export async function loadFeedbackContexts(deps: Deps, codes: string[]): Promise<Map<string, EventContext>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<{
    code: string;
    sender_name: string;
    sender_phone: string;
    sender_email: string | null;
    agency_name: string;
    unit_path: string;
  }>`SELECT f.code, f.sender_name, f.sender_phone, f.sender_email, a.name AS agency_name, u.path AS unit_path
      FROM feedback f JOIN agencies a ON a.agency_id = f.agency_id JOIN units u ON u.unit_id = a.unit_id
      WHERE f.code = ANY (${codes}::text[])`.execute(deps.db);
  return new Map(
    rows.rows.map((r) => [
      r.code,
      {
        provinceCode: r.unit_path.split('/')[1] ?? '',
        dossierCode: null,
        feedbackCode: r.code,
        email: r.sender_email,
        phone: r.sender_phone,
        notifyBy: null,
        values: {
          maPhanAnh: r.code,
          tenNguoiNop: r.sender_name,
          coQuan: r.agency_name,
          // The portal's lookup page (web/app/paths.ts feedbackLookupCode), not the staff's record.
          lienKet: `${deps.config.publicUrl}/cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi/${encodeURIComponent(r.code)}`,
        },
      },
    ]),
  );
}
