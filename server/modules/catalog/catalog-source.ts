// The procedure catalogue file: the external JSON shape of the national data
// (server/db/seeds/reference/data/procedures/procedures.json), which is also what the import CLI and
// API accept from provinces. parseCatalogueFile validates it record by record and maps each record to
// the normalised Procedure; exportCatalogueFile writes Procedures back in the same shape.
// The mapping rules are documented in docs/domain/catalog.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileForm, type FormValidator, type JsonSchemaObject } from '../../../common/catalog/forms.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  IMPLEMENTING_LEVEL_LABELS,
  IMPLEMENTING_LEVELS,
  PROCEDURE_CODE_PATTERN,
  TIME_UNIT_LABELS,
  TIME_UNITS,
  agencyKindOf,
  slugOf,
  type Channel,
  type ChannelTimeLimits,
  type DossierComponent,
  type Fee,
  type ImplementingLevel,
  type OnlineLevel,
  type Procedure,
  type ProcedureCase,
  type SubmissionKind,
  type TimeLimit,
  type TimeLimitGap,
  type TimeUnit,
} from '../../../common/catalog/procedure.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';

// ---------------------------------------------------------------------------------------------------
// The external shape

/** The portal's unit wording. "Giờ làm việc" is not used by the portal but provinces may write it. */
const UNIT_LABELS: Readonly<Record<TimeUnit, string>> = {
  'working-day': 'Ngày làm việc',
  'working-hour': 'Giờ làm việc',
  'calendar-day': 'Ngày',
  'calendar-hour': 'Giờ',
};
const SUBMISSION_LABELS: Readonly<Record<SubmissionKind, string>> = {
  submit: 'nộp',
  present: 'xuất trình',
  'present-or-submit': 'xuất trình/nộp',
};
const ONLINE_LEVEL_SOURCE: Readonly<Record<OnlineLevel, string>> = {
  full: 'toàn trình',
  partial: 'một phần',
  none: 'không',
};

export type ExternalTime = {
  channel: string;
  value: number | null;
  unit: string | null;
  displayed: string;
  note?: string | null;
  /** Extension: the case (trường hợp) this limit belongs to. */
  case?: string;
};
export type ExternalFee = {
  channel: string | null;
  amountVnd: number | null;
  unit: string | null;
  displayed: string | null;
  amountOther?: { value: number; currency: string } | null;
  note?: string | null;
  /** Extension: the case (trường hợp) this fee belongs to. */
  case?: string;
};
export type ExternalComponent = {
  name: string;
  originals: number | null;
  copies: number | null;
  group?: string | null;
  condition?: string | null;
  submission?: string | null;
  form?: string | null;
  /** Extension: overrides what is read from the wording (true / null). */
  electronicCopy?: boolean | null;
  reuse?: boolean | null;
};
export type ExternalProcedure = {
  code: string;
  name: string;
  field?: string | null;
  /** Extension: mã lĩnh vực. */
  fieldCode?: string | null;
  ministry?: string | null;
  decisionNumber?: string | null;
  procedureType?: string | null;
  implementingLevels: string[];
  levelAsPublishedOn?: string | null;
  levelSource?: string | null;
  applicants?: string[] | null;
  competentAuthority?: string | null;
  implementingAgency?: string | null;
  processingTime: ExternalTime[];
  fees: ExternalFee[];
  feePolicy?: { decidedBy: string | null; exemptions: string[]; note: string | null } | null;
  dossierComponents: ExternalComponent[];
  results?: { name: string; code: string | null }[] | null;
  onlineService?: { channelsPublished: string[]; level: string | null; note?: string | null } | null;
  legalBasis?: string[] | null;
  portalUrl?: string | null;
  source?: { id?: string | null; repo?: string | null; path?: string | null; commit?: string | null } | null;
  accessDate?: string | null;
  notes?: string[] | null;
};
export type ExternalCatalogueFile = { source_notes?: unknown; procedures: ExternalProcedure[] };

const str = (title: string) => ({ type: 'string', minLength: 1, title });
const optStr = (title: string) => ({ type: ['string', 'null'], minLength: 1, title });
const strList = (title: string) => ({ type: ['array', 'null'], title, items: str(title) });
const channelLabels = CHANNELS.map((c) => CHANNEL_LABELS[c]);

