// The adapter's formats, without a database: dates, E1 records (checked by the simulator's own reading
// of the format, an independent implementation), E2 mapping, status-message parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOSSIER_STATUS_KEYS, DOSSIER_STATUSES } from '../../../common/dossiers/index.ts';
import { e1Problems } from '../../../simulator/simulator.ts';
import { inboundSeed } from '../../../simulator/inbound-seed.ts';
import {
  formatPortalDate,
  fromE2,
  parsePortalDate,
  parseStatusMessage,
  toE1Record,
  type E1Context,
  type StatusMessage,
} from './portal-adapter.ts';
import { HUONG_APPLICANT, RECEIVED_TIMELINE } from './test-kit.ts';

const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
console.log(`portal adapter properties: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

function context(over: Partial<E1Context['dossier']> = {}): E1Context {
  return {
    dossier: {
      code: '000.00.70.H26-261120-0001',
      procedureCode: '1.001193',
      channel: 'direct',
      applicant: { ...HUONG_APPLICANT, email: 'huong@example.vn' },
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP3', provided: 'electronic', fileIds: ['f-1'] },
      ],
      resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
      ...RECEIVED_TIMELINE,
      ...over,
    },
    procedure: {
      name: 'Thủ tục đăng ký khai sinh',
      fieldCode: null,
      fieldName: 'Hộ tịch',
      components: [
        { name: 'Tờ khai đăng ký khai sinh' },
        { name: 'Văn bản ủy quyền' },
        { name: 'Giấy chứng sinh' },
      ],
      results: [{ name: 'Giấy khai sinh (bản chính)', code: 'KQ.G15.000031' }],
    },
    receivingAgency: { code: '000.00.70.H26', name: 'Ủy ban nhân dân phường Hàng Trống' },
    competentAgency: { code: '000.00.70.H26', name: 'Ủy ban nhân dân phường Hàng Trống' },
    action: {
      kind: 'accept',
      at: new Date('2026-11-20T02:00:00Z'),
      actorName: 'Lê Thị Mai Anh',
      roles: ['desk-officer'],
      agencyName: 'Ủy ban nhân dân phường Hàng Trống',
      note: null,
    },
    files: new Map([['f-1', 'giay-chung-sinh.pdf']]),
  };
}

const message = (
  status: (typeof DOSSIER_STATUS_KEYS)[number],
  at = '2026-11-20T03:00:00.000Z',
): StatusMessage => ({
  dossierCode: '000.00.70.H26-261120-0001',
  status,
  statusCode: DOSSIER_STATUSES[status].code,
  version: 1,
  at,
});

test('portal dates are yyyyMMddHHmmss in Vietnam time and read back to the same second', () => {
  assert.equal(formatPortalDate('2026-11-20T02:00:00Z'), '20261120090000');
  assert.equal(formatPortalDate('2026-12-31T17:30:05Z'), '20270101003005');
  assert.equal(parsePortalDate('20270101003005')?.toISOString(), '2026-12-31T17:30:05.000Z');
  for (const bad of [
    '2026112009000',
    '20261340090000',
    '20260230090000',
    '20261120250000',
    20261120090000,
    null,
  ])
    assert.equal(parsePortalDate(bad), null, String(bad));
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (d) => {
        const s = formatPortalDate(d);
        return /^\d{14}$/.test(s) && parsePortalDate(s)!.getTime() === Math.floor(d.getTime() / 1000) * 1000;
      },
    ),
    { seed },
  );
});

test('every status gives an E1 record the portal simulator accepts, with the national code and its dates', () => {
  for (const status of DOSSIER_STATUS_KEYS) {
    const ended = ['withdrawn', 'stopped', 'result-ready', 'returned'].includes(status);
    const r = toE1Record(message(status), context());
    assert.deepEqual(e1Problems(r, 0), [], status);
    assert.equal(r.TrangThaiHoSo, DOSSIER_STATUSES[status].code);
    assert.equal(r.NgayTra !== '', status === 'returned', `${status} NgayTra`);
    assert.equal(r.NgayKetThucXuLy !== '', ended, `${status} NgayKetThucXuLy`);
    assert.equal(r.NgayTuChoi !== '', status === 'refused', `${status} NgayTuChoi`);
    assert.equal(r.NgayYeuCauBoSung !== '', status === 'awaiting-supplement', `${status} NgayYeuCauBoSung`);
    assert.equal(r.DanhSachGiayToKetQua.length, status === 'result-ready' || status === 'returned' ? 1 : 0);
  }
  const r = toE1Record(message('received'), context());
  assert.equal(r.MaHoSo, '000.00.70.H26-261120-0001');
  assert.equal(r.MaTTHC, '1.001193');
  assert.equal(r.NgayNopHoSo, '20261120090000');
  assert.equal(r.NgayHenTra, '20261123090000');
  assert.equal(r.KenhThucHien, 1);
  assert.deepEqual(r.DinhDanhCHS, [{ LoaiDinhDanh: 1, SoDinhDanh: '001190012345' }]);
  assert.equal(r.HoSoCoThanhPhanSoHoa, 1);
  assert.deepEqual(
    r.TaiLieuNop.map((t) => [t.MaThanhPhanHoSo, t.TenTepDinhKem]),
    [['TP3', 'giay-chung-sinh.pdf']],
  );
  assert.equal(r.QuaTrinhXuLy[0]!.NguoiXuLy, 'Lê Thị Mai Anh');
  assert.equal(r.QuaTrinhXuLy[0]!.NoiDungXuLy, 'Tiếp nhận hồ sơ');
  assert.equal(r.QuaTrinhXuLy[0]!.ChucDanh, 'Cán bộ một cửa');
  const returned = toE1Record(message('returned'), context());
  assert.equal(returned.DanhSachGiayToKetQua[0]!.MaGiayToKetQua, 'KQ.G15.000031');
});

test('E1 holds for any applicant, channel and status (property, checked by the simulator)', () => {
  const applicant = fc.record({
    kind: fc.constantFrom('person', 'organisation'),
    fullName: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ''),
    idNumber: fc.oneof(
      fc.stringMatching(/^\d{12}$/),
      fc.stringMatching(/^\d{9}$/),
      fc.stringMatching(/^\d{10}$/),
    ),
    phone: fc.stringMatching(/^0\d{9}$/),
  });
  fc.assert(
    fc.property(
      fc.constantFrom(...DOSSIER_STATUS_KEYS),
      fc.constantFrom('direct', 'postal', 'online'),
      applicant,
      fc.boolean(),
      (status, channel, a, withAction) => {
        const ctx = context({ channel, applicant: a });
        if (!withAction) ctx.action = null;
        const r = toE1Record(message(status), ctx);
        const problems = e1Problems(JSON.parse(JSON.stringify(r)), 0);
        return problems.length === 0 && r.TrichYeuHoSo.length <= 1000;
      },
    ),
    { seed },
  );
});

test('organisations carry their tax code without a personal-ID type; a dossier refused at intake has no receipt date', () => {
  const org = toE1Record(
    message('received'),
    context({
      applicant: {
        kind: 'organisation',
        fullName: 'Công ty TNHH An Bình',
        idNumber: '0101234567',
        phone: '0243123456',
      },
    }),
  );
  assert.equal(org.LoaiDoiTuong, 2);
  assert.deepEqual(org.DinhDanhCHS, []);
  assert.equal(org.SoGiayToChuHoSo, '0101234567');
  const refused = toE1Record(message('refused'), context({ receivedAt: null, dueAt: null }));
  assert.equal(refused.NgayTiepNhan, '');
  assert.equal(refused.NgayTuChoi, '20261120100000');
});

test('a dossier the portal handed over carries the portal’s code (MaHoSoKhac); any other carries none', () => {
  const handedOver = toE1Record(
    message('received'),
    context({ channel: 'online', portalCode: 'DVCQG-261120-000700', handedOverByPortal: true }),
  );
  assert.equal(handedOver.MaHoSoKhac, 'DVCQG-261120-000700');
  assert.equal(handedOver.MaHoSo, '000.00.70.H26-261120-0001');
  assert.deepEqual(e1Problems(handedOver, 0), []);
  const desk = toE1Record(message('received'), context());
  assert.equal('MaHoSoKhac' in desk, false);
  assert.deepEqual(e1Problems({ ...desk, MaHoSoKhac: '' }, 0), [
    'data[0].MaHoSoKhac is required (text ≤ 100)',
  ]);
});

test('status messages are read strictly: the national code must match the status', () => {
  const ok = parseStatusMessage({ ...message('processing') });
  assert.equal(ok.statusCode, 4);
  for (const bad of [
    { ...message('processing'), statusCode: 5 },
    { ...message('processing'), statusCode: 11 },
    { ...message('processing'), status: 'archived' },
    { ...message('processing'), dossierCode: '' },
    { ...message('processing'), version: '3' },
    { ...message('processing'), at: 'yesterday' },
  ]) {
    assert.throws(() => parseStatusMessage(bad), Error, JSON.stringify(bad));
  }
});

test('E2 records map to intake input; what cannot be read is a problem, never a guess', () => {
  const [birth, marital] = inboundSeed(2, '000.00.70.H26', 1, new Date('2026-11-20T02:00:00Z'));
  const m = fromE2(birth);
  assert.deepEqual(m.problems, []);
  assert.equal(m.intake.portalCode, birth!.MaHoSo);
  assert.equal(m.intake.procedureCode, '1.001193');
  assert.equal(m.intake.agencyCode, '000.00.70.H26');
  assert.equal(m.intake.channel, 'online');
  assert.equal(m.intake.submittedAt, '2026-11-20T02:00:00.000Z');
  assert.equal(m.intake.applicant.idNumber, '001092004567');
  assert.deepEqual(m.intake.applicant.address, { unitCode: '00070', line: 'Số 5 phố Hàng Trống' });
  assert.equal(m.intake.vneidVerified, true);
  assert.deepEqual(
    m.intake.components.map((c) => [c.code, c.provided, c.files.length]),
    [
      ['TP1', 'electronic', 1],
      ['TP3', 'electronic', 1],
    ],
  );
  assert.equal(fromE2(marital).intake.procedureCode, '1.004873');

  const broken = fromE2({
    MaHoSo: 'DVCQG-261120-000099',
    MaTTHC: '1001193',
    NgayNopHoSo: '2026-11-20',
    TaiLieuNop: [{ MaThanhPhanHoSo: 'giay-to' }],
  });
  assert.deepEqual(broken.problems.map((p) => p.path).sort(), [
    'ChuHoSo',
    'MaDonVi',
    'MaTTHC',
    'NgayNopHoSo',
    'SoGiayToChuHoSo',
    'TaiLieuNop/0/MaThanhPhanHoSo',
  ]);
  assert.throws(() => fromE2({ MaTTHC: '1.001193' }), /no MaHoSo/);
  assert.throws(() => fromE2('not a record'), /not an object/);
});
