// The templates of the statutory slips, one renderer per kind (Mẫu 01–07 of the 2018 and 2025 sets).
import { TIME_UNIT_LABELS } from '../../../common/catalog/procedure.ts';
import { SlipError } from './slips.errors.ts';
import { TRACKING_BOOK_COLUMNS, type SlipDataMap, type SlipKind } from './slip-forms.ts';
import { SIZE, type Run, type TableCell } from './slip-pdf.ts';
import {
  civilDateWords,
  formatVnd,
  parseInstant,
  vnDateTimeWords,
  vnDateWords,
  vnShortDateTime,
} from './vn-format.ts';
import {
  HANDOVER_RESULT_LABELS,
  PROVISION_LABELS,
  SEAL_HINT,
  SIGN_HINT,
  STOP_CHANNEL_LABELS,
  addressee,
  applicantFields,
  cellDateTime,
  countText,
  deliveryText,
  deskHeader,
  deskOf,
  header,
  idLabel,
  lookupNote,
  procedureText,
  titleWithQr,
  type Ctx,
} from './slip-parts.ts';

/**
 * The receipt's fee line: "Không thu phí, lệ phí" when the procedure publishes none, "Miễn phí" once when
 * every item is free, else each item with its amount and, when known, whether it has been paid.
 */
export function feeText(fees: SlipDataMap['receipt']['fees']): string {
  if (fees.length === 0) return 'Không thu phí, lệ phí';
  if (fees.every((f) => f.amountVnd === 0)) return 'Miễn phí';
  return fees
    .map((f) => {
      const state = f.paid === undefined ? '' : f.paid ? ' (đã nộp)' : ' (chưa nộp)';
      return `${f.name}: ${formatVnd(f.amountVnd)}${f.amountVnd > 0 ? state : ''}`;
    })
    .join('; ');
}

// ---- Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả --------------------------------------------

async function renderReceipt(data: SlipDataMap['receipt'], ctx: Ctx): Promise<void> {
  const { pdf, form } = ctx;
  const { dossier } = data;
  header(ctx, data, { desk: true });
  await titleWithQr(ctx, dossier.code, [[{ text: 'Mã hồ sơ: ' }, { text: dossier.code, style: 'bold' }]]);

  pdf.paragraph([{ text: `${deskOf(ctx, data)}` }], { align: 'left' });
  applicantFields(pdf, dossier, 'Tiếp nhận hồ sơ của');
  pdf.field('Nội dung yêu cầu giải quyết', procedureText(dossier));
  pdf.gap(2);
  pdf.paragraph([{ text: '1. Thành phần hồ sơ nộp gồm:' }], { align: 'left' });
  pdf.table(
    [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Tên giấy tờ', width: 55 },
      { header: 'Loại (bản chính, bản sao, bản điện tử)', width: 26, align: 'center' },
      { header: 'Số lượng', width: 12, align: 'center' },
    ],
    data.components.map((c, i) => [
      String(i + 1),
      c.name,
      PROVISION_LABELS[c.provided],
      countText(c.count, 'bản'),
    ]),
  );
  pdf.field('2. Số lượng hồ sơ', `${countText(data.sets, 'bộ hồ sơ')} bộ`);
  pdf.field(
    '3. Thời gian giải quyết hồ sơ theo quy định',
    `${data.timeLimit.value} ${TIME_UNIT_LABELS[data.timeLimit.unit]}`,
  );
  pdf.field('4. Thời gian nhận hồ sơ', vnDateTimeWords(dossier.receivedAt));
  pdf.field('5. Thời gian trả kết quả giải quyết hồ sơ', vnDateTimeWords(data.dueAt));
  pdf.field('6. Đăng ký nhận kết quả tại', deliveryText(data.resultDelivery));
  pdf.field('7. Phí, lệ phí', feeText(data.fees));
  pdf.paragraph(
    [
      { text: 'Vào Sổ theo dõi hồ sơ, Quyển số: ' },
      data.register ? { text: data.register.book, style: 'bold' } : { text: '………' },
      { text: ', Số thứ tự: ' },
      data.register ? { text: String(data.register.entry), style: 'bold' } : { text: '………' },
    ],
    { align: 'left' },
  );
  pdf.signatures([
    { label: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT[form.set], name: dossier.applicant.fullName },
    { label: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: SIGN_HINT[form.set], name: data.receiver.fullName },
  ]);
  pdf.note([
    { text: 'Ghi chú: ', style: 'bold-italic' },
    {
      text:
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên: một liên giao cho tổ chức, cá nhân ' +
        'nộp hồ sơ; một liên chuyển kèm theo hồ sơ và lưu tại Bộ phận Một cửa. ',
      style: 'italic',
    },
    ...lookupNote(ctx, dossier.code),
  ]);
}

