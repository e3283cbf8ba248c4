import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { periodLabel } from '../../../common/reports/ii06a.ts';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  checkRange,
  currentQuarter,
  drillHref,
  drillPageHref,
  exportHref,
  ii06aHref,
  periodDays,
  periodPick,
  pickerYears,
  readDrillAddress,
  readIi06aAddress,
  type Ii06aChoices,
} from './ii06a-model.ts';

// Monday 7 December 2026, 11:15 in Vietnam.
const NOW = new Date('2026-12-07T04:15:00Z');

const Q4: Ii06aChoices = {
  from: '2026-10-01',
  to: '2026-12-31',
  agencyCode: undefined,
  groupBy: 'agency',
  map: 'today',
  late: 'time',
  withdrawn: 'on-time',
};

describe('the report’s address', () => {
  it('is the current quarter with the default choices when it says nothing', () => {
    assert.deepEqual(readIi06aAddress('', NOW), Q4);
    // 31 December 20:00 UTC is already 1 January in Vietnam.
    assert.deepEqual(currentQuarter(new Date('2026-12-31T18:00:00Z')), {
      from: '2027-01-01',
      to: '2027-03-31',
    });
  });

  it('writes only what differs from the defaults, and reads it back', () => {
    assert.equal(ii06aHref(Q4), '/bao-cao/ii06a?tu=2026-10-01&den=2026-12-31');
    const all: Ii06aChoices = {
      from: '2026-07-01',
      to: '2026-12-31',
      agencyCode: '000.12.22.H26',
      groupBy: 'level',
      map: 'then',
      late: 'day',
      withdrawn: 'excluded',
    };
    const href = ii06aHref(all);
    assert.equal(
      href,
      '/bao-cao/ii06a?tu=2026-07-01&den=2026-12-31&co-quan=000.12.22.H26&nhom=cap&ban-do=khi-tiep-nhan&qua-han=theo-ngay&rut=khong-tinh',
    );
    assert.deepEqual(readIi06aAddress(href.split('?')[1]!, NOW), all);
  });

  it('drops what is not a period, an agency code or a known choice', () => {
    assert.deepEqual(readIi06aAddress('?tu=2026-02-30&den=2026-03-31&co-quan=x y&nhom=abc&rut=?', NOW), Q4);
    assert.deepEqual(readIi06aAddress('?tu=2026-12-31&den=2026-10-01', NOW), Q4, 'from after to');
  });

  it('downloads the same report as .xlsx or PDF', () => {
    assert.equal(
      exportHref({ ...Q4, agencyCode: 'H26.104' }, 'xlsx'),
      '/api/v1/reports/ii06a?from=2026-10-01&to=2026-12-31&agencyCode=H26.104&groupBy=agency&map=today&late=time&withdrawn=on-time&format=xlsx',
    );
    assert.match(exportHref(Q4, 'pdf'), /&format=pdf$/);
  });
});

describe('the drill-down’s address', () => {
  const drill =
    '/api/v1/reports/ii06a/dossiers?from=2026-10-01&to=2026-12-31&map=today&groupBy=field&late=day&withdrawn=on-time&key=H%E1%BB%99%20t%E1%BB%8Bch%20%26%20x';

  it('carries the row’s period, grouping, rules and key from the server’s drill URL, and the column', () => {
    const href = drillHref(drill, 'resolved.late');
    assert.equal(
      href,
      '/bao-cao/ii06a/ho-so?tu=2026-10-01&den=2026-12-31&nhom=linh-vuc&qua-han=theo-ngay&dong=H%E1%BB%99+t%E1%BB%8Bch+%26+x&cot=10',
    );
    assert.deepEqual(readDrillAddress(href.split('?')[1]!), {
      report: { ...Q4, groupBy: 'field', late: 'day' },
      key: 'Hộ tịch & x',
      cell: 'resolved.late',
      page: 1,
    });
  });

  it('the total row has no key; another page keeps the rest', () => {
    const total = drillHref(
      '/api/v1/reports/ii06a/dossiers?from=2026-10-01&to=2026-12-31',
      'inProgress.overdue',
    );
    const d = readDrillAddress(total.split('?')[1]!)!;
    assert.equal(d.key, undefined);
    assert.equal(d.cell, 'inProgress.overdue');
    assert.equal(drillPageHref(d, 3), '/bao-cao/ii06a/ho-so?tu=2026-10-01&den=2026-12-31&cot=13&trang=3');
    assert.equal(readDrillAddress('?tu=2026-10-01&den=2026-12-31&cot=13&trang=3')!.page, 3);
  });

  it('is refused without a period or a column of the form (3–13)', () => {
    assert.equal(readDrillAddress('?cot=10'), null);
    assert.equal(readDrillAddress('?tu=2026-10-01&den=2026-12-31&cot=2'), null);
    assert.equal(readDrillAddress('?tu=2026-10-01&den=2026-12-31&cot=x'), null);
    assert.equal(readDrillAddress('?tu=2026-10-01&den=2026-12-31&cot=5&trang=-1')!.page, 1);
  });
});

