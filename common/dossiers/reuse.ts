// Reusing records of the applicant's document store (kho quản lý dữ liệu điện tử, ND 45/2020 Điều 16;
// docs/domain/documents.md) as dossier components: what the citizen's apply page and the desk's intake
// send for the records chosen, by component code. The server checks every citation
// (resolveReusedDocuments in server/modules/documents/documents.service.ts); these helpers only keep the
// browser from sending what it refuses for sure.
import { APPLICANT_ID_NUMBER_PATTERN } from '../contracts/documents.ts';
import type { IntakeBody, OnlineSubmissionBody, PROVIDED_VALUES } from '../contracts/dossiers.ts';
import { componentCode } from './components.ts';

/** At most this many records per component (the contract's `documentIds` maxItems). */
export const MAX_REUSED_PER_COMPONENT = 20;

/** The records chosen, by component code (TP1 …), in the order chosen. */
export type ReuseChoices = Readonly<Record<string, readonly string[]>>;

const APPLICANT_ID = new RegExp(APPLICANT_ID_NUMBER_PATTERN);

/** The number as the lookup route takes it: spaces dropped. */
export const normaliseIdNumber = (value: string): string => value.replace(/\s/g, '');

/** A 12-digit personal identification number, or a tax code (10 digits, or 10-3): what can be looked up. */
export function isApplicantIdNumber(value: string): boolean {
  return APPLICANT_ID.test(normaliseIdNumber(value));
}

/** `choices` with `documentId` chosen (or not) for `code`; beyond the limit, a choice is ignored. */
export function chooseDocument(
  choices: ReuseChoices,
  code: string,
  documentId: string,
  chosen: boolean,
): ReuseChoices {
  const current = choices[code] ?? [];
  const has = current.includes(documentId);
  if (chosen === has || (chosen && current.length >= MAX_REUSED_PER_COMPONENT)) return choices;
  const next = chosen ? [...current, documentId] : current.filter((id) => id !== documentId);
  const rest = Object.fromEntries(Object.entries(choices).filter(([c]) => c !== code));
  return next.length > 0 ? { ...rest, [code]: next } : rest;
}

/** The choices restricted to records still listed (after a new lookup or a reload). */
export function keepListed(choices: ReuseChoices, listed: readonly string[]): ReuseChoices {
  const known = new Set(listed);
  const out: Record<string, readonly string[]> = {};
  for (const [code, ids] of Object.entries(choices)) {
    const kept = ids.filter((id) => known.has(id));
    if (kept.length > 0) out[code] = kept;
  }
  return out;
}

type OnlineComponent = OnlineSubmissionBody['components'][number];

/**
 * The components of an online submission: per slot, the files uploaded and the records reused. A slot
 * with records is `provided: 'reused'` citing them (with any files uploaded beside them); a slot with
 * files only is an electronic copy (the server's default). A citizen reuses only records in their own
 * name, so for an organisation the choices are not sent.
 */
export function onlineComponents(
  slots: readonly { code: string }[],
  fileIdsOf: (code: string) => readonly string[],
  choices: ReuseChoices,
  applicantKind: 'person' | 'organisation',
): OnlineComponent[] {
  return slots.flatMap((s): OnlineComponent[] => {
    const fileIds = [...fileIdsOf(s.code)];
    const documentIds = applicantKind === 'person' ? [...(choices[s.code] ?? [])] : [];
    if (documentIds.length > 0)
      return [{ code: s.code, provided: 'reused', documentIds, ...(fileIds.length > 0 ? { fileIds } : {}) }];
    return fileIds.length > 0 ? [{ code: s.code, fileIds }] : [];
  });
}

/** Whether a slot has something to send: a file uploaded, or (for the citizen's own dossier) a record. */
export function slotProvided(
  code: string,
  fileIdsOf: (code: string) => readonly string[],
  choices: ReuseChoices,
  applicantKind: 'person' | 'organisation',
): boolean {
  return onlineComponents([{ code }], fileIdsOf, choices, applicantKind).length > 0;
}

/** How the desk marks a component: a way it was handed in, missing, or not marked. */
export type IntakeMark = (typeof PROVIDED_VALUES)[number] | 'missing' | '';

/**
 * The components of a desk intake, from the marks in the procedure's order (TP1 = marks[0]). A
 * component marked reused cites the records chosen for it; without a choice it is still reused (a
 * paper reused from elsewhere, which the desk may record without citing a record). Records chosen for
 * a component marked otherwise are not sent.
 */
export function intakeComponents(
  marks: readonly IntakeMark[],
  choices: ReuseChoices,
): IntakeBody['components'] {
  return marks.flatMap((m, i): IntakeBody['components'] => {
    if (m === '' || m === 'missing') return [];
    const code = componentCode(i);
    const documentIds = m === 'reused' ? [...(choices[code] ?? [])] : [];
    return [{ code, provided: m, ...(documentIds.length > 0 ? { documentIds } : {}) }];
  });
}
