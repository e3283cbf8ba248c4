import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { simSign } from '../../../simulator/payments.ts';
import {
  SIGNED_FIELDS,
  buildInit,
  confirmSignatureValid,
  formatE4Time,
  maXacThuc,
  parseConfirm,
  paymentReference,
  referenceMatchesDossier,
  signMessage,
} from './payment-adapter.ts';
import { vndInWords } from './payment-receipt.ts';
import { BIRTH_INIT } from './test-kit.ts';

const settings = { baseUrl: 'http://127.0.0.1:1', partnerCode: 'MOTCUA', secret: 's3cret' };

test('MaXacThuc is the SHA-256 hex of the fields joined by "|" with the secret last', () => {
  const expected = createHash('sha256')
    .update('QUERY|1.0.6|MOTCUA|ABC01|20261120090000|s3cret')
    .digest('hex');
  assert.equal(maXacThuc(['QUERY', '1.0.6', 'MOTCUA', 'ABC01', '20261120090000'], 's3cret'), expected);
  assert.equal(
    signMessage(
      'QUERY',
      {
        LoaiBanTin: 'QUERY',
        PhienBan: '1.0.6',
        MaDoiTac: 'MOTCUA',
        MaThamChieu: 'ABC01',
        ThoiGianGD: '20261120090000',
      },
      's3cret',
    ),
    expected,
  );
  // The documented orders (docs/integration/national-portal.md).
  assert.deepEqual(SIGNED_FIELDS.CONFIRM.slice(0, 5), [
    'LoaiBanTin',
    'MaLoi',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
  ]);
  assert.equal(SIGNED_FIELDS.INIT.at(-1), 'Ip');
});

test('INIT carries the E4 fields and a MaXacThuc the platform (the simulator, written apart) accepts', () => {
  const m = buildInit(
    {
      reference: paymentReference('000.00.70.H26-261120-0001', 1),
      amountVnd: 24000,
      ...BIRTH_INIT,
      payer: { name: 'Nguyễn Thị Hường', idNumber: '001190012345', address: 'Số 12 phố Hàng Trống' },
      items: [{ key: 'procedure-1', name: 'Phí, lệ phí', amountVnd: 24000, source: 'procedure' }],
      at: new Date('2026-11-20T02:00:00Z'),
    },
    settings,
  );
  assert.equal(m.MaThamChieu, '0000070H262611200001TT01');
  assert.equal(m.SoTien, '24000');
  assert.equal(m.ThoiGianGD, '20261120090000');
  assert.equal(m.MaTienTe, 'VND');
  assert.equal(m.ThongTinGiaoDich, 'Thanh toan ho so 000.00.70.H26-261120-0001');
  assert.equal(m.MaXacThuc, simSign('INIT', m, 's3cret'));
  assert.notEqual(m.MaXacThuc, simSign('INIT', { ...m, SoTien: '24001' }, 's3cret'));
  assert.equal(formatE4Time(new Date('2026-12-31T17:00:00Z')), '20270101000000');
});

test('CONFIRM: read from text, amounts as numbers or digit strings, checked against the secret', () => {
  const base = {
    LoaiBanTin: 'CONFIRM',
    MaLoi: '00',
    MaDoiTac: 'MOTCUA',
    MaThamChieu: 'X1TT01',
    SoTien: 8000,
    MaTienTe: 'VND',
    MaGiaoDich: 'T1',
    MaNganHang: 'VCB',
    ThoiGianGD: '20261120090000',
    ThongTinGiaoDich: 'Thanh toan',
  };
  const good = JSON.stringify({ ...base, MaXacThuc: simSign('CONFIRM', base, 's3cret') });
  const parsed = parseConfirm(good);
  assert.ok(parsed.ok);
  assert.equal(parsed.message.SoTien, 8000);
  assert.ok(confirmSignatureValid(parsed.message, 's3cret'));
  assert.ok(!confirmSignatureValid(parsed.message, 'other'));
  const upper = parseConfirm(
    JSON.stringify({ ...base, MaXacThuc: simSign('CONFIRM', base, 's3cret').toUpperCase() }),
  );
  assert.ok(upper.ok && confirmSignatureValid(upper.message, 's3cret'));
  const asText = { ...base, SoTien: '8000' };
  const p2 = parseConfirm(JSON.stringify({ ...asText, MaXacThuc: simSign('CONFIRM', asText, 's3cret') }));
  assert.ok(p2.ok && p2.message.SoTien === 8000 && confirmSignatureValid(p2.message, 's3cret'));
  // A changed amount breaks the signature.
  const tampered = parseConfirm(
    JSON.stringify({ ...base, SoTien: 9000, MaXacThuc: simSign('CONFIRM', base, 's3cret') }),
  );
  assert.ok(tampered.ok && !confirmSignatureValid(tampered.message, 's3cret'));

  for (const [body, reason] of [
    ['{', 'malformed-json'],
    ['null', 'malformed-json'],
    ['"text"', 'malformed-json'],
    ['{}', 'missing-fields'],
    [JSON.stringify({ ...base, MaGiaoDich: undefined, MaXacThuc: 'x' }), 'missing-fields'],
    [JSON.stringify({ ...base, SoTien: -1, MaXacThuc: 'x' }), 'missing-fields'],
    [JSON.stringify({ ...base, SoTien: 1.5, MaXacThuc: 'x' }), 'missing-fields'],
    [JSON.stringify({ ...base, MaNganHang: 12, MaXacThuc: 'x' }), 'missing-fields'],
  ] as const) {
    const r = parseConfirm(body);
    assert.ok(!r.ok, body);
    assert.equal(r.reason, reason, body);
  }
  // A failure (MaLoi ≠ 00) needs no transaction id.
  const failed = { ...base, MaLoi: '01', MaGiaoDich: '' };
  assert.ok(parseConfirm(JSON.stringify({ ...failed, MaXacThuc: 'x' })).ok);
});

test('references are unique per attempt and tied to their dossier', () => {
  assert.equal(paymentReference('000.00.70.H26-261120-0001', 12), '0000070H262611200001TT12');
  assert.ok(referenceMatchesDossier('0000070H262611200001TT12', '000.00.70.H26-261120-0001'));
  assert.ok(!referenceMatchesDossier('0000070H262611200002TT01', '000.00.70.H26-261120-0001'));
});

test('amounts in Vietnamese words, as on receipts', () => {
  for (const [n, words] of [
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [105, 'Một trăm linh năm đồng'],
    [8000, 'Tám nghìn đồng'],
    [24000, 'Hai mươi tư nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [2_000_015, 'Hai triệu không trăm mười lăm đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [135_000, 'Một trăm ba mươi lăm nghìn đồng'],
  ] as const)
    assert.equal(vndInWords(n), words, String(n));
  assert.throws(() => vndInWords(-1));
});