/** JSON Schema (2020-12) of one record of the catalogue file; titles name fields in messages. */
export const CATALOGUE_RECORD_SCHEMA: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:motcua:catalogue-record',
  title: 'Bản ghi thủ tục',
  type: 'object',
  properties: {
    code: { type: 'string', title: 'Mã thủ tục (dạng 1.001193)', pattern: PROCEDURE_CODE_PATTERN.source },
    name: str('Tên thủ tục'),
    field: optStr('Lĩnh vực'),
    fieldCode: optStr('Mã lĩnh vực'),
    ministry: optStr('Bộ quản lý'),
    decisionNumber: optStr('Số quyết định công bố'),
    procedureType: optStr('Loại thủ tục'),
    implementingLevels: {
      type: 'array',
      title: 'Cấp thực hiện',
      minItems: 1,
      uniqueItems: true,
      items: { title: 'Cấp thực hiện', enum: IMPLEMENTING_LEVELS.map((l) => IMPLEMENTING_LEVEL_LABELS[l]) },
    },
    levelAsPublishedOn: { type: ['string', 'null'], format: 'date', title: 'Ngày công bố cấp thực hiện' },
    levelSource: optStr('Nguồn cấp thực hiện'),
    applicants: strList('Đối tượng thực hiện'),
    competentAuthority: optStr('Cơ quan có thẩm quyền'),
    implementingAgency: optStr('Cơ quan thực hiện'),
    processingTime: {
      type: 'array',
      title: 'Thời hạn giải quyết',
      items: {
        type: 'object',
        title: 'Thời hạn giải quyết',
        properties: {
          channel: { title: 'Kênh thực hiện của thời hạn', enum: channelLabels },
          value: { type: ['number', 'null'], exclusiveMinimum: 0, title: 'Số thời hạn' },
          unit: { title: 'Đơn vị thời hạn', enum: [...TIME_UNITS.map((u) => UNIT_LABELS[u]), null] },
          displayed: str('Thời hạn như Cổng hiển thị'),
          note: optStr('Ghi chú thời hạn'),
          case: str('Trường hợp'),
        },
        required: ['channel', 'value', 'unit', 'displayed'],
        additionalProperties: false,
      },
    },
    fees: {
      type: 'array',
      title: 'Phí, lệ phí',
      items: {
        type: 'object',
        title: 'Phí, lệ phí',
        properties: {
          channel: { title: 'Kênh thực hiện của phí', enum: [...channelLabels, null] },
          amountVnd: { type: ['integer', 'null'], minimum: 0, title: 'Số tiền (VNĐ)' },
          unit: optStr('Đơn vị tính phí'),
          displayed: optStr('Phí như Cổng hiển thị'),
          amountOther: {
            type: ['object', 'null'],
            title: 'Số tiền ngoại tệ',
            properties: {
              value: { type: 'number', minimum: 0, title: 'Số tiền ngoại tệ' },
              currency: { type: 'string', pattern: '^[A-Z]{3}$', title: 'Mã tiền tệ (ISO 4217)' },
            },
            required: ['value', 'currency'],
            additionalProperties: false,
          },
          note: optStr('Ghi chú phí'),
          case: str('Trường hợp'),
        },
        required: ['channel', 'amountVnd', 'unit', 'displayed'],
        additionalProperties: false,
      },
    },
    feePolicy: {
      type: ['object', 'null'],
      title: 'Chính sách phí',
      properties: {
        decidedBy: optStr('Cơ quan quyết định mức thu'),
        exemptions: { type: 'array', title: 'Đối tượng miễn, giảm', items: str('Đối tượng miễn, giảm') },
        note: optStr('Ghi chú chính sách phí'),
      },
      required: ['decidedBy', 'exemptions', 'note'],
      additionalProperties: false,
    },
    dossierComponents: {
      type: 'array',
      title: 'Thành phần hồ sơ',
      items: {
        type: 'object',
        title: 'Thành phần hồ sơ',
        properties: {
          name: str('Tên giấy tờ'),
          originals: { type: ['integer', 'null'], minimum: 0, title: 'Số bản chính' },
          copies: { type: ['integer', 'null'], minimum: 0, title: 'Số bản sao' },
          group: optStr('Nhóm giấy tờ'),
          condition: optStr('Điều kiện'),
          submission: { title: 'Hình thức nộp', enum: [...Object.values(SUBMISSION_LABELS), null] },
          form: optStr('Mẫu đơn, tờ khai'),
          electronicCopy: { type: ['boolean', 'null'], title: 'Chấp nhận bản điện tử' },
          reuse: { type: ['boolean', 'null'], title: 'Chấp nhận tái sử dụng dữ liệu' },
        },
        required: ['name', 'originals', 'copies'],
        additionalProperties: false,
      },
    },
    results: {
      type: ['array', 'null'],
      title: 'Kết quả thực hiện',
      items: {
        type: 'object',
        title: 'Kết quả thực hiện',
        properties: { name: str('Tên kết quả'), code: optStr('Mã kết quả') },
        required: ['name', 'code'],
        additionalProperties: false,
      },
    },
    onlineService: {
      type: ['object', 'null'],
      title: 'Dịch vụ công trực tuyến',
      properties: {
        channelsPublished: {
          type: 'array',
          title: 'Các kênh thực hiện',
          uniqueItems: true,
          items: { title: 'Kênh thực hiện', enum: channelLabels },
        },
        level: {
          title: 'Mức độ dịch vụ công trực tuyến',
          enum: [...Object.values(ONLINE_LEVEL_SOURCE), null],
        },
        note: optStr('Ghi chú dịch vụ công trực tuyến'),
      },
      required: ['channelsPublished', 'level'],
      additionalProperties: false,
    },
    legalBasis: strList('Căn cứ pháp lý'),
    portalUrl: { type: ['string', 'null'], format: 'uri', title: 'Địa chỉ trang thủ tục trên Cổng' },
    source: {
      type: ['object', 'null'],
      title: 'Nguồn dữ liệu',
      properties: {
        id: optStr('Mã nguồn'),
        repo: optStr('Kho nguồn'),
        path: optStr('Đường dẫn nguồn'),
        commit: optStr('Phiên bản nguồn'),
      },
      additionalProperties: false,
    },
    accessDate: { type: ['string', 'null'], format: 'date', title: 'Ngày truy cập' },
    notes: strList('Ghi chú'),
  },
  required: ['code', 'name', 'implementingLevels', 'processingTime', 'fees', 'dossierComponents'],
  additionalProperties: false,
};

