// The papers of a dossier and their files (docs/domain/dossier-attachments.md): the components as
// received, the supplements' files and the result documents, for whoever may read the dossier (staff
// reaching an agency it involves, its applicant); a file is served only through a dossier that names
// it, and each file staff open is audited.
import type { Deps } from '../../deps.ts';
import type { PersonCaller } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { componentCode } from '../../../common/dossiers/components.ts';
import type { AttachedFile, DossierAttachments } from '../../../common/contracts/dossier-attachments.ts';
import type { ComponentInput } from './intake/intake.types.ts';
import { procedureVersion, type DossierRow } from './dossier.repository.ts';
import { getVisibleDossier } from './dossier-access.policy.ts';
import { fail } from './dossiers.errors.ts';
import { extensionOf } from '../files/index.ts';

/** Where a file of a dossier comes from, and its name for download (ASCII: `<code>-<part>.<ext>`). */
export type FileRef = { fileId: string; part: string };

type SupplementRecord = { at: string; input: { components?: { name?: unknown; fileId?: unknown }[] } };
type ResultDocument = { name: string; fileId?: string };

/**
 * The papers of a dossier as they were given, without the files' details: the components in the order
 * received (each with the procedure's name for its code), then every supplement's papers in the order
 * they came, then the results. Pure; `refs` lists each file once, with the part of its download name.
 */
export function dossierPapers(
  dossierCode: string,
  papers: {
    components: readonly ComponentInput[];
    procedure: Pick<Procedure, 'components'>;
    supplements: readonly SupplementRecord[];
    results: readonly ResultDocument[];
  },
) {
  const { components, procedure, supplements, results } = papers;
  const refs: FileRef[] = [];
  const seen = new Set<string>();
  const add = (fileId: string, part: string) => {
    if (seen.has(fileId)) return;
    seen.add(fileId);
    refs.push({ fileId, part });
  };
  const names = new Map(procedure.components.map((c, i) => [componentCode(i), c.name]));
  const comps = components.map((c) => {
    const fileIds = c.fileIds ?? [];
    fileIds.forEach((f, i) => add(f, fileIds.length > 1 ? `${c.code}-${i + 1}` : c.code));
    return {
      code: c.code,
      name: names.get(c.code) ?? c.code,
      provided: c.provided,
      fileIds,
      documentIds: c.documentIds ?? [],
      links: c.links ?? [],
      pageCount: c.pageCount ?? null,
      digitised: c.digitised === true,
    };
  });
  let n = 0;
  const supps = supplements.flatMap((s) =>
    (s.input.components ?? []).map((p) => {
      const fileId = typeof p.fileId === 'string' ? p.fileId : null;
      if (fileId !== null && !seen.has(fileId)) add(fileId, `bo-sung-${++n}`);
      return { name: typeof p.name === 'string' ? p.name : '', at: s.at, fileId };
    }),
  );
  const res = results.map((r, i) => {
    if (r.fileId !== undefined) add(r.fileId, `ket-qua-${i + 1}`);
    return { name: r.name, fileId: r.fileId ?? null };
  });
  return { dossierCode, components: comps, supplements: supps, results: res, refs };
}

async function papersOf(deps: Deps, row: DossierRow) {
  const [{ procedure }, supplements] = await Promise.all([
    procedureVersion(deps, row.procedure_version_id),
    deps.db
      .selectFrom('dossier_actions')
      .select(['at', 'record'])
      .where('dossier_id', '=', row.dossier_id)
      .where('kind', '=', 'supplement')
      .orderBy('version')
      .execute(),
  ]);
  const state = row.state;
  return dossierPapers(row.code, {
    components: row.components as ComponentInput[],
    procedure,
    supplements: supplements.map((s) => ({
      at: new Date(s.at).toISOString(),
      input: (s.record as { input?: SupplementRecord['input'] }).input ?? {},
    })),
    results: state.resultDocuments ?? [],
  });
}

export async function listAttachments(
  deps: Deps,
  caller: PersonCaller,
  code: string,
): Promise<DossierAttachments> {
  const row = await getVisibleDossier(deps.db, caller, code);
  const papers = await papersOf(deps, row);
  const ids = papers.refs.map((r) => r.fileId);
  const files = new Map<string, AttachedFile>();
  if (ids.length > 0) {
    const rows = await deps.db
      .selectFrom('files')
      .select(['file_id', 'media_type', 'size', 'original_name'])
      .where('file_id', 'in', ids)
      .execute();
    for (const f of rows)
      files.set(f.file_id, {
        fileId: f.file_id,
        mediaType: f.media_type,
        size: Number(f.size),
        originalName: f.original_name,
      });
  }
  const fileOf = (id: string | null) => (id === null ? null : (files.get(id) ?? null));
  return {
    components: papers.components.map((c) => ({
      code: c.code,
      name: c.name,
      provided: c.provided,
      files: c.fileIds.flatMap((f) => fileOf(f) ?? []),
      documentIds: c.documentIds,
      links: c.links,
      pageCount: c.pageCount,
      digitised: c.digitised,
    })),
    supplements: papers.supplements.map((s) => ({ name: s.name, at: s.at, file: fileOf(s.fileId) })),
    results: papers.results.map((r) => ({ name: r.name, file: fileOf(r.fileId) })),
  };
}

export async function attachmentFile(
  deps: Deps,
  caller: PersonCaller,
  which: { code: string; fileId: string; requestId: string },
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const { code, fileId, requestId } = which;
  const row = await getVisibleDossier(deps.db, caller, code);
  const ref = (await papersOf(deps, row)).refs.find((r) => r.fileId === fileId);
  const file = ref
    ? await deps.db
        .selectFrom('files')
        .select(['media_type'])
        .where('file_id', '=', fileId)
        .executeTakeFirst()
    : undefined;
  const bytes = file ? await deps.files.get(fileId) : null;
  if (!ref || !file || bytes === null) throw fail('DOSSIER_FILE_NOT_FOUND', { params: { code } });
  // What an officer opens of an applicant's papers is personal data read: it is logged (the applicant
  // reading their own papers is not).
  if (caller.kind === 'staff') {
    const actor = caller.actor;
    await deps.db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        actor,
        {
          action: 'dossier-file.opened',
          entityType: 'dossier',
          entityId: row.dossier_id,
          details: { code, fileId, part: ref.part },
          requestId,
          chain: row.receiving_agency_id,
        },
        deps.clock.now(),
      );
    });
  }
  return {
    bytes,
    mediaType: file.media_type,
    fileName: `${code}-${ref.part}.${extensionOf(file.media_type)}`,
  };
}
