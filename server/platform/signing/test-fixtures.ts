// For the tests and the bench: a one-page result rendered with pdfkit and Be Vietnam Pro, as the slips
// module renders (with a space left for the signature block, drawn as the caller of signPdf draws it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let font: Buffer | undefined;

/** The signature block's place on an A4 page (points, origin bottom-left). */
export const SIGNATURE_RECT: [number, number, number, number] = [320, 120, 540, 200];

export async function onePagePdf(title = 'QUYẾT ĐỊNH', body = 'Về việc cấp giấy phép xây dựng'): Promise<Uint8Array> {
  font ??= readFileSync(
    join(dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json')), '400Regular/BeVietnamPro_400Regular.ttf'),
  );
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: title, Creator: 'motcua', CreationDate: new Date(Date.UTC(2026, 11, 7)) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', font);
  doc.font('regular').fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown(2);
  doc.fontSize(14).text(title, { align: 'center' }).fontSize(13).text(body, { align: 'center' }).moveDown();
  doc.text('Ủy ban nhân dân phường Hoàn Kiếm quyết định cấp giấy phép cho ông Nguyễn Văn Bình.');
  // The signature block's text, drawn where the field goes (PDF y = page height − pdfkit y).
  const [x1, , , y2] = SIGNATURE_RECT;
  doc.text('TM. ỦY BAN NHÂN DÂN', x1, doc.page.height - y2, { width: 220, align: 'center' });
  doc.text('CHỦ TỊCH', { width: 220, align: 'center' });
  doc.end();
  return new Uint8Array(await done);
}
