// Electronic agency identifiers (mã định danh điện tử của cơ quan) in both forms in use
// (docs/domain/agency-codes.md; legal-notes §3.1):
// - QCVN 102:2016/BTTTT (Thông tư 10/2016/TT-BTTTT): `DDD.DD.DD.XNN`, level 1 at the right;
// - Quyết định 20/2020/QĐ-TTg Điều 4: up to 35 characters (digits, A–Z upper case, dots), groups read
//   left to right, group 1 the level-1 code `MX1X2` (M from A to Y, X a digit), each later group a body
//   under the one before (k3), e.g. `H26.101.02`.
// The two forms cannot be confused: a QCVN code starts with a digit, a QĐ 20 code with a letter.
// The validation is written by hand; the exported patterns say the same thing for SQL CHECKs and
// JSON schemas, and the tests hold the two equal.

export const AGENCY_CODE_FORMS = ['qcvn-102-2016', 'qd-20-2020'] as const;
export type AgencyCodeForm = (typeof AGENCY_CODE_FORMS)[number];

export type ParsedAgencyCode = {
  form: AgencyCodeForm;
  /** 1 for a level-1 body (a province's People's Committee, a ministry), 2 for a body under it … */
  level: number;
  /** The code of the body one level up, in the same form; null at level 1. */
  parentCode: string | null;
  /** The level-1 code, `H26` for both `000.12.22.H26` and `H26.101.02`. */
  level1: string;
};

/** QĐ 20/2020/QĐ-TTg Điều 4 k1: at most 35 characters. */
export const AGENCY_CODE_MAX_LENGTH = 35;

// Non-zero numeric groups of 2 and 3 digits, for the QCVN pattern.
const NZ2 = '(?:0[1-9]|[1-9][0-9])';
const NZ3 = '(?:00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})';

/**
 * The QCVN 102:2016 form, exactly as parseAgencyCode accepts it: the shape
 * `^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$` and, in addition, no zero group to the right of a
 * non-zero one (`000.12.00.H26` would be a level-3 body with no level-2 body above it).
 */
export const QCVN_102_2016_PATTERN = `^(?:000\\.00\\.00|000\\.00\\.${NZ2}|000\\.${NZ2}\\.${NZ2}|${NZ3}\\.${NZ2}\\.${NZ2})\\.[A-Z][0-9]{2}$`;

/**
 * The QĐ 20/2020/QĐ-TTg form, exactly as parseAgencyCode accepts it. The look-ahead holds the
 * 35-character limit; PostgreSQL's regular expressions (`~`, advanced REs) and JavaScript's both read it,
 * so a CHECK and a JSON schema can use the same string.
 */
export const QD_20_2020_PATTERN = `^(?=[.0-9A-Z]{3,${AGENCY_CODE_MAX_LENGTH}}$)[A-Y][0-9]{2}(?:\\.[0-9A-Z]+)*$`;

/** Either form: the two patterns above, anchored once each. */
export const AGENCY_CODE_PATTERN = `(?:${QCVN_102_2016_PATTERN})|(?:${QD_20_2020_PATTERN})`;

export const AGENCY_CODE_PROBLEMS = [
  'AGENCY_CODE_EMPTY',
  'AGENCY_CODE_TOO_LONG',
  'AGENCY_CODE_LOWER_CASE',
  'AGENCY_CODE_CHARACTERS',
  'AGENCY_CODE_EMPTY_GROUP',
  'AGENCY_CODE_QCVN_SHAPE',
  'AGENCY_CODE_QCVN_GAP',
  'AGENCY_CODE_LEVEL1',
] as const;
export type AgencyCodeProblemReason = (typeof AGENCY_CODE_PROBLEMS)[number];

export type AgencyCodeProblem = { reason: AgencyCodeProblemReason; vi: string; en: string };

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const allDigits = (s: string): boolean => [...s].every(isDigit);
const isZeros = (s: string): boolean => /^0+$/.test(s);

function problem(reason: AgencyCodeProblemReason, vi: string, en: string): AgencyCodeProblem {
  return { reason, vi, en };
}

function qcvnProblem(s: string): AgencyCodeProblem | null {
  const groups = s.split('.');
  const [v, z, y, m] = groups;
  const shaped =
    groups.length === 4 &&
    v?.length === 3 &&
    allDigits(v) &&
    z?.length === 2 &&
    allDigits(z) &&
    y?.length === 2 &&
    allDigits(y) &&
    m?.length === 3 &&
    isUpper(m.charAt(0)) &&
    allDigits(m.slice(1));
  if (!shaped) {
    return problem(
      'AGENCY_CODE_QCVN_SHAPE',
      `Mã "${s}" không đúng dạng QCVN 102:2016 DDD.DD.DD.XNN (ví dụ 000.00.22.H26).`,
      `"${s}" does not have the QCVN 102:2016 shape DDD.DD.DD.XNN (e.g. 000.00.22.H26).`,
    );
  }
  // Level 2 is Y (right), level 3 Z, level 4 V (left): a body exists only under its parent.
  if ((isZeros(y) && !isZeros(z)) || (isZeros(z) && !isZeros(v))) {
    return problem(
      'AGENCY_CODE_QCVN_GAP',
      `Mã "${s}" có nhóm cấp dưới khác 0 trong khi nhóm cấp trên bằng 0: không có cơ quan cấp trên.`,
      `"${s}" has a non-zero lower-level group under a zero higher-level group: it has no parent body.`,
    );
  }
  return null;
}

