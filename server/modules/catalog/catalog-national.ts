// The national catalogue's records (CSDL quốc gia về TTHC as the portal served it in mid-2026, the shape
// NATIONAL-CATALOGUE.md documents; the trimmed copy shipped in seeds/reference/data/procedures/) read as
// catalogue file records (catalog-file.ts), so the one parser, import and export serve both. Nothing
// missing is guessed: a bare number stays without unit, a month or year limit the working-time
// arithmetic cannot count stays a gap with its wording, and the record's flags (common/catalog/flags.ts)
// keep it a draft until an administrator completes it. docs/domain/catalog.md, "The national catalogue".
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIME_UNITS } from '../../../common/catalog/procedure.ts';
import {
  UNIT_LABELS,
  type ExternalComponent,
  type ExternalFee,
  type ExternalProcedure,
  type ExternalTime,
} from './catalog-file.ts';
import type { CatalogueProblem } from './catalog-source.ts';

/** A record of the national catalogue file, as far as the product reads it. */
export type NationalRecord = {
  code: string;
  formalityId: string | null;
  name: string;
  scope: 'national' | 'local';
  localProvince: { id: string; name: string } | null;
  decisionDate?: string | null;
  implementingLevels: string[];
  applicants?: string[] | string | null;
  processingTime: (ExternalTime & { unitCode?: string; valueAsPublished?: number })[];
  fees: (ExternalFee & { feeType?: string; attachment?: unknown })[];
  feePolicy?: {
    decidedBy: string | null;
    exemptions: string[];
    note: string | null;
    derivation?: string;
    /** Not in the national data: the province's act, added by its administrator. */
    basis?: string | null;
  } | null;
  dossierComponents: (ExternalComponent & { required?: boolean | null; [k: string]: unknown })[];
  onlineService?: {
    channelsPublished: string[];
    level: string | null;
    note?: string | null;
    isFullProcess?: boolean;
  } | null;
  source?: { id?: string | null } | null;
  [key: string]: unknown;
};

/** A record in the national catalogue's shape: it says where it sits (`scope`), which ours never does. */
export function isNationalRecord(raw: unknown): raw is NationalRecord {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'scope' in raw;
}

// The keys of a national record the product reads (as the catalogue file's keys); the others (agencies'
// structured lists, formality cases, legal-basis titles, portal states and timestamps…) are not read.
const KEPT = [
  'code',
  'name',
  'field',
  'fieldCode',
  'ministry',
  'decisionNumber',
  'procedureType',
  'levelAsPublishedOn',
  'levelSource',
  'competentAuthority',
  'implementingAgency',
  'results',
  'legalBasis',
  'portalUrl',
  'source',
  'accessDate',
  'notes',
] as const;

const UNIT_LABEL_SET = new Set<string>(TIME_UNITS.map((u) => UNIT_LABELS[u]));
const HOURS_PER: Readonly<Record<string, number>> = {
  'Ngày làm việc': 8,
  'Giờ làm việc': 1,
  Ngày: 24,
  Giờ: 1,
};

/**
 * One channel's limit. Kept as published when the system can count it; otherwise a gap keeping the
 * portal's words (and why in its note): no number, 0, a unit the working-time arithmetic has no
 * count for (Tháng, Năm), or a fraction that is not whole hours.
 */
function timeEntry(t: NationalRecord['processingTime'][number]): ExternalTime {
  const base = { channel: t.channel, displayed: t.displayed, note: t.note ?? null };
  const gap = (why: string | null): ExternalTime => ({
    ...base,
    value: null,
    unit: null,
    note: why === null ? base.note : [base.note, why].filter((x) => x !== null).join(' — '),
  });
  if (t.value === null || t.value <= 0) {
    return gap(t.value === null ? null : `Cổng ghi thời hạn ${t.value}: chưa có số ngày`);
  }
  if (t.unit !== null && !UNIT_LABEL_SET.has(t.unit)) {
    return gap(`Đơn vị “${t.unit}”: hệ thống chưa tính được hạn theo đơn vị này`);
  }
  if (t.unit !== null && !Number.isInteger(t.value * HOURS_PER[t.unit]!)) {
    return gap(`Thời hạn ${t.value} ${t.unit.toLowerCase()} không quy đổi được thành số giờ nguyên`);
  }
  return {
    ...base,
    value: t.value,
    unit: t.unit,
    ...(t.unitSource === 'formalityCase' && t.unit !== null ? { unitSource: 'formalityCase' } : {}),
  };
}

