import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { formsOf, slipForm, SLIP_KINDS, type FormSetId, type SlipKind } from './slip-forms.ts';
import { SlipError } from './slips.errors.ts';
import { slipFontFiles, slipFonts } from './slip-fonts.ts';
import { lookupUrl, QR_OPTIONS } from './slip-qr.ts';
import { renderSlip, slipFormFor } from './slips.ts';
import { DOSSIER_CODE, manyComponents, PUBLIC_URL, slipData, trackingEntries } from './test-fixtures.ts';
import { missingTools, pdfImages, pdfInfo, pdfText, type Raster } from './test-poppler.ts';

const skip = missingTools('pdftotext', 'pdfinfo', 'pdfimages');
const AT_2025 = '2026-11-21T09:15:00+07:00';
const AT_2018 = '2025-06-30T09:15:00+07:00';
const options = { publicUrl: PUBLIC_URL };
const URL = `${PUBLIC_URL}/tra-cuu/${DOSSIER_CODE}`;

async function render<K extends SlipKind>(kind: K, receivedAt = AT_2025): Promise<Buffer> {
  return renderSlip(kind, slipData(receivedAt)[kind], options);
}

function includesAll(text: string, expected: string[]): void {
  for (const e of expected) assert.ok(text.includes(e.normalize('NFC')), `missing "${e}" in:\n${text}`);
}

const HEADER = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ỦY BAN NHÂN DÂN PHƯỜNG HÀNG TRỐNG',
];
const APPLICANT = ['Nguyễn Thị Hường', 'Đăng ký khai sinh', '1.001193'];

