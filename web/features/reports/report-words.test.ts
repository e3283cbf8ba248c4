import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GROUP_766_KEYS,
  indicatorShares,
  NO_DATA_REASONS,
  NO_SOURCE_REASONS,
  UNKNOWN_INDICATOR_REASON,
} from '../../../common/reports/index-766.ts';
import {
  KPI_EMPTY_REASONS,
  KPI_KEYS,
  levelUnknownReason,
  NO_CATALOGUE_HISTORY,
  zeroCounts,
  zeroProcedures,
} from '../../../common/reports/kpis.ts';
import { hasVietnameseLetter } from '../../../common/text/vietnamese-letters.ts';
import {
  GROUP_766_EN,
  groupName,
  INDICATOR_766_EN,
  indicatorName,
  indicatorReason,
  KPI_EMPTY_EN,
  kpiReason,
  NO_DATA_EN,
  NO_SOURCE_EN,
} from './report-words.ts';

const keys = (o: object) => Object.keys(o).sort();

describe('#14 the reports’ names and reasons in English', () => {
  it('word every group, every indicator with or without a source, and every reason the server gives', () => {
    assert.deepEqual(keys(GROUP_766_EN), [...GROUP_766_KEYS].sort());
    const indicators = [
      ...Object.keys(indicatorShares(zeroCounts(), zeroProcedures())),
      ...Object.keys(NO_SOURCE_REASONS),
    ];
    assert.deepEqual(keys(INDICATOR_766_EN), [...new Set(indicators)].sort());
    assert.deepEqual(keys(NO_SOURCE_EN), keys(NO_SOURCE_REASONS));
    assert.deepEqual(keys(NO_DATA_EN), keys(NO_DATA_REASONS));
    assert.deepEqual(keys(KPI_EMPTY_EN), keys(KPI_EMPTY_REASONS));
    const english = [GROUP_766_EN, INDICATOR_766_EN, NO_SOURCE_EN, NO_DATA_EN, KPI_EMPTY_EN].flatMap((d) =>
      Object.values(d),
    );
    assert.deepEqual(
      english.filter((w) => hasVietnameseLetter(w)),
      [],
    );
  });

  it('show the server’s words in Vietnamese, as they are', () => {
    assert.equal(
      groupName('vi', { key: 'online', name: 'Dịch vụ công trực tuyến' }),
      'Dịch vụ công trực tuyến',
    );
    assert.deepEqual(indicatorName('vi', { key: 'DOSSIER_SYNC', name: 'Hồ sơ đồng bộ' }), {
      text: 'Hồ sơ đồng bộ',
      vi: false,
    });
    const reason = NO_SOURCE_REASONS.PUBLISH_ON_TIME!;
    assert.deepEqual(indicatorReason('vi', { key: 'PUBLISH_ON_TIME', reason }), { text: reason, vi: false });
    assert.deepEqual(kpiReason('vi', 'sync', { reason: KPI_EMPTY_REASONS.sync, levelUnknown: null }), {
      text: KPI_EMPTY_REASONS.sync,
      vi: false,
    });
  });

  it('translate by key in English what the server says for that key', () => {
    assert.equal(
      groupName('en', { key: 'online', name: 'Dịch vụ công trực tuyến' }),
      'Online public services',
    );
    assert.deepEqual(indicatorName('en', { key: 'DOSSIER_SYNC', name: 'Hồ sơ đồng bộ' }), {
      text: INDICATOR_766_EN.DOSSIER_SYNC,
      vi: false,
    });
    for (const [key, reason] of Object.entries(NO_SOURCE_REASONS))
      assert.equal(indicatorReason('en', { key, reason })?.text, NO_SOURCE_EN[key]);
    for (const [key, reason] of Object.entries(NO_DATA_REASONS))
      assert.equal(indicatorReason('en', { key, reason })?.text, NO_DATA_EN[key]);
    assert.equal(indicatorReason('en', { key: 'X', reason: null }), null);
    assert.match(
      indicatorReason('en', { key: 'NEW', reason: UNKNOWN_INDICATOR_REASON })!.text,
      /no data source/,
    );
    for (const kpi of KPI_KEYS) {
      assert.equal(
        kpiReason('en', kpi, { reason: KPI_EMPTY_REASONS[kpi], levelUnknown: null })?.text,
        KPI_EMPTY_EN[kpi],
      );
    }
    assert.match(
      kpiReason('en', 'onlineProcedures', { reason: NO_CATALOGUE_HISTORY, levelUnknown: null })!.text,
      /no monthly history/,
    );
    assert.deepEqual(
      kpiReason('en', 'onlineProcedures', { reason: levelUnknownReason(19), levelUnknown: 19 }),
      {
        text: '19 procedures have no known online level (the source does not say) and count as not offered online.',
        vi: false,
      },
    );
  });

  it('mark in English what it does not know (a new indicator, a reason reworded) as Vietnamese', () => {
    assert.deepEqual(indicatorName('en', { key: 'NEW_ONE', name: 'Chỉ tiêu mới' }), {
      text: 'Chỉ tiêu mới',
      vi: true,
    });
    assert.deepEqual(indicatorReason('en', { key: 'PUBLISH_ON_TIME', reason: 'Lý do khác.' }), {
      text: 'Lý do khác.',
      vi: true,
    });
    // The number said in the reason is the number given beside it, or the reason is shown as sent.
    assert.equal(
      kpiReason('en', 'onlineProcedures', { reason: levelUnknownReason(19), levelUnknown: 18 })!.vi,
      true,
    );
  });
});
