// The feedback pages' two dictionaries hold the same keys, no empty word, and English no Vietnamese.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasVietnameseLetter } from '../../../common/text/vietnamese-letters.ts';
import { feedbackMessages } from './feedback-messages.ts';

function leaves(value: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, at ? `${at}.${k}` : k, out);
  } else out.set(at, value);
  return out;
}

const words = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(words)
      : typeof value === 'function'
        ? [String((value as (...a: unknown[]) => unknown)('X', 'Y'))]
        : [];

test('the feedback dictionaries hold the same keys and no empty word', () => {
  const vi = leaves(feedbackMessages('vi'), '', new Map());
  const en = leaves(feedbackMessages('en'), '', new Map());
  assert.deepEqual([...en.keys()].sort(), [...vi.keys()].sort());
  for (const [key, value] of [...vi, ...en])
    for (const w of words(value)) assert.notEqual(w.trim(), '', `${key} is empty`);
});

test('the English feedback words hold no Vietnamese', () => {
  const en = leaves(feedbackMessages('en'), '', new Map());
  const bad = [...en].flatMap(([key, value]) =>
    words(value)
      .filter((w) => hasVietnameseLetter(w))
      .map((w) => `${key}: ${w}`),
  );
  assert.deepEqual(bad, []);
});
