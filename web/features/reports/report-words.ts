// The names and reasons the reports' server sends in Vietnamese (the Decision 766 groups and indicators
// of a formula version, why an indicator or a KPI has no figure), worded for the page's language. In
// Vietnamese they are shown as sent. In English the fixed ones are translated by key (a group's key, an
// indicator's, a KPI's), but only while the server's words are the ones this code knows for that key
// (common/reports/index-766.ts, kpis.ts); anything else (an indicator a later formula version adds, a
// reason reworded) is shown as sent and marked Vietnamese (`vi`), so the page never mislabels it.
import {
  NO_DATA_REASONS,
  NO_SOURCE_REASONS,
  UNKNOWN_INDICATOR_REASON,
  type Group766Key,
} from '../../../common/reports/index-766.ts';
import {
  KPI_EMPTY_REASONS,
  levelUnknownReason,
  NO_CATALOGUE_HISTORY,
  type KpiKey,
} from '../../../common/reports/kpis.ts';
import type { Lang } from '../../app/i18n/i18n.tsx';

/** Words to show: `vi` when they are the server's Vietnamese, to be marked `lang="vi"` in English. */
export type Words = { text: string; vi: boolean };

export const GROUP_766_EN: Readonly<Record<Group766Key, string>> = {
  transparency: 'Openness and transparency',
  progress: 'Progress of resolution',
  online: 'Online public services',
  payment: 'Online payment',
  satisfaction: 'Satisfaction',
  digitisation: 'Digitisation of dossiers',
};

/** The indicators of the formula versions known to this code (migration 20261210040000), by key. */
export const INDICATOR_766_EN: Readonly<Record<string, string>> = {
  PUBLISH_ON_TIME: 'Procedures published on time',
  PUBLIC_UPDATE_ON_TIME: 'Procedures updated and made public on time',
  PUBLIC_CONTENT_FULL: 'Procedures made public in full',
  DOSSIER_SYNC: 'Dossiers synced to the national portal',
  DOSSIER_ON_TIME: 'Dossiers resolved early or on time',
  ONLINE_PROCEDURES: 'Procedures offered as online public services (full or partial)',
  ONLINE_PROCEDURES_USED: 'Online procedures with online dossiers',
  ONLINE_DOSSIERS: 'Dossiers received online',
  PAID_ONLINE_DOSSIERS: 'Dossiers whose fees were paid online',
  PAID_ONLINE_PROCEDURES: 'Fee-bearing procedures with online payments',
  FEE_PROCEDURES_USED: 'Fee-bearing procedures with dossiers',
  DOSSIER_RECEIVING_SATISFACTION: 'Satisfaction with receiving and resolving procedures',
  PETITION_PROCESSING_ON_TIME: 'Feedback and petitions handled on time',
  PETITION_HANDLING_SATISFACTION: 'Satisfaction with the handling of feedback and petitions',
  ORIGINAL_RESULT_AVAILABLE: 'Dossiers with a signed electronic result',
  SO_HOA_GIAY_TO_GIAI_QUYET: 'Dossiers with digitised components',
  ELECTRONIC_CERTIFIED_COPY: 'Electronic certified copies from originals',
  REUSED_DIGITIZED_DATA: 'Reuse of digitised data',
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: 'Digitisation connected to the data store for reuse',
  CITIZEN_DATA_CONNECTED_DOSSIER: 'Dossiers using population data',
  CITIZEN_DATA_CONNECTED_FORMALITY: 'Procedures connected to population data',
};

const NO_PETITIONS =
  "Feedback and petition figures are not read here (see the unit's Decision 766 index); by the index's rule, no petitions earn full points.";
const NO_POPULATION_DATA = 'The system is not connected to the national population database yet.';

/** NO_SOURCE_REASONS in English: why motcua has no figure for an indicator yet. */
export const NO_SOURCE_EN: Readonly<Record<string, string>> = {
  PUBLISH_ON_TIME:
    'The system does not keep the date of the decision publishing a procedure or of its update in the national database yet, so the share published on time cannot be computed.',
  PUBLIC_UPDATE_ON_TIME:
    'The system does not keep when a procedure was updated and made public against its deadline yet, so this cannot be computed.',
  PUBLIC_CONTENT_FULL:
    "The system does not have the national portal's criteria for a procedure made public in full yet, so this cannot be computed.",
  PETITION_PROCESSING_ON_TIME: NO_PETITIONS,
  PETITION_HANDLING_SATISFACTION: NO_PETITIONS,
  ELECTRONIC_CERTIFIED_COPY: 'The system cannot certify electronic copies from originals yet.',
  REUSED_DIGITIZED_DATA:
    'The system does not count the dossiers reusing digitised data the way the index does yet.',
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE:
    "The system is not connected to the national portal's electronic data store of organisations and individuals yet.",
  CITIZEN_DATA_CONNECTED_DOSSIER: NO_POPULATION_DATA,
  CITIZEN_DATA_CONNECTED_FORMALITY: NO_POPULATION_DATA,
};

