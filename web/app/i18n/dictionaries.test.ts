// #14: the two dictionaries hold the same keys, no empty word, and English holds no Vietnamese; no
// .tsx under web/ writes a Vietnamese string outside them (data is the server's, marked lang="vi").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { hasVietnameseLetter } from '../../../common/text/vietnamese-letters.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

/** English words that are Vietnamese proper names, with the reason each stays. */
const ENGLISH_ALLOWED: readonly { text: string; why: string }[] = [
  { text: 'Tiếng Việt', why: 'the language switch names Vietnamese in Vietnamese' },
  { text: 'Chuyển sang tiếng Việt', why: 'the switch’s hint, read to someone who wants Vietnamese' },
  { text: 'Tết', why: 'the Lunar New Year holiday, a proper name English uses as is' },
];

/**
 * Maps whose keys are not the dictionary's own: the unit types are keyed by the Vietnamese type the
 * server sends (English translates them, Vietnamese shows them as sent), and the errors by code and by
 * field are English's words for what the server already says in Vietnamese (app/errors.ts).
 */
const KEYED_BY_DATA = ['unitTypes', 'errors.byCode', 'errors.byField'];
const keyedByData = (key: string) => KEYED_BY_DATA.some((k) => key === k || key.startsWith(`${k}.`));

/** Each leaf as path → value; a function is called with sample arguments to get its words. */
function leaves(value: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  } else out.set(at, value);
  return out;
}

/** Words left empty on purpose: a dossier with no due time carries no due-state tag. */
const EMPTY_ON_PURPOSE = new Set(['dossiers.dueState.none']);

const SAMPLES = [2, 'X', 'Y', 3, 4, 5];

function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(wordsOf);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    for (const args of [SAMPLES, [{ days: 1, hours: 2, minutes: 3 }]]) {
      try {
        const out = fn(...args.slice(0, fn.length || 1));
        if (typeof out === 'string') return [out];
      } catch {
        // Another shape of argument: try the next.
      }
    }
    return [];
  }
  return [];
}

const keysOf = (dict: object) =>
  [...leaves(dict, '', new Map()).keys()].filter((k) => !keyedByData(k)).sort();

test('#14 the dictionaries hold the same keys', () => {
  const viKeys = keysOf(vi);
  const enKeys = keysOf(en);
  assert.deepEqual(
    enKeys.filter((k) => !viKeys.includes(k)),
    [],
    'keys in English only',
  );
  assert.deepEqual(
    viKeys.filter((k) => !enKeys.includes(k)),
    [],
    'keys in Vietnamese only',
  );
});

test('#14 no word is empty, and English writes no Vietnamese-only letter outside proper names', () => {
  const empty: string[] = [];
  const vietnamese: string[] = [];
  for (const [lang, dict] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    for (const [key, value] of leaves(dict, '', new Map())) {
      for (const word of wordsOf(value)) {
        if (word.trim() === '' && !EMPTY_ON_PURPOSE.has(key)) empty.push(`${lang}: ${key}`);
        if (lang !== 'en' || key.startsWith('unitTypes.') || key === 'lang') continue;
        let rest = word;
        for (const allowed of ENGLISH_ALLOWED) rest = rest.split(allowed.text).join('');
        if (hasVietnameseLetter(rest)) vietnamese.push(`${key}: ${word}`);
      }
    }
  }
  assert.deepEqual(empty, [], 'empty words');
  assert.deepEqual(vietnamese, [], 'Vietnamese in the English dictionary');
});

test('#14 the walk would notice a missing key or a Vietnamese word', () => {
  const broken = { ...en, nav: { ...en.nav, home: 'Trang chủ' } };
  assert.ok(wordsOf(broken.nav.home).some(hasVietnameseLetter));
  const { appName: _dropped, ...missing } = en;
  assert.notDeepEqual(keysOf(missing), keysOf(vi));
});

/** Literal Vietnamese that a .tsx may write, with the reason. */
const TSX_ALLOWED: readonly { text: string; why: string }[] = [];

const WEB = path.resolve(import.meta.dirname, '..', '..');

/** The string literals, template texts and JSX texts of a source, comments removed. */
function literalsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g))
    found.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of code.matchAll(/>([^<>{}]+)</g)) found.push(m[1]!);
  return found;
}

test('#14 no .tsx under web/ writes a Vietnamese string outside the dictionaries', () => {
  const offending: string[] = [];
  for (const file of fs.globSync('**/*.tsx', { cwd: WEB })) {
    if (file.startsWith('dist') || file.includes('node_modules')) continue;
    for (const text of literalsOf(fs.readFileSync(path.join(WEB, file), 'utf8'))) {
      if (!hasVietnameseLetter(text)) continue;
      if (TSX_ALLOWED.some((a) => text.includes(a.text))) continue;
      offending.push(`web/${file}: ${text.trim().slice(0, 80)}`);
    }
  }
  assert.deepEqual(offending, [], 'Vietnamese written in a component: move it to vi.ts and en.ts');
});

test('#14 the source check finds a Vietnamese literal and a Vietnamese JSX text', () => {
  assert.deepEqual(literalsOf(`const a = 'Hồ sơ'; // Ghi chú\n<p>Trạng thái</p>`), ['Hồ sơ', 'Trạng thái']);
});

test('the English dictionary imports nothing at run time: its chunk would wait on the first chunk', () => {
  // i18n.tsx loads en.ts with import() while the app's first chunk starts; a value en.ts imported
  // from a module of that chunk made the English app wait on itself and never render.
  const source = fs.readFileSync(path.join(import.meta.dirname, 'en.ts'), 'utf8');
  const imports = source.split('\n').filter((line) => /^import\s/.test(line));
  assert.deepEqual(
    imports.filter((line) => !line.startsWith('import type ')),
    [],
  );
});