describe('the period picker', () => {
  it('names the period it is, or a range of days', () => {
    assert.deepEqual(periodPick('2026-10-01', '2026-12-31'), {
      kind: 'quarter',
      year: 2026,
      index: 4,
      from: '2026-10-01',
      to: '2026-12-31',
    });
    assert.equal(periodPick('2026-02-01', '2026-02-28').kind, 'month');
    assert.equal(periodPick('2026-07-01', '2026-12-31').kind, 'half');
    assert.equal(periodPick('2026-01-01', '2026-12-31').kind, 'year');
    assert.equal(periodPick('2026-10-05', '2026-12-31').kind, 'range');
  });

  it('gives the days of a named period (a leap February included) and keeps a range’s own', () => {
    assert.deepEqual(periodDays({ kind: 'month', year: 2028, index: 2, from: '', to: '' }), {
      from: '2028-02-01',
      to: '2028-02-29',
    });
    assert.deepEqual(periodDays({ kind: 'half', year: 2026, index: 2, from: '', to: '' }), {
      from: '2026-07-01',
      to: '2026-12-31',
    });
    assert.deepEqual(
      periodDays({ kind: 'range', year: 2026, index: 1, from: '2026-10-05', to: '2026-11-05' }),
      {
        from: '2026-10-05',
        to: '2026-11-05',
      },
    );
  });

  it('checks typed days as the server would', () => {
    assert.deepEqual(checkRange('2026-10-01', '2026-12-31'), []);
    assert.deepEqual(checkRange('31/02/2026', ''), ['from', 'to']);
    assert.deepEqual(checkRange('2026-12-31', '2026-10-01'), ['order']);
    assert.deepEqual(checkRange('2016-01-01', '2026-01-10'), ['length']);
  });

  it('offers this year back to 2015', () => {
    const years = pickerYears(NOW);
    assert.equal(years[0], 2026);
    assert.equal(years.at(-1), 2015);
  });
});

describe("the period in the form's title", () => {
  const cases: [string, string, string][] = [
    ['2026-11-01', '2026-11-30', 'November 2026'],
    ['2026-10-01', '2026-12-31', 'Q4 2026'],
    ['2026-01-01', '2026-06-30', 'First half of 2026'],
    ['2026-07-01', '2026-12-31', 'Second half of 2026'],
    ['2026-01-01', '2026-12-31', 'Year 2026'],
    ['2026-01-01', '2026-03-30', '1 Jan 2026 – 30 Mar 2026'],
    ['2026-02-01', '2026-04-30', '1 Feb 2026 – 30 Apr 2026'],
    ['2025-12-15', '2026-01-10', '15 Dec 2025 – 10 Jan 2026'],
  ];
  it("is the server's words in Vietnamese and English words in English", () => {
    for (const [from, to, english] of cases) {
      assert.equal(vi.ii06a.periodLabel(from, to), periodLabel(from, to));
      assert.equal(en.ii06a.periodLabel(from, to), english, `${from} – ${to}`);
    }
    assert.equal(vi.ii06a.periodLabel('2026-10-01', '2026-12-31'), 'Quý IV năm 2026');
  });
});
