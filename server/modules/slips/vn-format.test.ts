import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SlipError } from './slips.errors.ts';
import {
  civilDateWords,
  civilShortDate,
  dateLine,
  formatVnd,
  parseInstant,
  upper,
  vnCivilDate,
  vnDateTimeWords,
  vnParts,
  vnShortDateTime,
} from './vn-format.ts';

describe('Vietnamese dates and times', () => {
  it('writes the date line with the leading zeros of Decree 30/2020 (days < 10, months 1 and 2)', () => {
    assert.equal(dateLine('Hà Nội', '2026-11-21T09:15:00+07:00'), 'Hà Nội, ngày 21 tháng 11 năm 2026');
    assert.equal(dateLine('Huế', '2026-02-05T09:00:00+07:00'), 'Huế, ngày 05 tháng 02 năm 2026');
    assert.equal(dateLine('Huế', '2026-03-09T09:00:00+07:00'), 'Huế, ngày 09 tháng 3 năm 2026');
    assert.equal(civilDateWords('2025-01-01'), 'ngày 01 tháng 01 năm 2025');
  });

  it('reads instants in UTC+7 whatever offset they carry and whatever the host zone', () => {
    assert.equal(vnDateTimeWords('2026-11-20T17:30:00Z'), '00 giờ 30 phút, ngày 21 tháng 11 năm 2026');
    assert.equal(vnDateTimeWords('2026-11-21T10:15:00+08:00'), '09 giờ 15 phút, ngày 21 tháng 11 năm 2026');
    assert.equal(vnShortDateTime('2026-11-21T02:15:00.000Z'), '09:15 21/11/2026');
    assert.equal(vnCivilDate('2025-06-30T17:00:00Z'), '2025-07-01');
    assert.equal(vnCivilDate('2025-06-30T16:59:59Z'), '2025-06-30');
    assert.equal(civilShortDate('2026-11-01'), '01/11/2026');
  });

  it('agrees with the time-zone database for Asia/Ho_Chi_Minh since 1976 (property)', () => {
    const tz = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    const from = Date.UTC(1976, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from / 60_000, max: to / 60_000 }), (minute) => {
        const iso = new Date(minute * 60_000).toISOString();
        const parts = Object.fromEntries(tz.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
        assert.deepEqual(vnParts(iso), {
          year: Number(parts.year),
          month: Number(parts.month),
          day: Number(parts.day),
          hour: Number(parts.hour),
          minute: Number(parts.minute),
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses instants without a zone and impossible dates', () => {
    for (const bad of [
      '2026-11-21',
      '2026-11-21T09:15',
      '2026-11-21 09:15:00+07:00',
      'hôm nay',
      '2026-13-01T00:00Z',
    ]) {
      assert.throws(() => parseInstant(bad), SlipError, bad);
    }
    assert.throws(() => civilDateWords('21/11/2026'), SlipError);
  });
});

describe('amounts and capitals', () => {
  it('writes đồng with dot thousands and "Miễn phí" for zero', () => {
    assert.equal(formatVnd(0), 'Miễn phí');
    assert.equal(formatVnd(8000), '8.000 đồng');
    assert.equal(formatVnd(1250000), '1.250.000 đồng');
    assert.equal(formatVnd(500), '500 đồng');
    assert.throws(() => formatVnd(-1), SlipError);
    assert.throws(() => formatVnd(1.5), SlipError);
  });

  it('upper-cases Vietnamese letters', () => {
    assert.equal(upper('Ủy ban nhân dân phường Đống Đa'), 'ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA');
    assert.equal(upper('ự ẫ ế ơ ư đ'), 'Ự Ẫ Ế Ơ Ư Đ');
  });
});
