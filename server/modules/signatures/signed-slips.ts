// Slips carry the receiving agency's organisation signature (#19), so a citizen's downloaded receipt is
// a valid electronic document. A slip is rendered the same from the same state (its dates are the
// issuing action's), so it is signed once per rendering and the signed bytes are kept
// (signed_documents, keyed by the unsigned rendering's hash): later downloads are served as kept, and a
// slip whose content changed is signed again. Measured: docs/benchmarks.md.
import type { Deps } from '../../deps.ts';
import { signPdf } from '../../platform/signing/index.ts';
import { storeMadeFile } from '../files/index.ts';
import { newResultToken } from './result-signatures.ts';
import { sha256Of } from './verification.ts';
import { signingKitOf } from './signing-kit.ts';

export async function signedSlip(
  deps: Deps,
  slip: {
    dossierId: string;
    agency: { id: string; code: string; name: string };
    kind: string;
    fileName: string;
    bytes: Buffer;
  },
): Promise<Buffer> {
  const source = sha256Of(slip.bytes);
  const kept = await deps.db
    .selectFrom('signed_documents')
    .select('file_id')
    .where('dossier_id', '=', slip.dossierId)
    .where('kind', '=', 'slip')
    .where('name', '=', slip.kind)
    .where('source_sha256', '=', source)
    .executeTakeFirst();
  const keptBytes = kept ? await deps.files.get(kept.file_id) : null;
  if (keptBytes) return keptBytes;
  const kit = signingKitOf(deps);
  const seal = await kit.seal({ code: slip.agency.code, name: slip.agency.name });
  // No seal configured for the agency: the slip is served unsigned, as before #19.
  if (!seal) return slip.bytes;
  const now = deps.clock.now();
  const signed = Buffer.from(
    await signPdf(slip.bytes, seal, {
      signedAt: now,
      reason: 'Phiếu do cơ quan tiếp nhận ban hành',
      name: slip.agency.name,
      ...(kit.timestampUrl ? { timestampUrl: kit.timestampUrl } : {}),
    }),
  );
  await storeMadeFile(deps, { bytes: signed, name: slip.fileName, userId: null }, async (trx, stored) => {
    await trx
      .insertInto('signed_documents')
      .values({
        sha256: stored.sha256,
        token: newResultToken(),
        kind: 'slip',
        file_id: stored.fileId,
        agency_id: slip.agency.id,
        dossier_id: slip.dossierId,
        name: slip.kind,
        result_number: null,
        document_date: null,
        source_sha256: source,
        created_at: now,
      })
      .execute();
  });
  return signed;
}
