// The words of the adoption monitor's file: the verdicts and where an agency's explanation stands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplanationView } from '../../../common/contracts/report-adoption.ts';
import { ADOPTION_VERDICTS } from '../../../common/reports/adoption.ts';
import { explanationText, VERDICT_TEXT } from './adoption-export.ts';

const agency = { code: 'H26.104', name: 'Ủy ban nhân dân Phường Hoàn Kiếm', unitName: 'Phường Hoàn Kiếm' };

const request = (over: Partial<ExplanationView>): ExplanationView => ({
  id: '1',
  agency,
  from: '2026-10-01',
  to: '2026-10-31',
  periodLabel: 'Tháng 10 năm 2026',
  dueOn: '2026-11-20',
  message: 'Đề nghị giải trình',
  requestedBy: 'Trịnh Xuân Bách',
  requestedAt: '2026-11-06T03:00:00.000Z',
  answer: null,
  state: 'awaiting',
  answeredLate: false,
  canAnswer: false,
  ...over,
});

test('every verdict has its Vietnamese words', () => {
  assert.deepEqual(
    ADOPTION_VERDICTS.map((v) => VERDICT_TEXT[v]),
    ['Đang sử dụng', 'Chưa sử dụng hệ thống', 'Không phát sinh (đã giải trình lý do)'],
  );
});

test('the explanation: none asked, the latest request’s state and due day, a reason for a zero', () => {
  assert.equal(explanationText({ zeroReason: null, explanations: [] }), 'Chưa yêu cầu');
  assert.equal(
    explanationText({ zeroReason: null, explanations: [request({ state: 'answered' }), request({})] }),
    'Chờ trả lời, hạn 20/11/2026',
  );
  assert.equal(
    explanationText({ zeroReason: null, explanations: [request({ state: 'late' })] }),
    'Quá hạn trả lời, hạn 20/11/2026',
  );
  const late = request({
    state: 'answered',
    answeredLate: true,
    answer: { text: 'Chưa được tập huấn', by: 'Vũ Thị Hồng Nhung', at: '2026-11-21T02:00:00.000Z' },
  });
  assert.equal(
    explanationText({ zeroReason: null, explanations: [late] }),
    'Đã trả lời, hạn 20/11/2026 (trả lời sau hạn)',
  );
  const zeroReason = {
    agency,
    from: '2026-10-01',
    to: '2026-12-31',
    reason: 'Không phát sinh hồ sơ',
    recordedBy: 'Trịnh Xuân Bách',
    recordedAt: '2026-11-06T03:00:00.000Z',
  };
  assert.equal(
    explanationText({ zeroReason, explanations: [] }),
    'Lý do không phát sinh: Không phát sinh hồ sơ; Chưa yêu cầu',
  );
});
