// Vietnamese, the default language. Every string the web app shows lives in this dictionary and
// its English twin (en.ts); names of units and agencies are data and stay as the server sends them.
import { ROLE_LABELS } from '../../../common/auth/roles.ts';

const minutes = (n: number): string => `${n} phút`;

export const vi = {
  lang: 'vi',
  appName: 'Hệ thống thông tin một cửa điện tử',
  appShortName: 'Một cửa điện tử',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  footer: 'motcua – phần mềm nguồn mở (AGPL-3.0) cho bộ phận một cửa các cấp của tỉnh, thành phố.',
  loading: 'Đang tải…',
  language: {
    /** The button offers the other language, written in that language. */
    switchLabel: 'English',
    switchLang: 'en',
    switchHint: 'Switch to English',
  },
  nav: {
    label: 'Điều hướng chính',
    home: 'Trang chủ',
    units: 'Đơn vị hành chính',
    signIn: 'Đăng nhập',
  },
  user: {
    label: 'Người dùng đang đăng nhập',
    signOut: 'Đăng xuất',
    signingOut: 'Đang đăng xuất…',
    moreRoles: (n: number) => `và ${n} vai trò khác`,
  },
  roles: ROLE_LABELS,
  signIn: {
    title: 'Đăng nhập',
    heading: 'Đăng nhập dành cho cán bộ',
    intro: 'Dùng tài khoản do quản trị đơn vị cấp cho bạn.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    errorSummary: 'Chưa đăng nhập được',
    lockout: (n: number) =>
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${minutes(n)}.`,
    sessionEnded: 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
    signedOut: 'Bạn đã đăng xuất.',
  },
  home: {
    title: 'Trang chủ',
    greeting: (name: string) => `Xin chào, ${name}`,
    rolesIntro: 'Bạn đang làm việc với các vai trò:',
    noRoles: 'Tài khoản của bạn chưa được giao vai trò nào. Hãy liên hệ quản trị đơn vị.',
    roleAt: 'tại',
    tasksHeading: 'Công việc',
    unitsLink: 'Cây đơn vị hành chính',
    unitsLinkHint: 'Xem các đơn vị hành chính và cơ quan trong phạm vi của bạn.',
  },
  units: {
    title: 'Đơn vị hành chính',
    intro: 'Các đơn vị hành chính và cơ quan trong phạm vi của bạn.',
    treeHeading: 'Cây đơn vị hành chính',
    treeHint: 'Dùng phím mũi tên để di chuyển, mũi tên phải để mở, Enter để chọn.',
    treeEmpty: 'Không có đơn vị hành chính nào trong phạm vi của bạn.',
    loadingChildren: (name: string) => `Đang tải các đơn vị trực thuộc ${name}…`,
    loadedChildren: (name: string, n: number) => `${name}: ${n} đơn vị trực thuộc.`,
    noChildren: 'Không có đơn vị trực thuộc.',
    expand: 'Mở',
    collapse: 'Thu gọn',
    moreChildren: (shown: number, total: number) => `Đang hiển thị ${shown} trên ${total} đơn vị.`,
    searchHeading: 'Tìm đơn vị',
    searchLabel: 'Tên hoặc mã đơn vị',
    searchHint: 'Gõ có dấu hoặc không dấu, ví dụ: hang trong.',
    searching: 'Đang tìm…',
    searchResults: (n: number, total: number) =>
      total > n ? `${total} kết quả, hiển thị ${n} kết quả đầu.` : `${total} kết quả.`,
    searchNone: 'Không tìm thấy đơn vị nào phù hợp.',
    code: 'mã',
    tiers: { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' },
    selected: (name: string) => `Đã chọn ${name}.`,
  },
  agencies: {
    heading: 'Cơ quan',
    headingFor: (name: string) => `Cơ quan thuộc ${name}`,
    choose: 'Chọn một đơn vị trong cây hoặc trong kết quả tìm kiếm để xem các cơ quan của đơn vị đó.',
    caption: (name: string) => `Danh sách cơ quan thuộc ${name}`,
    name: 'Tên cơ quan',
    code: 'Mã định danh',
    kind: 'Loại cơ quan',
    parent: 'Cơ quan cấp trên',
    none: 'Đơn vị này chưa có cơ quan nào trong phạm vi của bạn.',
    count: (shown: number, total: number) =>
      total > shown ? `Hiển thị ${shown} trên ${total} cơ quan.` : `${total} cơ quan.`,
  },
  agencyKinds: {
    'people-committee': 'Ủy ban nhân dân',
    'public-administration-centre': 'Trung tâm phục vụ hành chính công',
    justice: 'Tư pháp',
    'natural-resources': 'Tài nguyên và môi trường',
    labour: 'Lao động – thương binh và xã hội',
    'finance-planning': 'Tài chính – kế hoạch',
    'urban-management': 'Quản lý đô thị, xây dựng',
    police: 'Công an',
  } as Record<string, string>,
  /** Unit types are Vietnamese data; the Vietnamese dictionary shows them as they are. */
  unitTypes: {} as Record<string, string>,
  notFound: {
    title: 'Không tìm thấy trang',
    heading: 'Không tìm thấy trang',
    body: 'Địa chỉ bạn mở không có trong hệ thống. Có thể đường dẫn đã cũ hoặc bị gõ nhầm.',
    home: 'Về trang chủ',
    signIn: 'Đến trang đăng nhập',
  },
  errors: {
    generic: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
    network: 'Không kết nối được với máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    outOfReach: 'Đơn vị này nằm ngoài phạm vi của bạn.',
    retry: 'Thử lại',
    invalidField: 'Giá trị không hợp lệ.',
    /** Used only when the server sends no message (the server writes its messages in Vietnamese). */
    byCode: {} as Record<string, string>,
    /** Field messages by validation keyword, likewise a fallback. */
    byField: {} as Record<string, string>,
  },
};

export type Messages = typeof vi;
