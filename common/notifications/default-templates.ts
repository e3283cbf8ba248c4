// The templates shipped with motcua, per event × channel (data): a province's administrator overrides
// any of them (notification_templates). SMS without diacritics within length; ZNS template ids are
// those the province registers with Zalo (the demo's simulator approves these ids).
import type { NotificationChannel, NotificationEvent, TemplateBody } from '../contracts/notifications.ts';

type Line = {
  /** E-mail subject and Zalo status. */
  title: string;
  /** One or two Vietnamese sentences (e-mail, Zalo). */
  text: string;
  /** The same, unaccented and short (SMS). */
  sms: string;
  znsId: string;
};

const LINES: Readonly<Record<NotificationEvent, Line>> = {
  received: {
    title: 'Hồ sơ {maHoSo} đã được tiếp nhận',
    text: '{coQuan} đã tiếp nhận hồ sơ {maHoSo} ({tenThuTuc}). Ngày hẹn trả kết quả: {ngayHenTra}.',
    sms: 'Ho so {maHoSo} da duoc tiep nhan. Ngay hen tra: {ngayHenTra}. Tra cuu: {lienKet}',
    znsId: '3000101',
  },
  'supplement-requested': {
    title: 'Hồ sơ {maHoSo} cần bổ sung',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) cần bổ sung, hoàn thiện: {lyDo}.',
    sms: 'Ho so {maHoSo} can bo sung: {lyDo}. Chi tiet: {lienKet}',
    znsId: '3000102',
  },
  'payment-requested': {
    title: 'Hồ sơ {maHoSo}: đề nghị thực hiện nghĩa vụ tài chính',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) cần thực hiện nghĩa vụ tài chính: {soTien}.',
    sms: 'Ho so {maHoSo} can nop {soTien}. Thanh toan: {lienKet}',
    znsId: '3000103',
  },
  'result-ready': {
    title: 'Hồ sơ {maHoSo} đã có kết quả',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.',
    sms: 'Ho so {maHoSo} da co ket qua. Chi tiet: {lienKet}',
    znsId: '3000104',
  },
  apology: {
    title: 'Xin lỗi về việc trễ hẹn hồ sơ {maHoSo}',
    text: '{coQuan} xin lỗi vì hồ sơ {maHoSo} ({tenThuTuc}) chưa giải quyết đúng hẹn. Ngày hẹn trả mới: {ngayHenTraMoi}.',
    sms: 'Xin loi: ho so {maHoSo} tre hen. Ngay hen tra moi: {ngayHenTraMoi}. {lienKet}',
    znsId: '3000105',
  },
  returned: {
    title: 'Hồ sơ {maHoSo} đã trả kết quả',
    text: 'Kết quả hồ sơ {maHoSo} ({tenThuTuc}) đã được trả. Mời ông/bà đánh giá mức độ hài lòng.',
    sms: 'Ho so {maHoSo} da tra ket qua. Danh gia: {lienKet}',
    znsId: '3000106',
  },
  stopped: {
    title: 'Hồ sơ {maHoSo} đã dừng xử lý',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) đã dừng xử lý. Lý do: {lyDo}.',
    sms: 'Ho so {maHoSo} da dung xu ly. Ly do: {lyDo}. {lienKet}',
    znsId: '3000107',
  },
  refused: {
    title: 'Hồ sơ {maHoSo} không được tiếp nhận',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) không được tiếp nhận. Lý do: {lyDo}.',
    sms: 'Ho so {maHoSo} khong duoc tiep nhan. Ly do: {lyDo}. {lienKet}',
    znsId: '3000108',
  },
  withdrawn: {
    title: 'Hồ sơ {maHoSo} đã được rút',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) đã dừng thực hiện theo đề nghị rút hồ sơ.',
    sms: 'Ho so {maHoSo} da duoc rut theo de nghi. {lienKet}',
    znsId: '3000109',
  },
  denied: {
    title: 'Hồ sơ {maHoSo} không đủ điều kiện giải quyết',
    text: 'Hồ sơ {maHoSo} ({tenThuTuc}) không đủ điều kiện giải quyết. Lý do: {lyDo}.',
    sms: 'Ho so {maHoSo} khong du dieu kien giai quyet. Ly do: {lyDo}. {lienKet}',
    znsId: '3000110',
  },
  'feedback-received': {
    title: 'Phản ánh, kiến nghị {maPhanAnh} đã được tiếp nhận',
    text: 'Phản ánh, kiến nghị {maPhanAnh} của ông/bà đã được tiếp nhận. Theo dõi tại {lienKet}.',
    sms: 'PAKN {maPhanAnh} da duoc tiep nhan. Theo doi: {lienKet}',
    znsId: '3000111',
  },
  'feedback-answered': {
    title: 'Phản ánh, kiến nghị {maPhanAnh} đã có trả lời',
    text: 'Phản ánh, kiến nghị {maPhanAnh} của ông/bà đã có trả lời. Xem và đánh giá tại {lienKet}.',
    sms: 'PAKN {maPhanAnh} da co tra loi. Xem: {lienKet}',
    znsId: '3000112',
  },
};

const isFeedback = (e: NotificationEvent) => e.startsWith('feedback-');

function templatesOf(event: NotificationEvent, l: Line): Record<NotificationChannel, TemplateBody> {
  const code = isFeedback(event) ? '{maPhanAnh}' : '{maHoSo}';
  return {
    email: {
      email: {
        subject: l.title,
        text: `Kính gửi {tenNguoiNop},\n\n${l.text}\n\nTra cứu: {lienKet}\n\n{coQuan}`,
        html: `<p>Kính gửi {tenNguoiNop},</p><p>${l.text}</p><p><a href="{lienKet}">Tra cứu</a></p><p>{coQuan}</p>`,
      },
    },
    sms: { sms: { text: l.sms } },
    zalo: {
      zalo: {
        templateId: l.znsId,
        params: [
          { name: 'ten_nguoi_dan', kind: 'name', value: '{tenNguoiNop}' },
          { name: 'ma_ho_so', kind: 'code', value: code },
          { name: 'noi_dung', kind: 'text', value: l.text },
          { name: 'cta_link', kind: 'link', value: '{lienKet}' },
        ],
      },
    },
  };
}

export const DEFAULT_TEMPLATES: Readonly<
  Record<NotificationEvent, Record<NotificationChannel, TemplateBody>>
> = Object.fromEntries(
  Object.entries(LINES).map(([e, l]) => [e, templatesOf(e as NotificationEvent, l)]),
) as Record<NotificationEvent, Record<NotificationChannel, TemplateBody>>;
