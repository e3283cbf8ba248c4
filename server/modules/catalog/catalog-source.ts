// The procedure catalogue file: the external JSON shape of the national data
// (server/db/seeds/reference/data/procedures/procedures.json), which is also what the import CLI and
// API accept from provinces. parseCatalogueFile validates it record by record and maps each record to
// the normalised Procedure (catalog-export.ts writes them back in the same shape).
// The mapping rules are documented in docs/domain/catalog.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  IMPLEMENTING_LEVEL_LABELS,
  TIME_UNIT_LABELS,
  agencyKindOf,
  slugOf,
  type Channel,
  type ChannelTimeLimits,
  type DossierComponent,
  type Fee,
  type FeePolicy,
  type ImplementingLevel,
  type NationalIdentity,
  type OnlineLevel,
  type Procedure,
  type ProcedureCase,
  type TimeLimit,
  type TimeLimitGap,
  type TimeUnit,
} from '../../../common/catalog/procedure.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import {
  ONLINE_LEVEL_SOURCE,
  SUBMISSION_LABELS,
  UNIT_LABELS,
  validateRecord,
  type ExternalCatalogueFile,
  type ExternalComponent,
  type ExternalFee,
  type ExternalProcedure,
} from './catalog-file.ts';
import { isNationalRecord, nationalToCatalogueRecord, sharedCodes } from './catalog-national.ts';

// ---------------------------------------------------------------------------------------------------
// Parsing

export type CatalogueProblem = { path: string; message: string };
export type CatalogueRejection = {
  /** Position in `procedures` (0-based); -1 when the file itself is malformed. */
  index: number;
  code?: string;
  reasons: CatalogueProblem[];
};
export type CatalogueParseResult = {
  records: Procedure[];
  /** The position in `procedures` of each record (parallel to `records`). */
  positions: number[];
  rejected: CatalogueRejection[];
};

const byLabel = <K extends string>(labels: Readonly<Record<K, string>>) =>
  new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const CHANNEL_BY_LABEL = byLabel(CHANNEL_LABELS);
const UNIT_BY_LABEL = byLabel(UNIT_LABELS);
const LEVEL_BY_LABEL = byLabel(IMPLEMENTING_LEVEL_LABELS);
const SUBMISSION_BY_LABEL = byLabel(SUBMISSION_LABELS);
const ONLINE_LEVEL_BY_SOURCE = byLabel(ONLINE_LEVEL_SOURCE);

/** How many of the smallest unit a limit holds must be whole (working-day shares are counted in hours). */
const MINOR_UNITS_PER: Readonly<Record<TimeUnit, number>> = {
  'working-day': 8,
  'working-hour': 1,
  'calendar-day': 24,
  'calendar-hour': 1,
};

const channelOf = (label: string): Channel => CHANNEL_BY_LABEL.get(label) as Channel;

function emptyLimits(): ChannelTimeLimits {
  return { direct: null, online: null, postal: null };
}

// The published wording says an electronic copy or electronic data will do ("bản điện tử", "bản sao
// điện tử", "dữ liệu điện tử", "bản scan", "căn cước điện tử").
const ELECTRONIC_WORDING =
  /\bban (sao )?dien tu\b|\bdu lieu dien tu\b|\bban (scan|chup)\b|\bcan cuoc dien tu\b/;
// The wording says data already held replaces the paper ("khai thác … CSDL", "chỉ cung cấp số định
// danh cá nhân", "tài khoản định danh điện tử", VNeID).
const REUSE_WORDING =
  /\bkhai thac\b|\bcsdl\b|\bco so du lieu\b|\bchi cung cap so dinh danh\b|\btai khoan dinh danh dien tu\b|\bvneid\b/;

function toComponent(c: ExternalComponent): DossierComponent {
  const wording = foldVietnamese(`${c.name} ${c.condition ?? ''}`);
  return {
    name: c.name,
    originals: c.originals,
    copies: c.copies,
    group: c.group ?? null,
    condition: c.condition ?? null,
    submission: c.submission == null ? null : (SUBMISSION_BY_LABEL.get(c.submission) ?? null),
    form: c.form ?? null,
    electronicCopyAccepted:
      c.electronicCopy !== undefined ? c.electronicCopy : ELECTRONIC_WORDING.test(wording) || null,
    reuseAccepted: c.reuse !== undefined ? c.reuse : REUSE_WORDING.test(wording) || null,
    ...(c.declaration === true ? { declaration: true } : {}),
    ...(c.required === true ? { required: true } : {}),
  };
}

function toFee(f: ExternalFee): Fee {
  return {
    channel: f.channel === null ? null : channelOf(f.channel),
    amountVnd: f.amountVnd,
    per: f.unit,
    text: f.displayed,
    amountOther: f.amountOther ?? null,
    note: f.note ?? null,
  };
}