/** The statutory fields each slip must print (legal-notes §2.2), beyond the header and applicant. */
const EXPECTED: Record<SlipKind, (set: FormSetId, place: string) => string[]> = {
  receipt: (set) => [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Số: 0001/HDHS`,
    `Mã hồ sơ: ${DOSSIER_CODE}`,
    'Bộ phận Một cửa Ủy ban nhân dân Phường Hàng Trống',
    'Tiếp nhận hồ sơ của: Nguyễn Thị Hường',
    'Số định danh cá nhân: 001186012345',
    'Địa chỉ: Số 12 phố Hàng Trống, Phường Hàng Trống, Thành phố Hà Nội',
    'Số điện thoại: 0912 345 678',
    'Email: huong.nguyen@example.vn',
    'Người được ủy quyền nộp hồ sơ: Lê Văn Thự',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)',
    '1. Thành phần hồ sơ nộp gồm:',
    'STT',
    'Tên giấy tờ',
    'Số lượng',
    'Tờ khai đăng ký khai sinh theo mẫu',
    'Bản chính',
    'Bản sao có chứng thực',
    'Bản sao',
    'Bản điện tử',
    '2. Số lượng hồ sơ: 01 bộ',
    '3. Thời gian giải quyết hồ sơ theo quy định: 1 ngày làm việc',
    set === '2018'
      ? '4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 30 tháng 6 năm 2025'
      : '4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 21 tháng 11 năm 2026',
    '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 23 tháng 11 năm 2026',
    '6. Đăng ký nhận kết quả tại: Trực tiếp tại Bộ phận Một cửa',
    '7. Phí, lệ phí: Lệ phí đăng ký khai sinh: Miễn phí; Phí cấp bản sao Trích lục khai sinh (02 bản): 16.000 đồng',
    'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 125',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Trần Văn Đức',
    URL,
  ],
  'supplement-request': () => [
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Số: 0007/PBS',
    `Mã hồ sơ: ${DOSSIER_CODE}`,
    'Hồ sơ của: Nguyễn Thị Hường',
    'Số điện thoại: 0912 345 678',
    'Email: huong.nguyen@example.vn',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
    'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
    'Giấy chứng sinh do cơ sở y tế cấp',
    'Ghi đầy đủ quê quán của người mẹ',
    'Lý do: Hồ sơ chưa đầy đủ, hợp lệ theo quy định của Luật Hộ tịch',
    'công chức tư pháp - hộ tịch Trần Văn Đức, số điện thoại 024 3825 1234, máy lẻ 105 để được hướng dẫn',
    'NGƯỜI HƯỚNG DẪN',
  ],
  refusal: () => [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    'Số: 0003/PTC',
    'Tiếp nhận hồ sơ của: Nguyễn Thị Hường',
    'Số định danh cá nhân: 001186012345',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
    'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
    '1. Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân Phường Cửa Nam',
    '2. Người đi đăng ký không xuất trình được giấy tờ tùy thân theo quy định.',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
  ],
  apology: (set) => [
    set === '2018'
      ? 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'
      : 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    'Số: 0002/PXL',
    'Kính gửi: Nguyễn Thị Hường',
    'Số định danh cá nhân: 001186012345',
    `Mã hồ sơ: ${DOSSIER_CODE}`,
    'Thời gian hẹn trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 23 tháng 11 năm 2026',
    'chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, lý do: Phải xác minh',
    set === '2018'
      ? 'xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào 16 giờ 00 phút, ngày 25 tháng 11 năm 2026'
      : 'xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến 16 giờ 00 phút, ngày 25 tháng 11 năm 2026',
    'CHỦ TỊCH',
    'Phạm Thị Thủy',
    'Hà Nội, ngày 23 tháng 11 năm 2026',
  ],
  'stop-notice': () => [
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    'Số: 0001/TB',
    `Mã hồ sơ: ${DOSSIER_CODE}`,
    'Kính gửi: Nguyễn Thị Hường',
    'Vào 10 giờ 05 phút, ngày 22 tháng 11 năm 2026',
    'nhận được đề nghị dừng giải quyết hồ sơ',
    'trực tiếp tại Bộ phận Một cửa',
    'Tình trạng giải quyết khi có đề nghị: Đang thẩm định tại công chức tư pháp - hộ tịch',
    'Lý do đề nghị dừng: Gia đình chuyển nơi đăng ký khai sinh về quê',
    'Hồ sơ chưa có quyết định giải quyết thủ tục hành chính',
    'Điều 21 Nghị định số 118/2025/NĐ-CP',
    'Phí, lệ phí đã nộp: 16.000 đồng. Hoàn trả toàn bộ phí đã nộp',
    'PHỤ TRÁCH BỘ PHẬN MỘT CỬA',
  ],
  'process-control': (set) => [
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    'Số: 0001/PKS',
    `Mã hồ sơ: ${DOSSIER_CODE}`,
    '(Kèm theo hồ sơ của: Nguyễn Thị Hường)',
    'Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân Phường Hàng Trống',
    'Cơ quan phối hợp giải quyết hồ sơ: Công an Phường Hàng Trống',
    'Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 23 tháng 11 năm 2026',
    'TÊN CƠ QUAN, ĐƠN VỊ',
    'THỜI GIAN GIAO, NHẬN HỒ SƠ',
    'KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    '1. Giao: Bộ phận Một cửa',
    'Nhận: Công chức tư pháp - hộ tịch',
    '09 giờ 30 phút, ngày 21/11/2026',
    'Người giao: Trần Văn Đức',
    'Người nhận: Hoàng Thị Yến',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Chờ xác minh',
    set === '2018' ? 'Mẫu 05' : 'Mẫu 06',
  ],
  'tracking-book': (set) => [
    'SỔ THEO DÕI HỒ SƠ',
    'Số: 01/STD',
    'Lĩnh vực: Hộ tịch',
    'Quyển số: 01/2026',
    set === '2018'
      ? 'Từ ngày 01 tháng 6 năm 2025 đến ngày 30 tháng 6 năm 2025'
      : 'Từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026',
    'STT',
    'Mã hồ sơ',
    'Tên thủ tục hành chính',
    'Tên tổ chức, cá nhân',
    'Cơ quan chủ trì giải quyết',
    'Hẹn trả kết quả',
    'Phương thức nhận kết quả',
    'Ký nhận',
    'Ghi chú',
    set === '2018' ? '000.12.22.H26-250601-0001' : '000.12.22.H26-261101-0001',
    'Vũ Thị Ánh Tuyết',
    'Công ty TNHH Hoàng Đạo',
    'Bưu chính công ích',
    'Tổng số: 6 hồ sơ',
    'Trang 1/1',
    set === '2018' ? 'Mẫu 06' : 'Mẫu 07',
  ],
};

describe('each slip of each set prints its statutory fields', { skip }, () => {
  for (const [set, at] of [
    ['2018', AT_2018],
    ['2025', AT_2025],
  ] as const) {
    for (const form of formsOf(set)) {
      it(`${set} ${form.form} ${form.kind}`, async () => {
        const pdf = await render(form.kind, at);
        const text = pdfText(pdf);
        const source = set === '2018' ? 'Thông tư số 01/2018/TT-VPCP' : 'Thông tư số 03/2025/TT-VPCP';
        includesAll(text, [...HEADER, `${form.form} — ${source}`, ...EXPECTED[form.kind](set, 'Hà Nội')]);
        if (form.kind !== 'tracking-book') includesAll(text, APPLICANT);
        const superior =
          at < '2025-07-01' ? 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM' : 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI';
        includesAll(text, [superior]);
      });
    }
  }

  it('prints the date line in Vietnamese time whatever the host zone (tests run with TZ=UTC)', async () => {
    const data = slipData(AT_2025).receipt;
    // 17:30 UTC on the 20th is 00:30 on the 21st in Hà Nội.
    const pdf = await renderSlip('receipt', { ...data, issuedAt: '2026-11-20T17:30:00Z' }, options);
    includesAll(pdfText(pdf), ['Hà Nội, ngày 21 tháng 11 năm 2026']);
  });

  it('writes blanks to fill by hand for a missing number, phone and register entry', async () => {
    const data = slipData(AT_2025).receipt;
    const { phone: _phone, ...applicant } = data.dossier.applicant;
    const { number: _number, register: _register, ...rest } = data;
    const pdf = await renderSlip('receipt', { ...rest, dossier: { ...data.dossier, applicant } }, options);
    includesAll(pdfText(pdf), ['Số: ……/HDHS', 'Số điện thoại: ……', 'Quyển số: ………, Số thứ tự: ………']);
  });

  it('prints an organisation with its tax code label and the supplement without a dossier code', async () => {
    const data = slipData(AT_2025)['supplement-request'];
    const { code: _code, ...dossier } = data.dossier;
    const pdf = await renderSlip(
      'supplement-request',
      {
        ...data,
        dossier: {
          ...dossier,
          applicant: { ...dossier.applicant, kind: 'organisation', fullName: 'Công ty TNHH Hoàng Đạo' },
        },
      },
      options,
    );
    const text = pdfText(pdf);
    includesAll(text, ['Hồ sơ của: Công ty TNHH Hoàng Đạo', 'Mã số doanh nghiệp/Mã số thuế: 001186012345']);
    assert.ok(!text.includes('Mã hồ sơ'), 'no dossier code before one is issued');
    assert.equal(pdfImages(pdf).length, 0, 'no QR code without a dossier code');
  });
});

describe('the form set follows the received date', { skip }, () => {
  const titles = async (receivedAt: string): Promise<string> => {
    const data = slipData(receivedAt);
    const pdf = await renderSlip('apology', data.apology, options);
    return pdfText(pdf);
  };

  it('a dossier received on 30/6/2025 gets the 2018 titles and numbers', async () => {
    const text = await titles('2025-06-30T16:59:00+07:00');
    includesAll(text, ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Mẫu 04 — Thông tư số 01/2018/TT-VPCP']);
    const control = pdfText(await render('process-control', '2025-06-30T16:59:00+07:00'));
    includesAll(control, ['Mẫu 05 — Thông tư số 01/2018/TT-VPCP']);
  });

  it('a dossier received on 1/7/2025 gets the 2025 titles and numbers', async () => {
    const text = await titles('2025-07-01T08:00:00+07:00');
    includesAll(text, [
      'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      'Mẫu 04 — Thông tư số 03/2025/TT-VPCP',
    ]);
    const control = pdfText(await render('process-control', '2025-07-01T08:00:00+07:00'));
    includesAll(control, ['Mẫu 06 — Thông tư số 03/2025/TT-VPCP']);
  });

  it('a unit setting can force the set', async () => {
    const data = slipData(AT_2025);
    const pdf = await renderSlip('receipt', data.receipt, { ...options, formSet: '2018' });
    includesAll(pdfText(pdf), ['Mẫu 01 — Thông tư số 01/2018/TT-VPCP', '(Ký và ghi rõ họ tên)']);
  });

  it('refuses the stop notice for a dossier received before 1/7/2025', async () => {
    const data = slipData(AT_2018)['stop-notice'];
    await assert.rejects(renderSlip('stop-notice', data, options), (e: unknown) => {
      assert.ok(e instanceof SlipError);
      assert.equal(e.code, 'NO_SUCH_FORM');
      return true;
    });
  });
});

/** Reads the QR code back from its pixels and compares it module by module with the expected symbol. */
function assertQrEncodes(raster: Raster, text: string): void {
  const expected = QRCode.create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const { size } = expected.modules;
  const { scale, margin } = QR_OPTIONS;
  assert.equal(raster.width, (size + 2 * margin) * scale, 'QR image width');
  let mismatches = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = (col + margin) * scale + scale / 2;
      const y = (row + margin) * scale + scale / 2;
      const value = raster.pixels[(y * raster.width + x) * raster.channels]!;
      if ((value < 128 ? 1 : 0) !== expected.modules.get(row, col)) mismatches++;
    }
  }
  assert.equal(mismatches, 0, `QR modules differing from "${text}"`);
}

describe('the QR code', { skip }, () => {
  it('is embedded once on page 1 of every dossier slip and encodes the public lookup URL', async () => {
    for (const kind of SLIP_KINDS.filter((k) => k !== 'tracking-book')) {
      const images = pdfImages(await render(kind));
      assert.equal(images.length, 1, `${kind}: one image`);
      assertQrEncodes(images[0]!, URL);
    }
  });

  it('is not printed on the tracking book, which covers many dossiers', async () => {
    assert.equal(pdfImages(await render('tracking-book')).length, 0);
  });
});

describe('pagination', { skip }, () => {
  it('runs a 40-component receipt onto further pages with the table header repeated', async () => {
    const data = slipData(AT_2025).receipt;
    const pdf = await renderSlip('receipt', { ...data, components: manyComponents(40) }, options);
    const pages = Number(pdfInfo(pdf).Pages);
    assert.ok(pages >= 2, `pages: ${pages}`);
    const all = pdfText(pdf);
    for (let i = 1; i <= 40; i++) includesAll(all, [`Giấy tờ chứng minh số ${i}:`]);
    for (let p = 2; p <= pages; p++) {
      const text = pdfText(pdf, { first: p, last: p });
      includesAll(text, [`Trang ${p}/${pages}`, `Mã hồ sơ: ${DOSSIER_CODE} (tiếp theo)`]);
      if (p < pages || text.includes('Giấy tờ chứng minh')) includesAll(text, ['STT Tên giấy tờ']);
    }
    includesAll(pdfText(pdf, { first: pages, last: pages }), ['NGƯỜI TIẾP NHẬN HỒ SƠ']);
    includesAll(pdfText(pdf, { first: 1, last: 1 }), ['Trang 1/']);
  });

  it('sets the tracking book landscape, page-numbered, with its header on every page', async () => {
    const data = slipData(AT_2025)['tracking-book'];
    const pdf = await renderSlip('tracking-book', { ...data, entries: trackingEntries(60) }, options);
    const info = pdfInfo(pdf);
    assert.match(info['Page size'] ?? '', /^841\.89 x 595\.28 pts/);
    const pages = Number(info.Pages);
    assert.ok(pages >= 3, `pages: ${pages}`);
    for (let p = 1; p <= pages; p++) {
      includesAll(pdfText(pdf, { first: p, last: p }), [`Trang ${p}/${pages}`, 'STT (1) Mã hồ sơ (2)']);
    }
    includesAll(pdfText(pdf), ['000.12.22.H26-261104-0060', 'Tổng số: 60 hồ sơ']);
  });

  it('keeps a one-page slip unnumbered', async () => {
    const text = pdfText(await render('refusal'));
    assert.ok(!text.includes('Trang 1/'), text);
  });
});

describe('reproducible output', { skip }, () => {
  it('gives the same bytes for the same data, dated by issuedAt not the clock', async () => {
    const a = await render('receipt');
    const b = await render('receipt');
    assert.ok(a.equals(b));
    const info = pdfInfo(a);
    assert.equal(info.CreationDate, '2026-11-21T02:15:00Z');
    assert.equal(info.Title, `GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ — ${DOSSIER_CODE}`);
  });
});

describe('input checks', () => {
  const data = slipData(AT_2025);
  const rejects = async (p: Promise<unknown>, pattern: RegExp): Promise<void> => {
    await assert.rejects(p, (e: unknown) => {
      assert.ok(e instanceof SlipError);
      assert.equal(e.code, 'INVALID_SLIP_DATA');
      assert.match(e.message, pattern);
      return true;
    });
  };

  it('rejects an instant without a zone, a bad count, an empty refusal and a new due time not later', async () => {
    await rejects(
      renderSlip('receipt', { ...data.receipt, dueAt: '2026-11-23 16:00' }, options),
      /Thời điểm không hợp lệ/,
    );
    await rejects(renderSlip('receipt', { ...data.receipt, sets: 0 }, options), /Số lượng/);
    await rejects(renderSlip('refusal', { ...data.refusal, reasons: [] }, options), /lý do/);
    await rejects(
      renderSlip('apology', { ...data.apology, newDueAt: data.apology.originalDueAt }, options),
      /Thời hạn mới/,
    );
    await rejects(renderSlip('receipt', data.receipt, { publicUrl: 'ftp://x' }), /http/);
  });

  it('tells the caller which form a slip will be printed on', () => {
    assert.deepEqual(
      slipFormFor('process-control', data['process-control']),
      slipForm('process-control', '2025'),
    );
    // The register is judged by the first day of its period.
    assert.equal(slipFormFor('tracking-book', data['tracking-book']).form, 'Mẫu 07');
    const june = { ...data['tracking-book'], period: { from: '2025-06-01', to: '2025-07-31' } };
    assert.equal(slipFormFor('tracking-book', june).form, 'Mẫu 06');
  });

  it('reads and parses the fonts once per process', () => {
    assert.equal(slipFonts(), slipFonts());
    assert.equal(slipFontFiles(), slipFontFiles());
    assert.equal(slipFonts().regular.postscriptName, 'BeVietnamPro-Regular');
  });

  it('builds the lookup URL the QR code carries', () => {
    assert.equal(lookupUrl(PUBLIC_URL, DOSSIER_CODE), URL);
    assert.equal(lookupUrl(`${PUBLIC_URL}//`, DOSSIER_CODE), URL);
    assert.equal(
      lookupUrl('https://dvc.example.vn/cong', 'A B/1'),
      'https://dvc.example.vn/cong/tra-cuu/A%20B%2F1',
    );
  });
});
