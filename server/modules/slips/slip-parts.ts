// The pieces every slip is made of: the options, the labels and wording of each set, the header,
// the title with its lookup QR code, the applicant's lines and the small formatters the templates share.
import type {
  ComponentProvision,
  HandoverResult,
  SlipApplicant,
  SlipDossier,
  SlipHeader,
  SlipResultDelivery,
  StopRequestChannel,
} from './slip-data.ts';
import { SlipError } from './slips.errors.ts';
import type { FormSetId, SlipForm } from './slip-forms.ts';
import type { Run, SlipPdf } from './slip-pdf.ts';
import { lookupUrl, qrPng } from './slip-qr.ts';
import { dateLine, vnParts } from './vn-format.ts';

export type SlipRenderOptions = {
  /** Base URL of the public lookup page, e.g. `https://dichvucong.hanoi.gov.vn`. */
  publicUrl: string;
  /** Forces a set (a unit still on the 2018 numbering, a re-print); default: by received date. */
  formSet?: FormSetId;
};

export const PROVISION_LABELS: Readonly<Record<ComponentProvision, string>> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  'certified-copy': 'Bản sao có chứng thực',
  electronic: 'Bản điện tử',
  reused: 'Bản điện tử (tái sử dụng)',
};

export const HANDOVER_RESULT_LABELS: Readonly<Record<HandoverResult, string>> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

export const STOP_CHANNEL_LABELS: Readonly<Record<StopRequestChannel, string>> = {
  desk: 'trực tiếp tại Bộ phận Một cửa',
  postal: 'qua dịch vụ bưu chính',
  'national-portal': 'trên Cổng Dịch vụ công quốc gia',
};

/** What the receiving desk is called in each era (Decree 61/2018 vs Decree 118/2025). */
export const DEFAULT_DESK: Readonly<Record<FormSetId, string>> = {
  '2018': 'Bộ phận Tiếp nhận và Trả kết quả',
  '2025': 'Bộ phận Một cửa',
};

/** The signature hint: 2025 templates allow a digital signature on electronic forms. */
export const SIGN_HINT: Readonly<Record<FormSetId, string>> = {
  '2018': '(Ký và ghi rõ họ tên)',
  '2025': '(Ký, ghi rõ họ tên hoặc ký số)',
};
export const SEAL_HINT: Readonly<Record<FormSetId, string>> = {
  '2018': '(Ký, ghi rõ họ tên và đóng dấu)',
  '2025': '(Ký, ghi rõ họ tên và đóng dấu hoặc ký số)',
};

export type Ctx = { pdf: SlipPdf; form: SlipForm; options: SlipRenderOptions };

export function header(ctx: Ctx, data: SlipHeader, opts: { desk?: boolean } = {}): void {
  const { pdf, form } = ctx;
  const { agency } = data;
  pdf.formLabel(`${form.form} — ${form.source}`);
  pdf.header({
    ...(agency.superiorName ? { superiorName: agency.superiorName } : {}),
    agencyName: agency.name,
    ...(opts.desk && agency.deskName ? { deskName: agency.deskName } : {}),
    numberLine: `Số: ${data.number ?? '……'}/${form.symbol}`,
    dateLine: dateLine(agency.place, data.issuedAt),
  });
}

export async function titleWithQr(ctx: Ctx, code: string | undefined, lines: Run[][] = []): Promise<void> {
  const { pdf, form, options } = ctx;
  pdf.title(form.title, lines);
  if (code) {
    const url = lookupUrl(options.publicUrl, code);
    pdf.qr(await qrPng(url), 'Tra cứu hồ sơ');
  }
}

/** The header with the desk and the title with the dossier's code, as on Mẫu 02 and 03. */
export async function deskHeader(ctx: Ctx, data: SlipHeader & { dossier: SlipDossier }): Promise<void> {
  const { code } = data.dossier;
  header(ctx, data, { desk: true });
  await titleWithQr(ctx, code, code ? [[{ text: 'Mã hồ sơ: ' }, { text: code, style: 'bold' }]] : []);
}

export function deskOf(ctx: Ctx, data: SlipHeader): string {
  return `${data.agency.deskName ?? DEFAULT_DESK[ctx.form.set]} ${data.agency.name}`.replace(/\s+/g, ' ');
}

export const idLabel = (a: SlipApplicant): string =>
  a.kind === 'person' ? 'Số định danh cá nhân' : 'Mã số doanh nghiệp/Mã số thuế';

export const addressee = (a: SlipApplicant): string => (a.kind === 'person' ? 'Ông/Bà' : 'Quý tổ chức');

/** Applicant lines common to Mẫu 01–03. */
export function applicantFields(pdf: SlipPdf, dossier: SlipDossier, lead: string): void {
  const a = dossier.applicant;
  pdf.field(lead, a.fullName);
  pdf.field(idLabel(a), a.idNumber);
  pdf.field('Địa chỉ', a.address);
  pdf.paragraph(
    [
      { text: 'Số điện thoại: ' },
      a.phone ? { text: a.phone, style: 'bold' } : { text: '……………………' },
      { text: '; Email: ' },
      a.email ? { text: a.email, style: 'bold' } : { text: '……………………' },
    ],
    { align: 'left' },
  );
  const r = dossier.representative;
  if (r) {
    const parts = [
      r.idNumber ? `số định danh ${r.idNumber}` : '',
      r.address ? `địa chỉ ${r.address}` : '',
      r.phone ? `điện thoại ${r.phone}` : '',
      r.email ? `email ${r.email}` : '',
      r.authorisation ? `theo ${r.authorisation}` : '',
    ].filter(Boolean);
    pdf.paragraph(
      [
        { text: 'Người được ủy quyền nộp hồ sơ: ' },
        { text: r.fullName, style: 'bold' },
        { text: parts.length > 0 ? `; ${parts.join('; ')}.` : '' },
      ],
      { align: 'left' },
    );
  }
}

export function procedureText(dossier: SlipDossier): string {
  return `${dossier.procedure.name} (mã thủ tục ${dossier.procedure.code})`;
}

export function countText(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SlipError('INVALID_SLIP_DATA', `Số lượng ${what} không hợp lệ: ${n}.`);
  }
  return String(n).padStart(2, '0');
}

export function deliveryText(d: SlipResultDelivery): string {
  switch (d.channel) {
    case 'desk':
      return `Trực tiếp tại ${d.place}`;
    case 'postal':
      return `Qua dịch vụ bưu chính công ích, địa chỉ nhận: ${d.address}`;
    case 'online':
      return 'Trực tuyến, vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân';
  }
}

/** "09 giờ 15 phút, ngày 21/11/2026" for table cells. */
export function cellDateTime(iso: string): string {
  const p = vnParts(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ngày ${two(p.day)}/${two(p.month)}/${p.year}`;
}

export function lookupNote(ctx: Ctx, code: string): Run[] {
  return [
    { text: 'Tra cứu tình trạng hồ sơ tại: ', style: 'italic' },
    { text: lookupUrl(ctx.options.publicUrl, code), style: 'bold-italic' },
  ];
}
