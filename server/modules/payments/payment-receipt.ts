// The electronic receipt (biên lai điện tử) of a paid payment, as PDF, with the slips' page layer
// (server/modules/slips: A4, Be Vietnam Pro, the administrative header, a QR code to the public
// lookup of the dossier). The content follows what a fee receipt carries — the collecting agency,
// the receipt's series and number, the payer, what was paid (items, amount in figures and in words),
// when and how — as practice shows it (legal-notes §5 B14 [P]); the statutory template of receipts
// for fees and charges (believed ND 123/2020/NĐ-CP and TT 78/2021/TT-BTC) was not read [U].
import { SlipPdf, type TableCell } from '../slips/index.ts';
import { lookupUrl, qrPng } from '../slips/index.ts';
import { dateLine, formatVnd, vnDateTimeWords } from '../slips/index.ts';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', ' nghìn', ' triệu', ' tỷ', ' nghìn tỷ', ' triệu tỷ'];

/** One group of three digits; `full` when a higher group precedes it (reads "không trăm", "linh"). */
function readGroup(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(`${DIGITS[h]} trăm`);
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) words.push('linh');
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(`${DIGITS[t]} mươi`);
  }
  if (u > 0) {
    if (u === 1 && t >= 2) words.push('mốt');
    else if (u === 5 && t >= 1) words.push('lăm');
    else if (u === 4 && t >= 2) words.push('tư');
    else words.push(DIGITS[u]!);
  }
  return words.join(' ');
}

/** "Hai mươi tư nghìn đồng": the amount in Vietnamese words, as written on receipts. */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not an amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    const full = i < groups.length - 1;
    parts.push(readGroup(g, full) + GROUPS[i]);
  }
  const text = `${parts.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

export type ReceiptData = {
  agency: { name: string; superiorName?: string; place: string };
  /** BL-2026/0000001. */
  receiptNumber: string;
  series: string;
  number: string;
  dossierCode: string;
  procedure: { code: string; name: string };
  payer: { name: string; idNumber?: string; address?: string };
  items: { name: string; amountVnd: number }[];
  amountVnd: number;
  paidAt: string;
  channel: 'online' | 'cash' | 'transfer';
  transactionId: string | null;
  bankCode: string | null;
  transferReference: string | null;
  reference: string;
  collector: string | null;
};

const CHANNEL_TEXT = {
  online: 'Trực tuyến qua nền tảng thanh toán của Cổng Dịch vụ công quốc gia',
  cash: 'Tiền mặt tại Bộ phận Một cửa',
  transfer: 'Chuyển khoản',
} as const;

export async function renderReceipt(data: ReceiptData, options: { publicUrl: string }): Promise<Buffer> {
  const title = 'BIÊN LAI THU PHÍ, LỆ PHÍ';
  const pdf = new SlipPdf({
    title: `Biên lai điện tử ${data.receiptNumber} — ${data.dossierCode}`,
    subject: 'Biên lai thu phí, lệ phí (biên lai điện tử)',
    keywords: [data.receiptNumber, data.dossierCode, data.reference].join('; '),
    createdAt: new Date(data.paidAt),
    runningHead: `Biên lai ${data.receiptNumber} — Mã hồ sơ: ${data.dossierCode} (tiếp theo)`,
    pageNumbers: 'multi',
  });
  pdf.formLabel('Biên lai điện tử');
  pdf.header({
    ...(data.agency.superiorName ? { superiorName: data.agency.superiorName } : {}),
    agencyName: data.agency.name,
    numberLine: `Ký hiệu: ${data.series} — Số: ${data.number}`,
    dateLine: dateLine(data.agency.place, data.paidAt),
  });
  pdf.title(title, [[{ text: '(Biên lai điện tử)', style: 'italic' }]]);
  pdf.qr(await qrPng(lookupUrl(options.publicUrl, data.dossierCode)), 'Tra cứu hồ sơ');
  pdf.field('Họ tên người nộp', data.payer.name);
  if (data.payer.idNumber) pdf.field('Số định danh cá nhân/Mã số thuế', data.payer.idNumber);
  if (data.payer.address) pdf.field('Địa chỉ', data.payer.address);
  pdf.field('Mã hồ sơ', data.dossierCode);
  pdf.field('Thủ tục hành chính', `${data.procedure.name} (mã thủ tục ${data.procedure.code})`);
  pdf.field('Hình thức thu', CHANNEL_TEXT[data.channel]);
  if (data.transactionId) pdf.field('Mã giao dịch', data.transactionId);
  if (data.transferReference) pdf.field('Mã giao dịch chuyển khoản', data.transferReference);
  pdf.field('Mã tham chiếu', data.reference);
  pdf.field('Thời điểm thu', vnDateTimeWords(data.paidAt));
  pdf.gap(4);
  const rows: TableCell[][] = data.items.map((item, i) => [
    String(i + 1),
    item.name,
    formatVnd(item.amountVnd),
  ]);
  rows.push([
    '',
    [{ text: 'Tổng cộng', style: 'bold' }],
    [{ text: formatVnd(data.amountVnd), style: 'bold' }],
  ]);
  pdf.table(
    [
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Khoản thu', width: 62 },
      { header: 'Số tiền', width: 30, align: 'right' },
    ],
    rows,
  );
  pdf.paragraph(
    [{ text: 'Số tiền bằng chữ: ' }, { text: `${vndInWords(data.amountVnd)}.`, style: 'bold-italic' }],
    {
      align: 'left',
    },
  );
  pdf.signatures([
    { label: 'Người nộp tiền', hint: '(Ký, ghi rõ họ tên)' },
    data.channel === 'online'
      ? { label: 'Đơn vị thu', hint: '(Biên lai điện tử, không cần chữ ký)', name: data.agency.name }
      : {
          label: 'Người thu tiền',
          hint: '(Ký, ghi rõ họ tên)',
          ...(data.collector ? { name: data.collector } : {}),
        },
  ]);
  pdf.note([
    { text: 'Tra cứu hồ sơ và biên lai tại: ', style: 'italic' },
    { text: lookupUrl(options.publicUrl, data.dossierCode), style: 'bold-italic' },
  ]);
  return pdf.finish();
}
