// The external shape of the procedure catalogue file (server/db/seeds/reference/data/procedures/
// procedures.json, and what the import CLI and API accept from provinces): its record types, its JSON
// Schema and the portal's wording of units, submissions and online levels, shared by the parser
// (catalog-source.ts) and the writer (catalog-export.ts). The mapping rules are in docs/domain/catalog.md.
import { compileForm, type FormValidator, type JsonSchemaObject } from '../../../common/catalog/forms.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  IMPLEMENTING_LEVEL_LABELS,
  IMPLEMENTING_LEVELS,
  PROCEDURE_CODE_PATTERN,
  TIME_UNITS,
  type OnlineLevel,
  type SubmissionKind,
  type TimeUnit,
} from '../../../common/catalog/procedure.ts';
/** The portal's unit wording. "Giờ làm việc" is not used by the portal but provinces may write it. */
export const UNIT_LABELS: Readonly<Record<TimeUnit, string>> = {
  'working-day': 'Ngày làm việc',
  'working-hour': 'Giờ làm việc',
  'calendar-day': 'Ngày',
  'calendar-hour': 'Giờ',
};
export const SUBMISSION_LABELS: Readonly<Record<SubmissionKind, string>> = {
  submit: 'nộp',
  present: 'xuất trình',
  'present-or-submit': 'xuất trình/nộp',
};
export const ONLINE_LEVEL_SOURCE: Readonly<Record<OnlineLevel, string>> = {
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
  /** Extension (national catalogue): `formalityCase` when the unit was inferred from the cases. */
  unitSource?: string | null;
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
  /** Extension: the paper is the procedure's declaration (tờ khai): online, the form filled on screen. */
  declaration?: boolean | null;
  /** Extension: required on every channel although the wording has a condition (true / null). */
  required?: boolean | null;
};
export type ExternalProcedure = {
  code: string;
  name: string;
  field?: string | null;
  /** Extension: mã lĩnh vực. */
  fieldCode?: string | null;
  ministry?: string | null;
  decisionNumber?: string | null;
  /** Extension: the announcing decision's date (ISO day), the version's first day in force. */
  decisionDate?: string | null;
  procedureType?: string | null;
  implementingLevels: string[];
  levelAsPublishedOn?: string | null;
  levelSource?: string | null;
  applicants?: string[] | null;
  competentAuthority?: string | null;
  implementingAgency?: string | null;
  processingTime: ExternalTime[];
  fees: ExternalFee[];
  feePolicy?: {
    decidedBy: string | null;
    exemptions: string[];
    note: string | null;
    /** Extension: the province's act that sets the amount. */
    basis?: string | null;
  } | null;
  dossierComponents: ExternalComponent[];
  results?: { name: string; code: string | null }[] | null;
  onlineService?: { channelsPublished: string[]; level: string | null; note?: string | null } | null;
  legalBasis?: string[] | null;
  portalUrl?: string | null;
  source?: { id?: string | null; repo?: string | null; path?: string | null; commit?: string | null } | null;
  accessDate?: string | null;
  notes?: string[] | null;
  /** Extension: the record's place in the national catalogue (catalog-national.ts). */
  national?: {
    formalityId: string | null;
    scope: 'national' | 'local';
    localProvince: { id: string; name: string } | null;
    unverified?: boolean | null;
  } | null;
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
    decisionDate: { type: ['string', 'null'], format: 'date', title: 'Ngày quyết định công bố' },
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
          unitSource: optStr('Nguồn đơn vị thời hạn'),
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
        basis: optStr('Văn bản quy định mức thu của tỉnh'),
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
          declaration: { type: ['boolean', 'null'], title: 'Là tờ khai của thủ tục' },
          required: { type: ['boolean', 'null'], title: 'Bắt buộc trên mọi kênh' },
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
    national: {
      type: ['object', 'null'],
      title: 'Vị trí trong CSDL quốc gia về TTHC',
      properties: {
        formalityId: optStr('Mã bản ghi trên Cổng'),
        scope: { title: 'Phạm vi thủ tục', enum: ['national', 'local'] },
        localProvince: {
          type: ['object', 'null'],
          title: 'Tỉnh ban hành thủ tục đặc thù',
          properties: {
            id: { type: 'string', pattern: '^[0-9]{2}$', title: 'Mã tỉnh' },
            name: str('Tên tỉnh'),
          },
          required: ['id', 'name'],
          additionalProperties: false,
        },
        unverified: { type: ['boolean', 'null'], title: 'Chưa đối chiếu nguồn' },
      },
      required: ['formalityId', 'scope', 'localProvince'],
      additionalProperties: false,
    },
  },
  required: ['code', 'name', 'implementingLevels', 'processingTime', 'fees', 'dossierComponents'],
  additionalProperties: false,
};

let recordValidator: FormValidator | undefined;
export function validateRecord(record: unknown) {
  recordValidator ??= compileForm(CATALOGUE_RECORD_SCHEMA);
  return recordValidator.validate(record);
}
