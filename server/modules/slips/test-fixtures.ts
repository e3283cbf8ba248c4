// Realistic slip data for tests and the benchmark: a birth registration (1.001193) at the ward of
// Hàng Trống, Hà Nội. Names, numbers and addresses are invented.
import type {
  ApologySlipData,
  ProcessControlSlipData,
  ReceiptSlipData,
  RefusalSlipData,
  SlipAgency,
  SlipComponent,
  SlipDossier,
  StopNoticeSlipData,
  SupplementRequestSlipData,
  TrackingBookData,
  TrackingBookEntry,
} from './slip-data.ts';
import type { SlipDataMap, SlipKind } from './slip-forms.ts';

export const PUBLIC_URL = 'https://dichvucong.hanoi.gov.vn';
export const DOSSIER_CODE = '000.12.22.H26-261121-0001';

/** The ward's agency; its superior changed with the 2025 reform (no more districts). */
export function agencyAt(receivedAt: string): SlipAgency {
  const before = receivedAt < '2025-07-01';
  return {
    name: 'Ủy ban nhân dân Phường Hàng Trống',
    superiorName: before ? 'Ủy ban nhân dân Quận Hoàn Kiếm' : 'Ủy ban nhân dân Thành phố Hà Nội',
    code: '000.12.22.H26',
    place: 'Hà Nội',
    deskName: 'Bộ phận Một cửa',
  };
}

export const COMPONENTS: SlipComponent[] = [
  { name: 'Tờ khai đăng ký khai sinh theo mẫu', provided: 'original', count: 1 },
  { name: 'Giấy chứng sinh do cơ sở y tế cấp', provided: 'original', count: 1 },
  { name: 'Văn bản ủy quyền đăng ký khai sinh (nếu ủy quyền)', provided: 'certified-copy', count: 1 },
  { name: 'Giấy chứng nhận kết hôn của cha, mẹ', provided: 'copy', count: 1 },
  { name: 'Căn cước của người đi đăng ký', provided: 'electronic', count: 1 },
];

