import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  formatDateText,
  formatDateTimeText,
  formatMonthText,
  isIsoValue,
  parseDateText,
  parseDateTimeText,
  parseMonthText,
  parseTimeText,
} from './date-text.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('#14 dates: dd/mm/yyyy is read day first, whatever the browser', () => {
  assert.equal(parseDateText('01/12/2026'), '2026-12-01');
  assert.equal(parseDateText(' 1/12/2026 '), '2026-12-01');
  assert.equal(parseDateText('01-12-2026'), '2026-12-01');
  assert.equal(parseDateText('01.12.2026'), '2026-12-01');
  assert.equal(parseDateText('01122026'), '2026-12-01');
  // pasted ISO: the year first leaves no doubt
  assert.equal(parseDateText('2026-12-01'), '2026-12-01');
  assert.equal(parseDateText('2026-02-31'), null);
  assert.equal(formatDateText('2026-12-01'), '01/12/2026');
});

test('#14 dates: days that do not exist and text that is not a date are refused', () => {
  for (const text of [
    '31/02/2026',
    '29/02/2026',
    '31/04/2026',
    '00/01/2026',
    '01/13/2026',
    '32/01/2026',
    '',
    '2026-1-01',
    '12/2026',
    'hôm nay',
    '1/1/26',
  ])
    assert.equal(parseDateText(text), null, text);
  assert.equal(parseDateText('29/02/2028'), '2028-02-29');
  assert.equal(formatDateText('2026-02-31'), '');
  assert.equal(formatDateText('không phải ngày'), '');
});

test('#14 dates: formatting then reading gives back the same ISO date (property)', () => {
  fc.assert(
    fc.property(isoDate, (iso) => {
      const shown = formatDateText(iso);
      assert.match(shown, /^\d{2}\/\d{2}\/\d{4}$/);
      assert.equal(parseDateText(shown), iso);
      assert.ok(isIsoValue(iso, false));
    }),
  );
});

test('#14 dates: any day/month/year read is a real day, and is shown back as typed (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 14 }),
      fc.integer({ min: 1000, max: 9999 }),
      (d, m, y) => {
        const typed = `${pad(d)}/${pad(m)}/${y}`;
        const iso = parseDateText(typed);
        const real = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && real.getUTCDate() === d && real.getUTCMonth() === m - 1;
        assert.equal(iso !== null, exists, typed);
        if (iso) assert.equal(formatDateText(iso), typed);
      },
    ),
  );
});

test('#14 dates: 24-hour times, and date with time round-trip (property)', () => {
  assert.equal(parseTimeText('8:05'), '08:05');
  assert.equal(parseTimeText('14h30'), '14:30');
  assert.equal(parseTimeText('24:00'), null);
  assert.equal(parseTimeText('12:60'), null);
  assert.equal(parseDateTimeText('01/12/2026 14:30'), '2026-12-01T14:30');
  assert.equal(parseDateTimeText('01/12/2026'), null);
  assert.equal(parseDateTimeText('31/02/2026 14:30'), null);
  fc.assert(
    fc.property(isoDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (iso, h, m) => {
      const local = `${iso}T${pad(h)}:${pad(m)}`;
      const shown = formatDateTimeText(local);
      assert.equal(parseDateTimeText(shown), local);
      assert.ok(isIsoValue(local, true));
    }),
  );
});

test('#14 months: mm/yyyy is read month first (the reports), and shown so', () => {
  assert.equal(parseMonthText('11/2026'), '2026-11');
  assert.equal(parseMonthText(' 1/2026 '), '2026-01');
  assert.equal(parseMonthText('01-2026'), '2026-01');
  assert.equal(parseMonthText('2026-11'), '2026-11');
  for (const bad of ['13/2026', '0/2026', '2026/11', '11/26', '', 'tháng 11'])
    assert.equal(parseMonthText(bad), null, bad);
  assert.equal(formatMonthText('2026-11'), '11/2026');
  assert.equal(formatMonthText('2026-13'), '');
  fc.assert(
    fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const iso = `${y}-${pad(m)}`;
      assert.equal(parseMonthText(formatMonthText(iso)), iso);
    }),
  );
});