// ---- Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ -------------------------------------------

async function renderSupplementRequest(data: SlipDataMap['supplement-request'], ctx: Ctx): Promise<void> {
  const { pdf, form } = ctx;
  const { dossier } = data;
  await deskHeader(ctx, data);
  applicantFields(pdf, dossier, 'Hồ sơ của');
  pdf.field('Nội dung yêu cầu giải quyết', procedureText(dossier));
  pdf.field('Ngày nộp hồ sơ', vnDateTimeWords(dossier.receivedAt));
  pdf.gap(2);
  pdf.paragraph([{ text: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:' }], { align: 'left' });
  if (data.missing.length === 0) {
    throw new SlipError(
      'INVALID_SLIP_DATA',
      'Phiếu yêu cầu bổ sung phải nêu ít nhất một nội dung cần bổ sung.',
    );
  }
  pdf.table(
    [
      { header: 'TT', width: 7, align: 'center' },
      { header: 'Thành phần hồ sơ, nội dung cần bổ sung, hoàn thiện', width: 45 },
      { header: 'Loại giấy tờ', width: 17, align: 'center' },
      { header: 'Số lượng', width: 10, align: 'center' },
      { header: 'Ghi chú', width: 21 },
    ],
    data.missing.map((m, i) => [
      String(i + 1),
      m.name,
      m.provided ? PROVISION_LABELS[m.provided] : '',
      m.count !== undefined ? countText(m.count, 'bản') : '',
      m.note ?? '',
    ]),
  );
  pdf.field('Lý do', data.reason);
  const c = data.contact;
  pdf.paragraph(
    [
      {
        text: `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ${addressee(dossier.applicant).toLowerCase()} liên hệ với `,
      },
      { text: [c.title, c.fullName].filter(Boolean).join(' '), style: 'bold' },
      { text: c.phone ? `, số điện thoại ${c.phone}` : '' },
      { text: c.extension ? `, máy lẻ ${c.extension}` : '' },
      { text: ' để được hướng dẫn./.' },
    ],
    { after: 4 },
  );
  pdf.signatures([
    null,
    {
      label: 'NGƯỜI HƯỚNG DẪN',
      hint: SIGN_HINT[form.set],
      ...(data.guide.title ? { title: data.guide.title } : {}),
      name: data.guide.fullName,
    },
  ]);
  if (dossier.code) pdf.note(lookupNote(ctx, dossier.code));
}

// ---- Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ ------------------------------------------

async function renderRefusal(data: SlipDataMap['refusal'], ctx: Ctx): Promise<void> {
  const { pdf, form } = ctx;
  const { dossier } = data;
  await deskHeader(ctx, data);
  pdf.paragraph([{ text: deskOf(ctx, data) }], { align: 'left' });
  applicantFields(pdf, dossier, 'Tiếp nhận hồ sơ của');
  pdf.field('Nội dung yêu cầu giải quyết', procedureText(dossier));
  pdf.field('Thời gian nộp hồ sơ', vnDateTimeWords(dossier.receivedAt));
  if (data.reasons.length === 0) {
    throw new SlipError('INVALID_SLIP_DATA', 'Phiếu từ chối phải nêu lý do cụ thể.');
  }
  pdf.gap(2);
  pdf.paragraph([
    {
      text: `Qua xem xét, ${deskOf(ctx, data)} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    },
  ]);
  data.reasons.forEach((r, i) => pdf.paragraph([{ text: `${i + 1}. ${r}` }], { indent: 14 }));
  pdf.paragraph([{ text: `Xin thông báo cho ${addressee(dossier.applicant)} được biết và thực hiện./.` }], {
    after: 4,
  });
  pdf.signatures([
    { label: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT[form.set], name: dossier.applicant.fullName },
    { label: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: SIGN_HINT[form.set], name: data.receiver.fullName },
  ]);
}

// ---- Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả / … và đề nghị gia hạn ------------------

async function renderApology(data: SlipDataMap['apology'], ctx: Ctx): Promise<void> {
  const { pdf, form } = ctx;
  const { dossier } = data;
  const who = addressee(dossier.applicant);
  const agency = data.responsibleAgencyName ?? data.agency.name;
  if (parseInstant(data.newDueAt) <= parseInstant(data.originalDueAt)) {
    throw new SlipError('INVALID_SLIP_DATA', 'Thời hạn mới phải sau thời hạn hẹn trả ban đầu.');
  }
  header(ctx, data);
  await titleWithQr(ctx, dossier.code);
  pdf.paragraph([{ text: 'Kính gửi: ' }, { text: dossier.applicant.fullName, style: 'bold' }], {
    align: 'left',
    after: 6,
  });
  pdf.paragraph([
    {
      text: `${capitalise(vnDateWords(dossier.receivedAt))}, ${agency} tiếp nhận giải quyết hồ sơ của ${who} `,
    },
    { text: dossier.applicant.fullName, style: 'bold' },
    { text: ' đề nghị giải quyết thủ tục hành chính: ' },
    { text: procedureText(dossier), style: 'bold' },
    { text: '.' },
  ]);
  pdf.field(idLabel(dossier.applicant), dossier.applicant.idNumber);
  pdf.field('Mã hồ sơ', dossier.code);
  pdf.field('Thời gian hẹn trả kết quả giải quyết hồ sơ', vnDateTimeWords(data.originalDueAt));
  pdf.paragraph([
    {
      text: `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ${who} đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, lý do: `,
    },
    { text: data.reason, style: 'bold' },
    { text: '.' },
  ]);
  const promise: Run[] =
    form.set === '2018'
      ? [
          {
            text: `Sự chậm trễ này đã gây phiền hà cho ${who}. ${agency} xin lỗi ${who} và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào `,
          },
          { text: vnDateTimeWords(data.newDueAt), style: 'bold' },
          { text: '.' },
        ]
      : [
          {
            text: `Sự chậm trễ này đã gây phiền hà cho ${who}. ${agency} xin lỗi ${who} và đề nghị gia hạn thời gian giải quyết hồ sơ đến `,
          },
          { text: vnDateTimeWords(data.newDueAt), style: 'bold' },
          { text: '.' },
        ];
  pdf.paragraph(promise);
  pdf.paragraph([{ text: 'Xin trân trọng cảm ơn./.' }], { after: 4 });
  pdf.signatures([
    null,
    data.head.title
      ? { label: '', title: data.head.title, hint: SEAL_HINT[form.set], name: data.head.fullName }
      : { label: 'THỦ TRƯỞNG CƠ QUAN', hint: SEAL_HINT[form.set], name: data.head.fullName },
  ]);
  pdf.note(lookupNote(ctx, dossier.code));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

// ---- 2025 Mẫu 05: Thông báo dừng giải quyết hồ sơ ---------------------------------------------

async function renderStopNotice(data: SlipDataMap['stop-notice'], ctx: Ctx): Promise<void> {
  const { pdf, form } = ctx;
  const { dossier } = data;
  const who = addressee(dossier.applicant);
  header(ctx, data, { desk: true });
  await titleWithQr(ctx, dossier.code, [[{ text: 'Mã hồ sơ: ' }, { text: dossier.code, style: 'bold' }]]);
  pdf.paragraph([{ text: 'Kính gửi: ' }, { text: dossier.applicant.fullName, style: 'bold' }], {
    align: 'left',
    after: 6,
  });
  pdf.paragraph([
    {
      text: `Vào ${vnDateTimeWords(data.requestedAt)}, ${deskOf(ctx, data)} nhận được đề nghị dừng giải quyết hồ sơ của ${who} `,
    },
    { text: dossier.applicant.fullName, style: 'bold' },
    { text: ` ${STOP_CHANNEL_LABELS[data.requestChannel]}, cụ thể:` },
  ]);
  pdf.field('Mã hồ sơ', dossier.code, { indent: 14 });
  pdf.field(idLabel(dossier.applicant), dossier.applicant.idNumber, { indent: 14 });
  pdf.field('Địa chỉ', dossier.applicant.address, { indent: 14 });
  pdf.field('Thủ tục hành chính', procedureText(dossier), { indent: 14 });
  pdf.field('Thời gian tiếp nhận hồ sơ', vnDateTimeWords(dossier.receivedAt), { indent: 14 });
  pdf.field('Tình trạng giải quyết khi có đề nghị', data.stage, { indent: 14 });
  if (data.reason) pdf.field('Lý do đề nghị dừng', data.reason, { indent: 14 });
  pdf.paragraph([
    {
      text:
        'Hồ sơ chưa có quyết định giải quyết thủ tục hành chính hoặc văn bản thông báo kết quả giải quyết ' +
        `thủ tục hành chính. Căn cứ Điều 21 Nghị định số 118/2025/NĐ-CP, ${deskOf(ctx, data)} thông báo dừng ` +
        'giải quyết hồ sơ nêu trên.',
    },
  ]);
  if (data.fees) {
    pdf.paragraph([
      { text: 'Phí, lệ phí đã nộp: ' },
      { text: formatVnd(data.fees.paidVnd), style: 'bold' },
      { text: `. ${data.fees.handling}` },
    ]);
  }
  pdf.paragraph([{ text: `Xin thông báo để ${who} được biết./.` }], { after: 4 });
  pdf.signatures([
    null,
    {
      label: data.signer.title ? '' : 'ĐẠI DIỆN BỘ PHẬN MỘT CỬA',
      hint: SIGN_HINT[form.set],
      ...(data.signer.title ? { title: data.signer.title } : {}),
      name: data.signer.fullName,
    },
  ]);
  pdf.note(lookupNote(ctx, dossier.code));
}

// ---- 2018 Mẫu 05 / 2025 Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ ---------------------

async function renderProcessControl(data: SlipDataMap['process-control'], ctx: Ctx): Promise<void> {
  const { pdf } = ctx;
  const { dossier } = data;
  header(ctx, data);
  await titleWithQr(ctx, dossier.code, [
    [{ text: 'Mã hồ sơ: ' }, { text: dossier.code, style: 'bold' }],
    [
      { text: '(Kèm theo hồ sơ của: ', style: 'italic' },
      { text: dossier.applicant.fullName, style: 'bold-italic' },
      { text: ')', style: 'italic' },
    ],
  ]);
  pdf.field('Thủ tục hành chính', procedureText(dossier));
  pdf.field('Cơ quan (bộ phận) giải quyết hồ sơ', data.resolvingAgency);
  pdf.field(
    'Cơ quan phối hợp giải quyết hồ sơ',
    data.coordinatingAgencies.length > 0 ? data.coordinatingAgencies.join('; ') : 'Không',
  );
  pdf.field('Thời gian nhận hồ sơ', vnDateTimeWords(dossier.receivedAt));
  pdf.field('Thời gian hẹn trả kết quả', vnDateTimeWords(data.dueAt));
  pdf.gap(4);
  const rows: TableCell[][] = data.handovers.map((h, i) => [
    [
      { text: `${i + 1}. Giao: `, style: 'bold' },
      { text: `${h.fromUnit}\n` },
      { text: 'Nhận: ', style: 'bold' },
      { text: h.toUnit },
    ],
    cellDateTime(h.at),
    [
      { text: 'Người giao: ', style: 'bold' },
      { text: `${h.fromPerson ?? ''}\n` },
      { text: 'Người nhận: ', style: 'bold' },
      { text: h.toPerson ?? '' },
    ],
    h.result ? HANDOVER_RESULT_LABELS[h.result] : '',
    h.note ?? '',
  ]);
  pdf.table(
    [
      { header: 'TÊN CƠ QUAN, ĐƠN VỊ', width: 30 },
      { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 19, align: 'center' },
      { header: 'NGƯỜI GIAO, NGƯỜI NHẬN', width: 22 },
      { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ Đúng hạn/ Quá hạn)', width: 16, align: 'center' },
      { header: 'GHI CHÚ', width: 13 },
    ],
    rows,
    { size: SIZE.body - 1.5, headerSize: SIZE.small },
  );
  pdf.note([
    { text: 'Ghi chú: ', style: 'bold-italic' },
    {
      text:
        'Kết quả giải quyết hồ sơ do bên nhận hồ sơ ghi khi nhận bàn giao. Trường hợp hồ sơ được chuyển qua ' +
        'dịch vụ bưu chính, thời gian giao, nhận và việc ký nhận thể hiện trên hóa đơn của cơ quan bưu chính. ' +
        'Quá trình giao, nhận được ghi nhận trên Hệ thống thông tin giải quyết thủ tục hành chính. ',
      style: 'italic',
    },
    ...lookupNote(ctx, dossier.code),
  ]);
}

// ---- 2018 Mẫu 06 / 2025 Mẫu 07: Sổ theo dõi hồ sơ --------------------------------------------

async function renderTrackingBook(data: SlipDataMap['tracking-book'], ctx: Ctx): Promise<void> {
  const { pdf } = ctx;
  if (data.period.to < data.period.from) {
    throw new SlipError('INVALID_SLIP_DATA', 'Kỳ theo dõi không hợp lệ: ngày kết thúc trước ngày bắt đầu.');
  }
  header(ctx, data);
  const lines: Run[][] = [];
  if (data.field) lines.push([{ text: 'Lĩnh vực: ' }, { text: data.field, style: 'bold' }]);
  if (data.book) lines.push([{ text: 'Quyển số: ' }, { text: data.book, style: 'bold' }]);
  lines.push([
    {
      text: `Từ ${civilDateWords(data.period.from)} đến ${civilDateWords(data.period.to)}`,
      style: 'italic',
    },
  ]);
  lines.push([{ text: 'Tổng số: ' }, { text: `${data.entries.length} hồ sơ`, style: 'bold' }]);
  pdf.title(ctx.form.title, lines);
  const rows: TableCell[][] = data.entries.map((e, i) => {
    const contact = [e.address, e.phone].filter(Boolean).join('; ');
    return [
      String(e.entry ?? i + 1),
      e.dossierCode,
      e.procedureName,
      e.applicantName,
      contact,
      e.resolvingAgency,
      vnShortDateTime(e.receivedAt).replace(' ', '\n'),
      e.dueAt ? vnShortDateTime(e.dueAt).replace(' ', '\n') : '',
      e.returnedAt ? vnShortDateTime(e.returnedAt).replace(' ', '\n') : '',
      e.deliveryMethod ?? '',
      e.signedBy ?? '',
      e.note ?? '',
    ];
  });
  pdf.table(
    TRACKING_BOOK_COLUMNS.map((c, i) => ({
      header: `${c.header}\n(${i + 1})`,
      width: c.width,
      ...(i === 0 ? { align: 'center' as const } : {}),
    })),
    rows,
    { size: 7.5, headerSize: 7.5 },
  );
}

type Renderer<K extends SlipKind> = (data: SlipDataMap[K], ctx: Ctx) => Promise<void>;

export const RENDERERS: { [K in SlipKind]: Renderer<K> } = {
  receipt: renderReceipt,
  'supplement-request': renderSupplementRequest,
  refusal: renderRefusal,
  apology: renderApology,
  'stop-notice': renderStopNotice,
  'process-control': renderProcessControl,
  'tracking-book': renderTrackingBook,
};
