// The errors the signing library raises (error catalogue, docs/errors.md). A route maps them as it maps
// every AppError: the envelope's `reason` names which one; none of them is a 500.
import { defineErrors, type ErrorEntry } from '../error-catalogue.ts';
import type { AppError } from '../errors.ts';

const ENTRIES = {
  PDF_UNREADABLE: {
    code: 'UNPROCESSABLE',
    vi: 'Tệp không phải PDF hợp lệ hoặc bị hỏng, không đọc được chữ ký.',
    en: 'The file is not a valid PDF or is damaged; its signatures cannot be read.',
  },
  PDF_SIGNATURE_SPACE_EXCEEDED: {
    code: 'UNPROCESSABLE',
    vi: 'Chữ ký số lớn hơn chỗ dành cho nó trong tệp PDF.',
    en: 'The signature is larger than the space reserved for it in the PDF.',
  },
  SIGNING_KEY_TOO_WEAK: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Khóa ký không đủ mạnh (${p.detail}); chỉ chấp nhận RSA từ 2048 bit hoặc ECDSA từ 256 bit.`,
    en: (p) =>
      `The signing key is too weak (${p.detail}); only RSA ≥ 2048 bits or ECDSA ≥ 256 bits are accepted.`,
  },
  SIGNING_CERTIFICATE_MISSING: {
    code: 'UNPROCESSABLE',
    vi: 'Không có chứng thư số của người ký.',
    en: "The signer's certificate is missing.",
  },
  SIGNING_CERTIFICATE_NOT_VALID_NOW: {
    code: 'UNPROCESSABLE',
    vi: 'Chứng thư số của người ký không còn hiệu lực tại thời điểm ký.',
    en: "The signer's certificate is not valid at the signing time.",
  },
  SIGNING_PKCS12_UNREADABLE: {
    code: 'UNPROCESSABLE',
    vi: 'Không mở được tệp PKCS#12 (sai mật khẩu hoặc tệp hỏng).',
    en: 'The PKCS#12 file cannot be opened (wrong password or damaged file).',
  },
  SIGNING_FIELD_INVALID: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Vị trí chữ ký không hợp lệ: ${p.detail}.`,
    en: (p) => `The signature field is invalid: ${p.detail}.`,
  },
  TIMESTAMP_FAILED: {
    code: 'SERVICE_UNAVAILABLE',
    vi: (p) => `Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian: ${p.detail}.`,
    en: (p) => `No time-stamp could be obtained from the time-stamp authority: ${p.detail}.`,
  },
} satisfies Record<string, ErrorEntry>;

export const signingFail = defineErrors('signing', ENTRIES);

/** The reasons this library raises, by name. */
export const SIGNING_ERRORS: readonly string[] = Object.keys(ENTRIES);

/** Whether an error was raised by this library (the route maps it; its `reason` names which). */
export function isSigningError(e: unknown): e is AppError {
  return (
    e instanceof Error &&
    e.name === 'AppError' &&
    typeof (e as AppError).reason === 'string' &&
    SIGNING_ERRORS.includes((e as AppError).reason!)
  );
}