type CaseDraft = { name: string; limits: ChannelTimeLimits; gaps: TimeLimitGap[]; fees: Fee[] };

/**
 * Splits the published limits into the procedure's own (one entry per channel) and cases. A case is
 * named by the `case` key when present; a channel with several unnamed entries (1.010824 publishes
 * 19 and 24 days for the same channel) makes each entry a case named by its note, else "Trường hợp n".
 */
function splitTimes(
  r: ExternalProcedure,
  problems: CatalogueProblem[],
): { limits: ChannelTimeLimits; gaps: TimeLimitGap[]; cases: Map<string, CaseDraft> } {
  const limits = emptyLimits();
  const gaps: TimeLimitGap[] = [];
  const cases = new Map<string, CaseDraft>();
  const caseNamed = (name: string) => {
    let c = cases.get(name);
    if (!c) {
      c = { name, limits: emptyLimits(), gaps: [], fees: [] };
      cases.set(name, c);
    }
    return c;
  };
  const uncased = new Map<Channel, number>();
  for (const t of r.processingTime) {
    if (t.case === undefined) uncased.set(channelOf(t.channel), (uncased.get(channelOf(t.channel)) ?? 0) + 1);
  }
  const seenPerChannel = new Map<Channel, number>();
  r.processingTime.forEach((t, i) => {
    const channel = channelOf(t.channel);
    const path = `processingTime/${i}`;
    let target: { limits: ChannelTimeLimits; gaps: TimeLimitGap[] } = { limits, gaps };
    let caseName: string | null = null;
    if (t.case !== undefined) {
      caseName = t.case;
    } else if ((uncased.get(channel) ?? 0) > 1) {
      const position = seenPerChannel.get(channel) ?? 0;
      seenPerChannel.set(channel, position + 1);
      caseName = t.note ?? `Trường hợp ${position + 1}`;
    }
    if (caseName !== null) {
      const c = caseNamed(caseName);
      target = { limits: c.limits, gaps: c.gaps };
    }
    const where = caseName === null ? '' : ` của trường hợp “${caseName}”`;
    if (target.limits[channel] !== null || target.gaps.some((g) => g.channel === channel)) {
      problems.push({
        path,
        message: `Kênh ${t.channel} đã có thời hạn${where}; mỗi kênh chỉ có một thời hạn cho mỗi trường hợp`,
      });
      return;
    }
    if (t.value === null) {
      if (t.unit !== null) {
        problems.push({ path: `${path}/value`, message: `Có đơn vị “${t.unit}” nhưng thiếu số thời hạn` });
        return;
      }
      target.gaps.push({ channel, text: t.displayed, note: t.note ?? null });
      return;
    }
    const unit = t.unit === null ? null : (UNIT_BY_LABEL.get(t.unit) ?? null);
    if (unit !== null && !Number.isInteger(t.value * MINOR_UNITS_PER[unit])) {
      problems.push({
        path: `${path}/value`,
        message:
          MINOR_UNITS_PER[unit] === 1
            ? `Thời hạn tính theo giờ phải là số nguyên (đang là ${t.value})`
            : `Thời hạn ${t.value} ${TIME_UNIT_LABELS[unit]} không quy đổi được thành số giờ nguyên (1 ngày = ${MINOR_UNITS_PER[unit]} giờ)`,
      });
      return;
    }
    const limit: TimeLimit = {
      value: t.value,
      unit,
      text: t.displayed,
      note: t.note ?? null,
      ...(t.unitSource === 'formalityCase' && unit !== null ? { unitInferred: true as const } : {}),
    };
    target.limits[channel] = limit;
  });
  const order = (g: TimeLimitGap) => CHANNELS.indexOf(g.channel);
  gaps.sort((a, b) => order(a) - order(b));
  for (const c of cases.values()) c.gaps.sort((a, b) => order(a) - order(b));
  return { limits, gaps, cases };
}

