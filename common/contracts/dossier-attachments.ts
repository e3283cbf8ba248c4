// The papers of a dossier and their files, as the staff who handle it and its applicant read them
// (docs/domain/dossier-attachments.md): what each component was given as, the files submitted with
// it, the files of later supplements, and the result documents.
import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';
import { DossierCodeParams, PROVIDED_VALUES } from './dossiers.ts';

export const AttachedFile = Closed({
  fileId: Type.String({ format: 'uuid' }),
  mediaType: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  /** The name of the file on the uploader's computer, when the browser sent it. */
  originalName: Nullable(Type.String()),
});
export type AttachedFile = Static<typeof AttachedFile>;

export const DossierAttachments = Closed({
  components: Type.Array(
    Closed({
      code: Type.String(),
      name: Type.String(),
      provided: Type.Enum(PROVIDED_VALUES),
      files: Type.Array(AttachedFile),
      /** Records of the applicant's document store reused for it. */
      documentIds: Type.Array(Type.String()),
      /** Files kept where they were submitted (the national portal). */
      links: Type.Array(Closed({ name: Type.String(), url: Type.String() })),
      /** Pages of the paper taken in at the counter, when the desk counted them. */
      pageCount: Nullable(Type.Integer()),
      /** Scanned at the counter (số hóa): the files are the scans of the paper taken in. */
      digitised: Type.Boolean(),
    }),
  ),
  supplements: Type.Array(Closed({ name: Type.String(), at: Type.String(), file: Nullable(AttachedFile) })),
  results: Type.Array(Closed({ name: Type.String(), file: Nullable(AttachedFile) })),
});
export type DossierAttachments = Static<typeof DossierAttachments>;

export const AttachmentParams = Closed({
  code: DossierCodeParams.properties.code,
  fileId: Type.String({ format: 'uuid' }),
});