const UNKNOWN_INDICATOR_EN = 'The formula version has an indicator the system has no data source for.';
const NO_DOSSIERS = 'No dossiers received in the period.';
const NO_FEE_PROCEDURES = 'No procedures with fees or charges.';

/** NO_DATA_REASONS in English: why an indicator has nothing to divide by in the period. */
export const NO_DATA_EN: Readonly<Record<string, string>> = {
  DOSSIER_SYNC: NO_DOSSIERS,
  DOSSIER_ON_TIME: 'No dossiers in the period (newly received or carried over from the previous period).',
  ONLINE_PROCEDURES: 'The agency offers no procedure of the catalogue.',
  ONLINE_PROCEDURES_USED: 'No procedures offered as online public services.',
  ONLINE_DOSSIERS: NO_DOSSIERS,
  PAID_ONLINE_DOSSIERS: 'No dossiers with fees or charges in the period.',
  PAID_ONLINE_PROCEDURES: NO_FEE_PROCEDURES,
  FEE_PROCEDURES_USED: NO_FEE_PROCEDURES,
  DOSSIER_RECEIVING_SATISFACTION: "No ratings in the period: 0 points by the index's rule.",
  ORIGINAL_RESULT_AVAILABLE: 'No results in the period.',
  SO_HOA_GIAY_TO_GIAI_QUYET: NO_DOSSIERS,
  PETITION_PROCESSING_ON_TIME:
    "No feedback or petition due or answered in the period: full points by the index's rule.",
  PETITION_HANDLING_SATISFACTION:
    "No rating of an answer to feedback or a petition in the period: full points by the index's rule.",
};

/** KPI_EMPTY_REASONS in English: why a KPI has nothing to divide by in the period. */
export const KPI_EMPTY_EN: Readonly<Record<KpiKey, string>> = {
  sync: NO_DOSSIERS,
  onlineProcedures: 'The agency offers no procedure of the catalogue.',
  onlineDossiers: NO_DOSSIERS,
  paidOnline: 'No dossiers with fees or charges received in the period.',
  electronicResults: 'No results in the period.',
  digitised: NO_DOSSIERS,
  onTime: 'No results with a due time in the period.',
  satisfaction: 'No ratings in the period.',
};

const NO_CATALOGUE_HISTORY_EN =
  'The procedure catalogue keeps no monthly history of what was offered online; only current figures exist.';

const levelUnknownEn = (n: number) =>
  `${n} ${n === 1 ? 'procedure has' : 'procedures have'} no known online level (the source does not say) and ${n === 1 ? 'counts' : 'count'} as not offered online.`;

const asSent = (text: string, lang: Lang): Words => ({ text, vi: lang === 'en' });

/** `english` when the server said `sent` and `sent` is what this code knows for the key. */
function worded(
  lang: Lang,
  sent: string,
  pairs: [known: string | undefined, english: string | undefined][],
): Words {
  const english = pairs.find(([known, words]) => known === sent && words !== undefined)?.[1];
  return lang === 'en' && english !== undefined ? { text: english, vi: false } : asSent(sent, lang);
}

/** A group's name: its key is one of six, so English always has it. */
export const groupName = (lang: Lang, g: { key: Group766Key; name: string }): string =>
  lang === 'en' ? GROUP_766_EN[g.key] : g.name;

export function indicatorName(lang: Lang, i: { key: string; name: string }): Words {
  const english = INDICATOR_766_EN[i.key];
  return lang === 'en' && english !== undefined ? { text: english, vi: false } : asSent(i.name, lang);
}

export function indicatorReason(lang: Lang, i: { key: string; reason: string | null }): Words | null {
  if (i.reason === null) return null;
  return worded(lang, i.reason, [
    [NO_SOURCE_REASONS[i.key], NO_SOURCE_EN[i.key]],
    [NO_DATA_REASONS[i.key], NO_DATA_EN[i.key]],
    [UNKNOWN_INDICATOR_REASON, UNKNOWN_INDICATOR_EN],
  ]);
}

export function kpiReason(
  lang: Lang,
  kpi: KpiKey,
  f: { reason: string | null; levelUnknown: number | null },
): Words | null {
  if (f.reason === null) return null;
  return worded(lang, f.reason, [
    [KPI_EMPTY_REASONS[kpi], KPI_EMPTY_EN[kpi]],
    [NO_CATALOGUE_HISTORY, NO_CATALOGUE_HISTORY_EN],
    [f.levelUnknown ? levelUnknownReason(f.levelUnknown) : undefined, levelUnknownEn(f.levelUnknown ?? 0)],
  ]);
}
