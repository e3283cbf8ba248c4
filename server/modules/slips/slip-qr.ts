// The QR code on a slip: the public lookup page of the dossier (tra cứu hồ sơ), so anyone holding the
// paper can follow it without signing in.
import QRCode from 'qrcode';
import { SlipError } from './slips.errors.ts';

/** `${publicUrl}/tra-cuu/${dossierCode}`, with one slash between the parts and the code escaped. */
export function lookupUrl(publicUrl: string, dossierCode: string): string {
  let base: URL;
  try {
    base = new URL(publicUrl);
  } catch {
    throw new SlipError('INVALID_SLIP_DATA', `Địa chỉ cổng tra cứu không hợp lệ: "${publicUrl}".`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new SlipError('INVALID_SLIP_DATA', `Địa chỉ cổng tra cứu phải là http(s): "${publicUrl}".`);
  }
  if (dossierCode.trim() === '') throw new SlipError('INVALID_SLIP_DATA', 'Thiếu mã hồ sơ.');
  return `${publicUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(dossierCode)}`;
}

/** Options shared by the renderer and the tests that read the code back. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, scale: 4 } as const;

/** A PNG of the QR code of `text`. */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', ...QR_OPTIONS });
}
