import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vi } from '../../app/i18n/vi.ts';
import { agencyOptions, formatsFor, isEmpty, overviewHref, readOverviewQuery } from './overview-model.ts';
import type { OverviewFigures } from './reports-api.ts';

describe('the overview address', () => {
  it('keeps a well-formed month and agency code, drops anything else', () => {
    assert.deepEqual(readOverviewQuery('?thang=2026-11&co-quan=000.12.22.H26'), {
      month: '2026-11',
      agencyCode: '000.12.22.H26',
    });
    assert.deepEqual(readOverviewQuery('?thang=2026-13&co-quan=x'), {
      month: undefined,
      agencyCode: undefined,
    });
  });

  it('writes the month and agency back', () => {
    assert.equal(overviewHref({ month: '2026-11', agencyCode: undefined }), '/bao-cao?thang=2026-11');
    assert.equal(
      overviewHref({ month: '2026-11', agencyCode: '000.12.22.H26' }),
      '/bao-cao?thang=2026-11&co-quan=000.12.22.H26',
    );
  });
});

describe('agencyOptions', () => {
  const roles = [
    { role: 'leader' as const, agencyCode: 'A', agencyName: 'Phường A' },
    { role: 'auditor' as const, agencyCode: 'A', agencyName: 'Phường A' },
    { role: 'desk-officer' as const, agencyCode: 'B', agencyName: 'Phường B' },
  ];

  it('lists each agency the user oversees once, not those where she only works', () => {
    assert.deepEqual(agencyOptions(roles, undefined, undefined), [{ code: 'A', name: 'Phường A' }]);
  });

  it('adds the agency asked for when the overview is of it alone', () => {
    const data = { scope: [{ code: 'C', name: 'Phường C' }] } as never;
    assert.deepEqual(agencyOptions(roles, data, 'C'), [
      { code: 'A', name: 'Phường A' },
      { code: 'C', name: 'Phường C' },
    ]);
    assert.equal(agencyOptions(roles, data, undefined).length, 1);
  });
});

describe('figures', () => {
  const figures = {
    inPeriod: 0,
    dueSoon: 0,
    overdue: 0,
    finished: { total: 0 },
    satisfiedRate: 0.75,
    satisfaction: { verySatisfied: 1, satisfied: 2, unsatisfied: 1 },
  } as unknown as OverviewFigures;

  it('is empty when nothing came in, finished or is due', () => {
    assert.equal(isEmpty(figures), true);
    assert.equal(isEmpty({ ...figures, overdue: 1 }), false);
  });

  it('says a rate with what it is out of, or that there is none', () => {
    const f = formatsFor(vi);
    assert.equal(f.rate(null), vi.reports.noRate);
    assert.match(f.satisfied(figures), /75.*4/);
    assert.equal(f.satisfied({ ...figures, satisfiedRate: null }), vi.reports.noRate);
    assert.equal(f.n(1234), '1.234');
  });
});
