import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agencyKindOf, feesFor, slugOf, timeLimitFor, type Fee, type Procedure } from './procedure.ts';

function procedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    code: '1.010824',
    name: 'Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần',
    field: { code: null, name: 'Người có công' },
    ministry: null,
    decisionNumber: null,
    procedureType: null,
    levels: ['province'],
    applicants: [],
    competentAuthority: null,
    implementingAgency: 'Sở Nội vụ',
    competentAgency: { kind: null, text: 'Sở Nội vụ' },
    channels: ['direct', 'postal'],
    timeLimits: { direct: null, online: null, postal: null },
    timeLimitGaps: [],
    fees: [],
    feePolicy: null,
    cases: [],
    components: [],
    results: [],
    onlineLevel: 'none',
    onlineNote: null,
    legalBases: [],
    notes: [],
    provenance: {
      sourceId: null,
      repo: null,
      path: null,
      commit: null,
      portalUrl: null,
      accessDate: null,
      levelAsPublishedOn: null,
      levelSource: null,
    },
    ...overrides,
  };
}

const fee = (channel: Fee['channel'], amountVnd: number): Fee => ({
  channel,
  amountVnd,
  per: null,
  text: `${amountVnd}`,
  amountOther: null,
  note: null,
});

describe('agencyKindOf', () => {
  const cases: [string | null, ReturnType<typeof agencyKindOf>][] = [
    ['Ủy ban nhân dân cấp xã', 'people-committee'],
    ['Ủy ban Nhân dân xã, phường, thị trấn', 'people-committee'],
    ['Ủy ban nhân dân cấp xã (Cơ quan đăng ký kinh doanh cấp xã)', 'people-committee'],
    ['Công an cấp Xã', 'police'],
    ['Công an cấp Xã, Cục cảnh sát giao thông, Công an tỉnh', 'police'],
    ['Cục cảnh sát quản lý hành chính về trật tự, xã hội', 'police'],
    ['Cục quản lý xuất nhập cảnh', 'police'],
    ['Sở Tư pháp', 'justice'],
    ['Sở Tài chính các tỉnh, thành phố', 'finance-planning'],
    ['Chi nhánh Văn phòng đăng ký đất đai, Văn phòng đăng ký đất đai', 'natural-resources'],
    ['Sở Nông nghiệp và Môi trường', 'natural-resources'],
    ['Phòng Lao động - Thương binh và Xã hội', 'labour'],
    ['Phòng Quản lý đô thị', 'urban-management'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'urban-management'],
    ['Trung tâm Phục vụ hành chính công tỉnh', 'public-administration-centre'],
    // Kinds the system does not have, or agencies of different kinds: null, never a guess.
    ['Sở Xây dựng', null],
    ['Sở Nội vụ', null],
    ['Bảo hiểm xã hội tỉnh', null],
    ['Thuế cơ sở', null],
    ['Ban Quản lý các Khu công nghiệp, Sở Xây dựng', null],
    ['Tổ chức hành nghề công chứng, Cơ quan đại diện có thẩm quyền', null],
    ['Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai, Chủ tịch Ủy ban nhân dân xã', null],
    [null, null],
  ];
  for (const [text, kind] of cases) {
    it(`${text ?? 'null'} → ${kind ?? 'null'}`, () => {
      assert.equal(agencyKindOf(text), kind);
    });
  }
});

describe('slugOf', () => {
  it('folds a Vietnamese name into a dash-separated key', () => {
    assert.equal(
      slugOf('Trợ cấp tuất hằng tháng, tuất nuôi dưỡng hằng tháng'),
      'tro-cap-tuat-hang-thang-tuat-nuoi-duong-hang-thang',
    );
    assert.equal(slugOf('Đăng ký (lần đầu)'), 'dang-ky-lan-dau');
  });
});

describe('timeLimitFor and feesFor', () => {
  const limit = (value: number) => ({
    value,
    unit: 'calendar-day' as const,
    text: `${value} DAY`,
    note: null,
  });
  const p = procedure({
    timeLimits: { direct: limit(30), online: null, postal: null },
    fees: [fee(null, 100), fee('direct', 200), fee('postal', 300)],
    cases: [
      {
        key: 'mot-lan',
        name: 'Một lần',
        timeLimits: { direct: limit(19), online: null, postal: limit(19) },
        timeLimitGaps: [],
        fees: [],
      },
      {
        key: 'hang-thang',
        name: 'Hằng tháng',
        timeLimits: { direct: null, online: null, postal: limit(24) },
        timeLimitGaps: [],
        fees: [fee('postal', 5)],
      },
    ],
  });

  it('prefers the case limit and falls back to the procedure limit', () => {
    assert.equal(timeLimitFor(p, 'direct')?.value, 30);
    assert.equal(timeLimitFor(p, 'direct', 'mot-lan')?.value, 19);
    assert.equal(timeLimitFor(p, 'direct', 'hang-thang')?.value, 30);
    assert.equal(timeLimitFor(p, 'postal', 'hang-thang')?.value, 24);
    assert.equal(timeLimitFor(p, 'online'), null);
    assert.equal(timeLimitFor(p, 'direct', 'no-such-case')?.value, 30);
  });

  it('gives channel-less fee items on every channel, and case fees when the case has some', () => {
    assert.deepEqual(
      feesFor(p, 'direct').map((f) => f.amountVnd),
      [100, 200],
    );
    assert.deepEqual(
      feesFor(p, 'online').map((f) => f.amountVnd),
      [100],
    );
    assert.deepEqual(
      feesFor(p, 'postal', 'hang-thang').map((f) => f.amountVnd),
      [5],
    );
    assert.deepEqual(
      feesFor(p, 'direct', 'hang-thang').map((f) => f.amountVnd),
      [100, 200],
    );
  });
});