let recordValidator: FormValidator | undefined;
function validateRecord(record: unknown) {
  recordValidator ??= compileForm(CATALOGUE_RECORD_SCHEMA);
  return recordValidator.validate(record);
}

// ---------------------------------------------------------------------------------------------------
// Parsing

export type CatalogueProblem = { path: string; message: string };
export type CatalogueRejection = {
  /** Position in `procedures` (0-based); -1 when the file itself is malformed. */
  index: number;
  code?: string;
  reasons: CatalogueProblem[];
};
export type CatalogueParseResult = { records: Procedure[]; rejected: CatalogueRejection[] };

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
    const limit: TimeLimit = { value: t.value, unit, text: t.displayed, note: t.note ?? null };
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
      feePolicy: r.feePolicy ?? null,
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
    },
  };
}

/**
 * Validates a catalogue file and maps every valid record. A record with any problem is rejected as a
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
      rejected: [
        {
          index: -1,
          reasons: [{ path: '', message: 'Tệp danh mục phải là một đối tượng JSON có mảng “procedures”' }],
        },
      ],
    };
  }
  const records: Procedure[] = [];
  const rejected: CatalogueRejection[] = [];
  const firstIndexOf = new Map<string, number>();
  procedures.forEach((raw: unknown, index) => {
    const code =
      typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'string'
        ? (raw as { code: string }).code
        : undefined;
    const reject = (reasons: CatalogueProblem[]) =>
      rejected.push(code === undefined ? { index, reasons } : { index, code, reasons });
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
  });
  return { records, rejected };
}

// ---------------------------------------------------------------------------------------------------
// Export

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
  };
}

/**
 * Writes procedures in the catalogue file shape. Cases and the component flags are written with the
 * extension keys (`case`, `electronicCopy`, `reuse`), so reading the file back gives the same
 * procedures: parseCatalogueFile(exportCatalogueFile(ps)).records deep-equals ps for parsed ps.
 */
export function exportCatalogueFile(procs: Procedure[]): ExternalCatalogueFile {
  return { procedures: procs.map(toExternal) };
}

// ---------------------------------------------------------------------------------------------------
// Reference data shipped with the product

export const REFERENCE_DATA_DIR = join(import.meta.dirname, '../../db/seeds/reference/data/procedures');

/** The 47 national procedures shipped with the product; throws if the file has any rejected record. */
export function loadReferenceProcedures(): Procedure[] {
  const json: unknown = JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'procedures.json'), 'utf8'));
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
      const schema = JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, file), 'utf8')) as JsonSchemaObject;
      const codes = schema['x-procedureCodes'];
      return {
        file,
        schema,
        procedureCodes: Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [],
      };
    });
}