/**
 * A channel published with several limits makes each a case named by its note (catalog-source.ts
 * splitTimes); the portal sometimes repeats one note for two limits of a channel, so the repeat is
 * named with its position ("… (2)"), which keeps both limits instead of refusing the record.
 */
function casesNamed(entries: ExternalTime[]): ExternalTime[] {
  const perChannel = new Map<string, number>();
  for (const e of entries) perChannel.set(e.channel, (perChannel.get(e.channel) ?? 0) + 1);
  const seen = new Map<string, Set<string>>();
  const position = new Map<string, number>();
  return entries.map((e) => {
    if ((perChannel.get(e.channel) ?? 0) < 2) return e;
    const k = (position.get(e.channel) ?? 0) + 1;
    position.set(e.channel, k);
    const used = seen.get(e.channel) ?? new Set<string>();
    seen.set(e.channel, used);
    let name = e.note ?? `Trường hợp ${k}`;
    if (used.has(name)) name = `${name} (${k})`;
    used.add(name);
    return { ...e, case: name };
  });
}

/**
 * A national record as a catalogue file record, or the problems that keep it out (a level the
 * product has no word for). The portal's API flag `required` on components is not the file's
 * `required` extension (required on every channel whatever the wording says), so it is not carried.
 */
export function nationalToCatalogueRecord(r: NationalRecord): {
  record: ExternalProcedure | null;
  problems: CatalogueProblem[];
} {
  const problems: CatalogueProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const k of KEPT) if (r[k] !== undefined) out[k] = r[k];
  const levels = r.implementingLevels.filter((l, i) => {
    const known = ['Cấp bộ', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã', 'Cơ quan khác'].includes(l);
    if (!known) {
      problems.push({
        path: `implementingLevels/${i}`,
        message: `Cấp thực hiện “${l}” không xác định: cần ghi rõ cấp bộ, cấp tỉnh, cấp xã hay cơ quan khác`,
      });
    }
    return known;
  });
  if (problems.length > 0) return { record: null, problems };
  const applicants = r.applicants;
  const record = {
    ...out,
    code: r.code.trim(),
    decisionDate: r.decisionDate ?? null,
    implementingLevels: levels,
    applicants: typeof applicants === 'string' ? [applicants] : (applicants ?? null),
    processingTime: casesNamed(r.processingTime.map(timeEntry)),
    fees: r.fees.map((f) => ({
      channel: f.channel,
      amountVnd: f.amountVnd,
      unit: f.unit,
      displayed: f.displayed,
      ...(f.amountOther == null ? {} : { amountOther: f.amountOther }),
      note: f.note ?? null,
    })),
    feePolicy:
      r.feePolicy == null
        ? null
        : {
            decidedBy: r.feePolicy.decidedBy,
            exemptions: r.feePolicy.exemptions,
            note: r.feePolicy.note,
            ...(r.feePolicy.basis == null ? {} : { basis: r.feePolicy.basis }),
          },
    dossierComponents: r.dossierComponents.map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      group: c.group ?? null,
      condition: c.condition ?? null,
      submission: c.submission ?? null,
      form: c.form ?? null,
    })),
    onlineService:
      r.onlineService == null
        ? null
        : {
            channelsPublished: r.onlineService.channelsPublished,
            // isFullProcess probably means toàn trình but the dataset could not confirm it: not used.
            level: r.onlineService.level,
            note: r.onlineService.note ?? null,
          },
    national: {
      formalityId: r.formalityId,
      scope: r.scope,
      localProvince: r.localProvince,
      ...(r.source?.id === 'A' ? { unverified: true } : {}),
    },
  } as ExternalProcedure;
  return { record, problems };
}

/**
 * Codes the national file gives to more than one record (1.014325: two different procedures). The
 * system keys procedures by code, and picking one would be a guess: both are refused, naming the
 * portal ids, until the catalogue's owner says which is which.
 */
export function sharedCodes(records: unknown[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const raw of records) {
    if (!isNationalRecord(raw) || typeof raw.code !== 'string') continue;
    const code = raw.code.trim();
    ids.set(code, [...(ids.get(code) ?? []), String(raw.formalityId ?? '—')]);
  }
  for (const [code, list] of ids) if (list.length < 2) ids.delete(code);
  return ids;
}

/** The shipped copy of the national catalogue (trimmed, gzip; PROVENANCE.md beside it). */
export function loadNationalCatalogue(dir: string): { procedures: NationalRecord[] } {
  const gz = readFileSync(join(dir, 'national-catalogue.json.gz'));
  return JSON.parse(gunzipSync(gz).toString('utf8')) as { procedures: NationalRecord[] };
}
