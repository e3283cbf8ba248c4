// Generators of agency codes for the property tests, built from the definitions in
// docs/domain/agency-codes.md, not from the parser they test.
import fc from 'fast-check';
import { AGENCY_CODE_MAX_LENGTH } from './agency-code.ts';

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

export const digits = (n: number) => chars('0123456789', n, n);
const nonZero = (n: number) => digits(n).filter((d) => !/^0+$/.test(d));

export const qcvnLevel1 = fc
  .tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 1), digits(2))
  .map(([m, x]) => m + x);

/** A valid QCVN 102:2016 code and its level: the non-zero groups are the right-most ones. */
export const qcvnCode = fc
  .tuple(fc.integer({ min: 1, max: 4 }), nonZero(3), nonZero(2), nonZero(2), qcvnLevel1)
  .map(([level, v, z, y, m]) => ({
    level,
    code: [level >= 4 ? v : '000', level >= 3 ? z : '00', level >= 2 ? y : '00', m].join('.'),
  }));

const qd20Level1 = fc.tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXY', 1, 1), digits(2)).map(([m, x]) => m + x);
const group = chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 4);

/** A valid QĐ 20/2020 code: the level-1 code, then up to 16 groups, at most 35 characters. */
export const qd20Code = fc
  .tuple(qd20Level1, fc.array(group, { maxLength: 16 }))
  .map(([l1, rest]) => [l1, ...rest].join('.'))
  .filter((c) => c.length <= AGENCY_CODE_MAX_LENGTH);

// Near-misses: valid codes with one character changed, dropped or added; codes around the length limit;
// arbitrary strings over the characters that matter, and arbitrary strings.
const alphabet = '0123456789.AHYZa ';
const mutated = fc
  .tuple(
    fc.oneof(
      qcvnCode.map((c) => c.code),
      qd20Code,
    ),
    fc.nat(),
    chars(alphabet, 1, 1),
    fc.constantFrom('set', 'drop', 'add'),
  )
  .map(([code, at, ch, how]) => {
    const i = at % (code.length + 1);
    if (how === 'drop') return code.slice(0, i) + code.slice(i + 1);
    if (how === 'add') return code.slice(0, i) + ch + code.slice(i);
    return code.slice(0, i) + ch + code.slice(i + 1);
  });
const aroundLimit = fc
  .tuple(qd20Level1, fc.array(group, { minLength: 8, maxLength: 12 }))
  .map(([l1, rest]) => [l1, ...rest].join('.'));

export const anyCandidate = fc.oneof(
  qcvnCode.map((c) => c.code),
  qd20Code,
  mutated,
  aroundLimit,
  chars(alphabet, 0, 40),
  fc.string({ maxLength: 40 }),
);