function toProcedure(r: ExternalProcedure): { procedure: Procedure | null; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  if ((r.field ?? null) === null && (r.fieldCode ?? null) !== null) {
    problems.push({ path: 'field', message: 'Có mã lĩnh vực nhưng thiếu tên lĩnh vực' });
  }
  const { limits, gaps, cases } = splitTimes(r, problems);
  const fees: Fee[] = [];
  for (const f of r.fees) {
    if (f.case === undefined) {
      fees.push(toFee(f));
      continue;
    }
    let c = cases.get(f.case);
    if (!c) {
      c = { name: f.case, limits: emptyLimits(), gaps: [], fees: [] };
      cases.set(f.case, c);
    }
    c.fees.push(toFee(f));
  }
  if (problems.length > 0) return { procedure: null, problems };

  const keys = new Set<string>();
  const procedureCases: ProcedureCase[] = [...cases.values()].map((c) => {
    const base = slugOf(c.name) || 'truong-hop';
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    keys.add(key);
    return { key, name: c.name, timeLimits: c.limits, timeLimitGaps: c.gaps, fees: c.fees };
  });

  const used = new Set<Channel>([
    ...r.processingTime.map((t) => channelOf(t.channel)),
    ...r.fees.flatMap((f) => (f.channel === null ? [] : [channelOf(f.channel)])),
  ]);
  const published = r.onlineService ? new Set(r.onlineService.channelsPublished.map(channelOf)) : used;
  const channels = CHANNELS.filter((c) => published.has(c));
  const sourceLevel = r.onlineService?.level ?? null;
  // No online channel published means no online service; otherwise the level is only what the source
  // states ("toàn trình" / "một phần"), never assumed.
  const onlineLevel: OnlineLevel | null =
    sourceLevel !== null
      ? (ONLINE_LEVEL_BY_SOURCE.get(sourceLevel) ?? null)
      : channels.includes('online')
        ? null
        : 'none';

  const competentAuthority = r.competentAuthority ?? null;
  const implementingAgency = r.implementingAgency ?? null;
  const agencyText = competentAuthority ?? implementingAgency;
  const field = r.field ?? null;

  return {
    problems,
    procedure: {
      code: r.code,
      name: r.name,
      field: field === null ? null : { code: r.fieldCode ?? null, name: field },
      ministry: r.ministry ?? null,
      decisionNumber: r.decisionNumber ?? null,
      ...(r.decisionDate == null ? {} : { decisionDate: r.decisionDate }),
      procedureType: r.procedureType ?? null,
      levels: r.implementingLevels.map((l) => LEVEL_BY_LABEL.get(l) as ImplementingLevel),
      applicants: r.applicants ?? [],
      competentAuthority,
      implementingAgency,
      competentAgency: { kind: agencyKindOf(agencyText), text: agencyText },
      channels,
      timeLimits: limits,
      timeLimitGaps: gaps,
      fees,
      feePolicy: r.feePolicy == null ? null : feePolicyOf(r.feePolicy),
      cases: procedureCases,
      components: r.dossierComponents.map(toComponent),
      results: r.results ?? [],
      onlineLevel,
      onlineNote: r.onlineService?.note ?? null,
      legalBases: r.legalBasis ?? [],
      notes: r.notes ?? [],
      provenance: {
        sourceId: r.source?.id ?? null,
        repo: r.source?.repo ?? null,
        path: r.source?.path ?? null,
        commit: r.source?.commit ?? null,
        portalUrl: r.portalUrl ?? null,
        accessDate: r.accessDate ?? null,
        levelAsPublishedOn: r.levelAsPublishedOn ?? null,
        levelSource: r.levelSource ?? null,
      },
      ...(r.national == null ? {} : { national: nationalOf(r.national) }),
    },
  };
}

function feePolicyOf(f: NonNullable<ExternalProcedure['feePolicy']>): FeePolicy {
  const { basis, ...rest } = f;
  return basis == null ? rest : { ...rest, basis };
}

function nationalOf(n: NonNullable<ExternalProcedure['national']>): NationalIdentity {
  return {
    formalityId: n.formalityId,
    scope: n.scope,
    localProvince: n.localProvince,
    ...(n.unverified === true ? { unverified: true as const } : {}),
  };
}

/**
 * Validates a catalogue file and maps every valid record. Records in the national catalogue's shape
 * (catalog-national.ts) are read as catalogue records first; a code the national file gives to two
 * records is refused for both. A record with any problem is rejected as a
 * whole, with every problem listed (path inside the record, Vietnamese message); the others are kept.
 * A repeated code is rejected at its second occurrence.
 */
