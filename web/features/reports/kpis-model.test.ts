import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultPeriod,
  isReportList,
  isReportPage,
  parsePercent,
  percentText,
  readReportAddress,
  reportFileHref,
  reportHref,
} from './kpis-model.ts';

test('the address: a period both ends of which are real, else this month; an agency code or none', () => {
  assert.deepEqual(defaultPeriod('2026-11-25'), { from: '2026-11-01', to: '2026-11-25' });
  assert.deepEqual(readReportAddress('?tu=2026-10-01&den=2026-10-31&co-quan=H26.104', '2026-11-25'), {
    from: '2026-10-01',
    to: '2026-10-31',
    agencyCode: 'H26.104',
  });
  assert.deepEqual(readReportAddress('?tu=2026-10-31&den=2026-10-01&co-quan=x', '2026-11-25'), {
    from: '2026-11-01',
    to: '2026-11-25',
    agencyCode: undefined,
  });
  assert.equal(
    reportHref('/bao-cao/chi-tieu', { from: '2026-10-01', to: '2026-10-31', agencyCode: undefined }),
    '/bao-cao/chi-tieu?tu=2026-10-01&den=2026-10-31',
  );
});

test('only the reports own lists and pages are followed', () => {
  assert.ok(isReportList('/api/v1/reports/kpis/dossiers?from=2026-11-01&to=2026-11-30&figure=synced'));
  assert.ok(
    isReportList('/api/v1/reports/ii06a/dossiers?from=2026-11-01&to=2026-11-30&cell=received.online'),
  );
  assert.ok(!isReportList('/api/v1/staff?x=1'));
  assert.ok(!isReportList('https://example.com/api/v1/reports/kpis/dossiers?x'));
  assert.ok(!isReportList(null));
  assert.ok(isReportPage('/bao-cao/chi-tieu?tu=2026-11-01'));
  assert.ok(!isReportPage('//evil.example/bao-cao'));
});

test('targets typed as percentages', () => {
  assert.equal(parsePercent('95'), 0.95);
  assert.equal(parsePercent(' 95,5 '), 0.955);
  assert.equal(parsePercent('100'), 1);
  assert.equal(parsePercent('101'), null);
  assert.equal(parsePercent('-1'), null);
  assert.equal(parsePercent('abc'), null);
  assert.equal(percentText(0.955), '95.5');
  assert.equal(percentText(1), '100');
});

test('a report as a file: the address the page reads, with the format', () => {
  const november = { from: '2026-11-01', to: '2026-11-30', agencyCode: 'H26.104' };
  assert.equal(
    reportFileHref('/api/v1/reports/kpis', november, 'xlsx'),
    '/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30&agencyCode=H26.104&format=xlsx',
  );
  assert.equal(
    reportFileHref('/api/v1/reports/adoption', { ...november, agencyCode: undefined }, 'pdf'),
    '/api/v1/reports/adoption?from=2026-11-01&to=2026-11-30&format=pdf',
  );
});