/** `n` components with long names, to run the table over several pages. */
export function manyComponents(n: number): SlipComponent[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Giấy tờ chứng minh số ${i + 1}: bản trích lục, xác nhận của cơ quan có thẩm quyền về nội dung đăng ký`,
    provided: (['original', 'copy', 'certified-copy', 'electronic', 'reused'] as const)[i % 5]!,
    count: (i % 3) + 1,
  }));
}

export function dossierAt(receivedAt: string, code = DOSSIER_CODE): SlipDossier & { code: string } {
  return {
    code,
    receivedAt,
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Thị Hường',
      idNumber: '001186012345',
      address: 'Số 12 phố Hàng Trống, Phường Hàng Trống, Thành phố Hà Nội',
      phone: '0912 345 678',
      email: 'huong.nguyen@example.vn',
    },
  };
}

/** One slip of every kind, for a dossier received at `receivedAt` (default 2026-11-21 09:15 in Hà Nội). */
export function slipData(receivedAt = '2026-11-21T09:15:00+07:00'): { [K in SlipKind]: SlipDataMap[K] } {
  const agency = agencyAt(receivedAt);
  const dossier = dossierAt(receivedAt);
  const issuedAt = receivedAt;
  const dueAt = '2026-11-23T16:00:00+07:00';
  const receipt: ReceiptSlipData = {
    agency,
    number: '0001',
    issuedAt,
    dossier: {
      ...dossier,
      representative: {
        fullName: 'Lê Văn Thự',
        idNumber: '001090054321',
        phone: '0987 654 321',
        authorisation: 'Văn bản ủy quyền ngày 20/11/2026',
      },
    },
    components: COMPONENTS,
    sets: 1,
    timeLimit: { value: 1, unit: 'working-day' },
    dueAt,
    resultDelivery: { channel: 'desk', place: 'Bộ phận Một cửa Ủy ban nhân dân Phường Hàng Trống' },
    fees: [
      { name: 'Lệ phí đăng ký khai sinh', amountVnd: 0 },
      { name: 'Phí cấp bản sao Trích lục khai sinh (02 bản)', amountVnd: 16000 },
    ],
    register: { book: '01/2026', entry: 125 },
    receiver: { fullName: 'Trần Văn Đức' },
  };
  const supplement: SupplementRequestSlipData = {
    agency,
    number: '0007',
    issuedAt,
    dossier,
    missing: [
      {
        name: 'Giấy chứng sinh do cơ sở y tế cấp',
        provided: 'original',
        count: 1,
        note: 'Bản đã nộp thiếu dấu của cơ sở y tế',
      },
      {
        name: 'Tờ khai đăng ký khai sinh',
        provided: 'original',
        count: 1,
        note: 'Ghi đầy đủ quê quán của người mẹ',
      },
    ],
    reason: 'Hồ sơ chưa đầy đủ, hợp lệ theo quy định của Luật Hộ tịch',
    contact: {
      fullName: 'Trần Văn Đức',
      title: 'công chức tư pháp - hộ tịch',
      phone: '024 3825 1234',
      extension: '105',
    },
    guide: { fullName: 'Trần Văn Đức' },
  };
  const refusal: RefusalSlipData = {
    agency,
    number: '0003',
    issuedAt,
    dossier: { ...dossier },
    reasons: [
      'Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân Phường Cửa Nam ngày 15/11/2026 (Điều 13 Luật Hộ tịch).',
      'Người đi đăng ký không xuất trình được giấy tờ tùy thân theo quy định.',
    ],
    receiver: { fullName: 'Trần Văn Đức' },
  };
  const apology: ApologySlipData = {
    agency,
    number: '0002',
    issuedAt: '2026-11-23T08:00:00+07:00',
    dossier,
    originalDueAt: dueAt,
    newDueAt: '2026-11-25T16:00:00+07:00',
    reason: 'Phải xác minh thông tin khai sinh với cơ quan đăng ký hộ tịch nơi cư trú trước đây của người mẹ',
    head: { title: 'Chủ tịch', fullName: 'Phạm Thị Thủy' },
  };
  const stop: StopNoticeSlipData = {
    agency,
    number: '0001',
    issuedAt: '2026-11-22T10:30:00+07:00',
    dossier,
    requestedAt: '2026-11-22T10:05:00+07:00',
    requestChannel: 'desk',
    stage: 'Đang thẩm định tại công chức tư pháp - hộ tịch',
    reason: 'Gia đình chuyển nơi đăng ký khai sinh về quê',
    fees: { paidVnd: 16000, handling: 'Hoàn trả toàn bộ phí đã nộp trong 03 ngày làm việc.' },
    signer: { fullName: 'Trần Văn Đức', title: 'Phụ trách Bộ phận Một cửa' },
  };
  const control: ProcessControlSlipData = {
    agency,
    number: '0001',
    issuedAt,
    dossier,
    resolvingAgency: 'Ủy ban nhân dân Phường Hàng Trống',
    coordinatingAgencies: ['Công an Phường Hàng Trống'],
    dueAt,
    handovers: [
      {
        fromUnit: 'Bộ phận Một cửa',
        toUnit: 'Công chức tư pháp - hộ tịch',
        at: '2026-11-21T09:30:00+07:00',
        fromPerson: 'Trần Văn Đức',
        toPerson: 'Hoàng Thị Yến',
        result: 'early',
      },
      {
        fromUnit: 'Công chức tư pháp - hộ tịch',
        toUnit: 'Lãnh đạo Ủy ban nhân dân phường',
        at: '2026-11-21T15:10:00+07:00',
        fromPerson: 'Hoàng Thị Yến',
        toPerson: 'Phạm Thị Thủy',
        result: 'on-time',
      },
      {
        fromUnit: 'Lãnh đạo Ủy ban nhân dân phường',
        toUnit: 'Bộ phận Một cửa',
        at: '2026-11-23T17:20:00+07:00',
        fromPerson: 'Phạm Thị Thủy',
        toPerson: 'Trần Văn Đức',
        result: 'late',
        note: 'Chờ xác minh',
      },
    ],
  };
  const month = receivedAt.slice(0, 7);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const book: TrackingBookData = {
    agency,
    number: '01',
    issuedAt: `${month}-${last}T17:00:00+07:00`,
    field: 'Hộ tịch',
    book: '01/2026',
    period: { from: `${month}-01`, to: `${month}-${last}` },
    entries: trackingEntries(6, month),
  };
  return {
    receipt,
    'supplement-request': supplement,
    refusal,
    apology,
    'stop-notice': stop,
    'process-control': control,
    'tracking-book': book,
  };
}

const NAMES = [
  'Nguyễn Thị Hường',
  'Lê Văn Thự',
  'Đỗ Quang Tuấn',
  'Vũ Thị Ánh Tuyết',
  'Công ty TNHH Hoàng Đạo',
];

/** `n` register lines spread over the month `YYYY-MM` (default November 2026). */
export function trackingEntries(n: number, month = '2026-11'): TrackingBookEntry[] {
  const yymm = `${month.slice(2, 4)}${month.slice(5, 7)}`;
  return Array.from({ length: n }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const seq = String(i + 1).padStart(4, '0');
    const returned = i % 3 !== 2;
    return {
      dossierCode: `000.12.22.H26-${yymm}${day}-${seq}`,
      procedureName: i % 2 === 0 ? 'Đăng ký khai sinh' : 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      applicantName: NAMES[i % NAMES.length]!,
      address: 'Số 12 phố Hàng Trống, Phường Hàng Trống, Hà Nội',
      phone: '0912 345 678',
      resolvingAgency: 'UBND Phường Hàng Trống',
      receivedAt: `${month}-${day}T09:15:00+07:00`,
      dueAt: `${month}-${day}T16:00:00+07:00`,
      ...(returned
        ? { returnedAt: `${month}-${day}T15:30:00+07:00`, signedBy: NAMES[i % NAMES.length]! }
        : {}),
      deliveryMethod: i % 4 === 3 ? 'Bưu chính công ích' : 'Trực tiếp',
      ...(returned ? {} : { note: 'Chờ bổ sung' }),
    };
  });
}