export function parseCatalogueFile(json: unknown): CatalogueParseResult {
  const procedures =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as { procedures?: unknown }).procedures
      : undefined;
  if (!Array.isArray(procedures)) {
    return {
      records: [],
      positions: [],
      rejected: [
        {
          index: -1,
          reasons: [{ path: '', message: 'Tệp danh mục phải là một đối tượng JSON có mảng “procedures”' }],
        },
      ],
    };
  }
  const records: Procedure[] = [];
  const positions: number[] = [];
  const rejected: CatalogueRejection[] = [];
  const firstIndexOf = new Map<string, number>();
  const shared = sharedCodes(procedures);
  procedures.forEach((given: unknown, index) => {
    let raw = given;
    const code =
      typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'string'
        ? (raw as { code: string }).code.trim()
        : undefined;
    const reject = (reasons: CatalogueProblem[]) =>
      rejected.push(code === undefined ? { index, reasons } : { index, code, reasons });
    if (isNationalRecord(raw)) {
      const ids = code === undefined ? undefined : shared.get(code);
      if (ids !== undefined) {
        reject([
          {
            path: 'code',
            message: `Mã ${code} được CSDL quốc gia dùng cho ${ids.length} thủ tục khác nhau (mã bản ghi ${ids.join(', ')}): cần xác định mã đúng của từng thủ tục trước khi nhập`,
          },
        ]);
        return;
      }
      const mapped = nationalToCatalogueRecord(raw);
      if (mapped.record === null) {
        reject(mapped.problems);
        return;
      }
      raw = mapped.record;
    }
    const checked = validateRecord(raw);
    if (!checked.ok) {
      reject(checked.errors.map((e) => ({ path: e.pointer.slice(1), message: e.message })));
      return;
    }
    const { procedure, problems } = toProcedure(raw as ExternalProcedure);
    const earlier = code === undefined ? undefined : firstIndexOf.get(code);
    if (earlier !== undefined) {
      problems.push({
        path: 'code',
        message: `Mã thủ tục ${code} trùng với bản ghi thứ ${earlier + 1} trong tệp`,
      });
    }
    if (procedure === null || problems.length > 0) {
      reject(problems);
      return;
    }
    firstIndexOf.set(procedure.code, index);
    records.push(procedure);
    positions.push(index);
  });
  return { records, positions, rejected };
}

// ---------------------------------------------------------------------------------------------------
// Reference data shipped with the product

export const REFERENCE_DATA_DIR = join(import.meta.dirname, '../../db/seeds/reference/data/procedures');

type Additions = {
  components: Record<string, Record<string, Record<string, unknown>>>;
  forms: Record<string, Record<string, string>>;
};

/** motcua's own additions to the copied data (additions.json; PROVENANCE.md, "Additions"). */
function referenceAdditions(): Additions {
  return JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'additions.json'), 'utf8')) as Additions;
}

/**
 * The reference catalogue file as the seed imports it: procedures.json with the additions' component
 * flags (`declaration`, `required`; TP numbering from 1) merged in. The `why` of each stays in the file.
 */
export function referenceCatalogueFile(): ExternalCatalogueFile {
  const file = JSON.parse(
    readFileSync(join(REFERENCE_DATA_DIR, 'procedures.json'), 'utf8'),
  ) as ExternalCatalogueFile;
  const { components } = referenceAdditions();
  for (const p of file.procedures) {
    const extra = components[p.code];
    if (!extra) continue;
    p.dossierComponents = p.dossierComponents.map((c, i) => {
      const flags = extra[String(i + 1)];
      if (!flags) return c;
      const { why: _why, ...set } = flags;
      return { ...c, ...(set as Partial<ExternalComponent>) };
    });
  }
  return file;
}

/**
 * A form with the additions' `x-prefill` annotations (path of property names → source). A `$ref` on
 * the way is copied in place first, so that annotating the requester's identity paper does not
 * annotate the parents' (the same definition).
 */
function annotateForm(schema: JsonSchemaObject, prefill: Record<string, string>): JsonSchemaObject {
  const out = structuredClone(schema) as Record<string, unknown>;
  const defOf = (ref: string): unknown => {
    let target: unknown = out;
    for (const part of ref.slice(2).split('/'))
      target = (target as Record<string, unknown> | undefined)?.[part];
    return target;
  };
  for (const [path, source] of Object.entries(prefill)) {
    let node = out;
    for (const key of path.split('/')) {
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      let child = props?.[key];
      if (!props || !child) throw new Error(`additions.json: no field ${path} in the form`);
      if (typeof child.$ref === 'string') {
        const { $ref, ...rest } = child;
        child = { ...(structuredClone(defOf($ref)) as Record<string, unknown>), ...rest };
        props[key] = child;
      }
      node = child;
    }
    node['x-prefill'] = source;
  }
  return out;
}

/** The 47 national procedures shipped with the product; throws if the file has any rejected record. */
export function loadReferenceProcedures(): Procedure[] {
  const json: unknown = referenceCatalogueFile();
  const { records, rejected } = parseCatalogueFile(json);
  if (rejected.length > 0) {
    const detail = rejected
      .map((r) => `${r.code ?? `#${r.index}`}: ${r.reasons.map((x) => `${x.path} ${x.message}`).join('; ')}`)
      .join(' | ');
    throw new Error(`reference procedures.json has rejected records: ${detail}`);
  }
  return records;
}

/** The declaration forms shipped with the product (`*.schema.json`), keyed by their x-procedureCodes. */
export function loadReferenceForms(): { procedureCodes: string[]; file: string; schema: JsonSchemaObject }[] {
  return readdirSync(REFERENCE_DATA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const copied = JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, file), 'utf8')) as JsonSchemaObject;
      const schema = annotateForm(copied, referenceAdditions().forms[file] ?? {});
      const codes = schema['x-procedureCodes'];
      return {
        file,
        schema,
        procedureCodes: Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [],
      };
    });
}
