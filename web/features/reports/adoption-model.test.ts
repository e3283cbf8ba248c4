import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  adoptionHref,
  formOfPeriod,
  periodOfForm,
  readAdoptionQuery,
  thisMonth,
  type PeriodForm,
} from './adoption-model.ts';

// Friday 6 November 2026, 10:00 in Hà Nội.
const NOW = new Date('2026-11-06T03:00:00Z');

describe('the adoption monitor address', () => {
  it('keeps a period of real days in order and an agency code; this month otherwise', () => {
    assert.deepEqual(readAdoptionQuery('?tu=2026-10-01&den=2026-12-31&co-quan=H26.104', NOW), {
      from: '2026-10-01',
      to: '2026-12-31',
      agencyCode: 'H26.104',
    });
    for (const search of ['?tu=2026-02-30&den=2026-03-01', '?tu=2026-12-01&den=2026-11-30', '?tu=x', '']) {
      assert.deepEqual(readAdoptionQuery(search, NOW), { ...thisMonth(NOW), agencyCode: undefined }, search);
    }
    assert.deepEqual(thisMonth(NOW), { from: '2026-11-01', to: '2026-11-30' });
  });

  it('writes the period and agency back', () => {
    assert.equal(
      adoptionHref({ from: '2026-11-01', to: '2026-11-30', agencyCode: undefined }),
      '/bao-cao/su-dung-he-thong?tu=2026-11-01&den=2026-11-30',
    );
    assert.equal(
      adoptionHref({ from: '2026-11-01', to: '2026-11-30', agencyCode: 'H26.104' }),
      '/bao-cao/su-dung-he-thong?tu=2026-11-01&den=2026-11-30&co-quan=H26.104',
    );
  });
});

describe('the period picker', () => {
  const base: PeriodForm = { kind: 'month', month: '2026-11', quarter: '4', year: '2026', from: '', to: '' };

  it('names a month, a quarter, a year or two days', () => {
    assert.deepEqual(periodOfForm(base), { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(periodOfForm({ ...base, kind: 'quarter', quarter: '1', year: '2028' }), {
      from: '2028-01-01',
      to: '2028-03-31',
    });
    assert.deepEqual(periodOfForm({ ...base, kind: 'year' }), { from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(periodOfForm({ ...base, kind: 'range', from: '2026-10-15', to: '2026-11-02' }), {
      from: '2026-10-15',
      to: '2026-11-02',
    });
  });

  it('says what is wrong, field by field', () => {
    assert.deepEqual(periodOfForm({ ...base, month: '13/2026' }), {
      problems: [{ field: 'month', problem: 'month' }],
    });
    assert.deepEqual(periodOfForm({ ...base, kind: 'year', year: '26' }), {
      problems: [{ field: 'year', problem: 'year' }],
    });
    assert.deepEqual(periodOfForm({ ...base, kind: 'range', from: '31/02/2026', to: '' }), {
      problems: [
        { field: 'from', problem: 'date' },
        { field: 'to', problem: 'date' },
      ],
    });
    assert.deepEqual(periodOfForm({ ...base, kind: 'range', from: '2026-11-02', to: '2026-11-01' }), {
      problems: [{ field: 'to', problem: 'order' }],
    });
  });

  it('shows back whichever a period is', () => {
    assert.equal(formOfPeriod('2026-11-01', '2026-11-30').kind, 'month');
    assert.deepEqual(
      [formOfPeriod('2026-10-01', '2026-12-31').kind, formOfPeriod('2026-10-01', '2026-12-31').quarter],
      ['quarter', '4'],
    );
    assert.equal(formOfPeriod('2026-01-01', '2026-12-31').kind, 'year');
    assert.equal(formOfPeriod('2026-10-15', '2026-11-02').kind, 'range');
    assert.equal(formOfPeriod('2026-01-01', '2026-06-30').kind, 'range');
  });

  it('says a period in words, in both languages', () => {
    assert.equal(vi.adoption.period('2026-11-01', '2026-11-30'), 'tháng 11 năm 2026');
    assert.equal(vi.adoption.period('2026-10-01', '2026-12-31'), 'quý IV năm 2026');
    assert.equal(vi.adoption.period('2026-10-15', '2026-11-02'), 'từ ngày 15/10/2026 đến ngày 02/11/2026');
    assert.equal(en.adoption.period('2026-11-01', '2026-11-30'), 'November 2026');
    assert.equal(en.adoption.period('2026-10-01', '2026-12-31'), 'Q4 2026');
    assert.equal(en.adoption.period('2026-01-01', '2026-12-31'), '2026');
    assert.equal(en.adoption.period('2026-10-15', '2026-11-02'), '15/10/2026 to 02/11/2026');
  });
});