function qd20Problem(s: string): AgencyCodeProblem | null {
  const groups = s.split('.');
  if (groups.some((g) => g === '')) {
    return problem(
      'AGENCY_CODE_EMPTY_GROUP',
      `Mã "${s}" có nhóm rỗng (dấu chấm ở đầu, ở cuối hoặc hai dấu chấm liền nhau).`,
      `"${s}" has an empty group (a leading or trailing dot, or two dots together).`,
    );
  }
  const first = groups[0] ?? '';
  if (!(
    first.length === 3 &&
    first.charAt(0) >= 'A' &&
    first.charAt(0) <= 'Y' &&
    allDigits(first.slice(1))
  )) {
    return problem(
      'AGENCY_CODE_LEVEL1',
      `Nhóm đầu "${first}" của mã "${s}" không phải mã cấp 1 dạng MX1X2 (M từ A đến Y, X là chữ số), ví dụ H26.`,
      `The first group "${first}" of "${s}" is not a level-1 code MX1X2 (M from A to Y, X a digit), e.g. H26.`,
    );
  }
  return null;
}

/** Why `s` is not an agency code of either form, in Vietnamese and English; null when it is one. */
export function agencyCodeProblem(s: string): AgencyCodeProblem | null {
  if (s === '') {
    return problem('AGENCY_CODE_EMPTY', 'Chưa có mã định danh.', 'The agency code is empty.');
  }
  if (s.length > AGENCY_CODE_MAX_LENGTH) {
    return problem(
      'AGENCY_CODE_TOO_LONG',
      `Mã định danh dài ${s.length} ký tự, tối đa ${AGENCY_CODE_MAX_LENGTH} (QĐ 20/2020/QĐ-TTg Điều 4).`,
      `The agency code has ${s.length} characters, at most ${AGENCY_CODE_MAX_LENGTH} (QĐ 20/2020/QĐ-TTg art. 4).`,
    );
  }
  const bad = [...s].filter((c) => !(isDigit(c) || isUpper(c) || c === '.'));
  if (bad.length > 0) {
    const shown = [...new Set(bad)].map((c) => JSON.stringify(c)).join(', ');
    if (bad.every((c) => c >= 'a' && c <= 'z')) {
      return problem(
        'AGENCY_CODE_LOWER_CASE',
        `Mã "${s}" có chữ thường (${shown}): mã định danh chỉ dùng chữ in hoa.`,
        `"${s}" has lower-case letters (${shown}): agency codes use upper-case letters only.`,
      );
    }
    return problem(
      'AGENCY_CODE_CHARACTERS',
      `Mã "${s}" có ký tự không được dùng (${shown}): chỉ chữ số, chữ in hoa A–Z và dấu chấm.`,
      `"${s}" has characters that are not allowed (${shown}): digits, upper-case A–Z and dots only.`,
    );
  }
  return isDigit(s.charAt(0)) ? qcvnProblem(s) : qd20Problem(s);
}

/** The form, level, parent and level-1 code of an agency code; null when it is not one (agencyCodeProblem says why). */
export function parseAgencyCode(s: string): ParsedAgencyCode | null {
  if (agencyCodeProblem(s) !== null) return null;
  const groups = s.split('.');
  if (isDigit(s.charAt(0))) {
    const [v = '', z = '', y = '', m = ''] = groups;
    const nonZero = [y, z, v].filter((g) => !isZeros(g)).length;
    let parentCode: string | null = null;
    // The parent: the left-most non-zero group set to zeros.
    if (!isZeros(v)) parentCode = `000.${z}.${y}.${m}`;
    else if (!isZeros(z)) parentCode = `000.00.${y}.${m}`;
    else if (!isZeros(y)) parentCode = `000.00.00.${m}`;
    return { form: 'qcvn-102-2016', level: 1 + nonZero, parentCode, level1: m };
  }
  return {
    form: 'qd-20-2020',
    level: groups.length,
    parentCode: groups.length > 1 ? groups.slice(0, -1).join('.') : null,
    level1: groups[0] ?? '',
  };
}

/** Whether two codes (of either form) name bodies under the same level-1 body: `000.00.00.H26` and `H26.101`. */
export function sameLevel1(a: string, b: string): boolean {
  const pa = parseAgencyCode(a);
  const pb = parseAgencyCode(b);
  return pa !== null && pb !== null && pa.level1 === pb.level1;
}
