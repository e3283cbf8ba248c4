import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  matchesQuery,
  procedureSearchText,
  searchPlan,
  searchQueryTokens,
  withinOneEdit,
  wordMatches,
} from './search.ts';
import type { Procedure } from './procedure.ts';

const named = (code: string, name: string, field: string | null): Procedure =>
  ({ code, name, field: field === null ? null : { code: null, name: field } }) as Procedure;

const birth = named('1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch');
const marriage = named('1.000894', 'Thủ tục đăng ký kết hôn', 'Hộ tịch');
const split = named('1.012784', 'Tách thửa hoặc hợp thửa đất.', 'Đất đai');

describe('procedureSearchText', () => {
  it('folds code, code number, name and field, each word once', () => {
    assert.equal(procedureSearchText(birth), '1.001193 001193 thu tuc dang ky khai sinh ho tich');
    assert.equal(procedureSearchText(split), '1.012784 012784 tach thua hoac hop dat dai');
  });
});

describe('matchesQuery', () => {
  for (const q of [
    'dang ky khai sinh',
    'khai sinh',
    'sinh khai',
    '1.001193',
    'ĐĂNG KÝ khai sinh',
    '001193',
    'hộ tịch',
    'dang k',
    '1.0011',
  ]) {
    it(`“${q}” finds birth registration`, () => {
      assert.equal(matchesQuery(birth, q), true);
    });
  }
  for (const q of ['ket hon', 'khai sinh ket hon', '1.000894', 'inh', 'ai sinh']) {
    it(`“${q}” does not find birth registration`, () => {
      assert.equal(matchesQuery(birth, q), false);
    });
  }
  it('matches everything on an empty query and ignores punctuation', () => {
    assert.equal(matchesQuery(marriage, ''), true);
    assert.equal(matchesQuery(marriage, '  ,;  '), true);
    assert.equal(matchesQuery(split, 'đất.'), true);
    assert.equal(matchesQuery(split, '(tách) "thửa"'), true);
  });
  it('finds a procedure from any subset of its name words, in any order, with or without diacritics (property)', () => {
    const words = birth.name.split(' ');
    fc.assert(
      fc.property(fc.shuffledSubarray(words, { minLength: 1 }), fc.boolean(), (picked, fold) => {
        const q = picked.join(' ');
        assert.equal(matchesQuery(birth, fold ? searchQueryTokens(q).join(' ') : q), true);
      }),
    );
  });
});

describe('#14 searchPlan and wordMatches', () => {
  it('rewrites synonyms, leaves out the words that name no procedure, keeps a query made only of them', () => {
    assert.deepEqual(searchPlan('Làm giấy khai sinh cho con').words, ['khai', 'sinh']);
    assert.deepEqual(searchPlan('khaisinh').words, ['khai', 'sinh']);
    assert.deepEqual(searchPlan('đăng kí kết hôn').words, ['dang', 'ky', 'ket', 'hon']);
    assert.deepEqual(searchPlan('làm cccd').words, ['can', 'cuoc']);
    assert.deepEqual(searchPlan('giấy').words, ['giay']);
    assert.deepEqual(searchPlan('nuôi con nuôi').words, ['nuoi', 'con'], '"con" alone is a word of a name');
  });
  it('accepts one letter added, left out or changed in a word of four or more', () => {
    const text = procedureSearchText(birth);
    assert.equal(wordMatches(text, 'sinh'), 'exact');
    assert.equal(wordMatches(text, 'sin'), 'exact');
    assert.equal(wordMatches(text, 'sinnh'), 'typo');
    assert.equal(wordMatches(text, 'xinh'), 'typo');
    assert.equal(wordMatches(text, 'khia'), null, 'a transposition is two edits');
    assert.equal(wordMatches(text, 'inh'), null);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        assert.equal(withinOneEdit(a, b), levenshtein(a, b) <= 1);
      }),
    );
  });
});

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}
