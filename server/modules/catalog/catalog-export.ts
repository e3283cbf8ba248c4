// Writes Procedures back in the catalogue file shape (catalog-file.ts), for the export API and CLI.
import {
  CHANNEL_LABELS,
  CHANNELS,
  IMPLEMENTING_LEVEL_LABELS,
  type ChannelTimeLimits,
  type Fee,
  type Procedure,
  type TimeLimitGap,
} from '../../../common/catalog/procedure.ts';
import {
  ONLINE_LEVEL_SOURCE,
  SUBMISSION_LABELS,
  UNIT_LABELS,
  type ExternalCatalogueFile,
  type ExternalFee,
  type ExternalProcedure,
  type ExternalTime,
} from './catalog-file.ts';

function timeEntries(limits: ChannelTimeLimits, gaps: TimeLimitGap[], caseName?: string): ExternalTime[] {
  const out: ExternalTime[] = [];
  const tag = caseName === undefined ? {} : { case: caseName };
  for (const channel of CHANNELS) {
    const l = limits[channel];
    if (l) {
      out.push({
        channel: CHANNEL_LABELS[channel],
        value: l.value,
        unit: l.unit === null ? null : UNIT_LABELS[l.unit],
        displayed: l.text,
        note: l.note,
        ...(l.unitInferred ? { unitSource: 'formalityCase' } : {}),
        ...tag,
      });
    }
    for (const g of gaps.filter((x) => x.channel === channel)) {
      out.push({
        channel: CHANNEL_LABELS[channel],
        value: null,
        unit: null,
        displayed: g.text,
        note: g.note,
        ...tag,
      });
    }
  }
  return out;
}

function feeEntry(f: Fee, caseName?: string): ExternalFee {
  return {
    channel: f.channel === null ? null : CHANNEL_LABELS[f.channel],
    amountVnd: f.amountVnd,
    unit: f.per,
    displayed: f.text,
    amountOther: f.amountOther,
    note: f.note,
    ...(caseName === undefined ? {} : { case: caseName }),
  };
}

function toExternal(p: Procedure): ExternalProcedure {
  return {
    code: p.code,
    name: p.name,
    field: p.field?.name ?? null,
    fieldCode: p.field?.code ?? null,
    ministry: p.ministry,
    decisionNumber: p.decisionNumber,
    ...(p.decisionDate === undefined ? {} : { decisionDate: p.decisionDate }),
    procedureType: p.procedureType,
    implementingLevels: p.levels.map((l) => IMPLEMENTING_LEVEL_LABELS[l]),
    levelAsPublishedOn: p.provenance.levelAsPublishedOn,
    levelSource: p.provenance.levelSource,
    applicants: p.applicants,
    competentAuthority: p.competentAuthority,
    implementingAgency: p.implementingAgency,
    processingTime: [
      ...timeEntries(p.timeLimits, p.timeLimitGaps),
      ...p.cases.flatMap((c) => timeEntries(c.timeLimits, c.timeLimitGaps, c.name)),
    ],
    fees: [
      ...p.fees.map((f) => feeEntry(f)),
      ...p.cases.flatMap((c) => c.fees.map((f) => feeEntry(f, c.name))),
    ],
    feePolicy: p.feePolicy,
    dossierComponents: p.components.map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      group: c.group,
      condition: c.condition,
      submission: c.submission === null ? null : SUBMISSION_LABELS[c.submission],
      form: c.form,
      electronicCopy: c.electronicCopyAccepted,
      reuse: c.reuseAccepted,
      ...(c.declaration ? { declaration: true } : {}),
      ...(c.required ? { required: true } : {}),
    })),
    results: p.results,
    onlineService: {
      channelsPublished: p.channels.map((c) => CHANNEL_LABELS[c]),
      level: p.onlineLevel === null ? null : ONLINE_LEVEL_SOURCE[p.onlineLevel],
      note: p.onlineNote,
    },
    legalBasis: p.legalBases,
    portalUrl: p.provenance.portalUrl,
    source: {
      id: p.provenance.sourceId,
      repo: p.provenance.repo,
      path: p.provenance.path,
      commit: p.provenance.commit,
    },
    accessDate: p.provenance.accessDate,
    notes: p.notes,
    ...(p.national === undefined
      ? {}
      : {
          national: {
            formalityId: p.national.formalityId,
            scope: p.national.scope,
            localProvince: p.national.localProvince,
            ...(p.national.unverified ? { unverified: true } : {}),
          },
        }),
  };
}

/**
 * Writes procedures in the catalogue file shape. Cases and the component flags are written with the
 * extension keys (`case`, `electronicCopy`, `reuse`, `declaration`, `required`), so reading the file back gives the same
 * procedures: parseCatalogueFile(exportCatalogueFile(ps)).records deep-equals ps for parsed ps.
 */
export function exportCatalogueFile(procs: Procedure[]): ExternalCatalogueFile {
  return { procedures: procs.map(toExternal) };
}
