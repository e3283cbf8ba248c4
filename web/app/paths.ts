// The addresses of the pages. Vietnamese slugs: they are what officers see and share.
export const PATHS = {
  home: '/',
  signIn: '/dang-nhap',
  units: '/quan-tri/don-vi',
  /** Cổng dịch vụ công: procedure search, public. */
  portal: '/cong-dich-vu-cong',
  procedure: '/thu-tuc/:code',
  /** The current year's calendar; `calendar` is one year's. */
  calendarCurrent: '/lich-lam-viec',
  calendar: '/lich-lam-viec/:year',
  dueTime: '/tinh-han',
  officeHours: '/quan-tri/gio-lam-viec/:agencyCode',
  /** Staff worklists; `?ds=<list>&q=&trang=`. */
  dossiers: '/ho-so',
  /** Receiving a dossier at the desk (before `dossier`, which would match it). */
  intake: '/ho-so/tiep-nhan',
  dossier: '/ho-so/:code',
} as const;

export const procedurePath = (code: string): string => `/thu-tuc/${encodeURIComponent(code)}`;
export const calendarPath = (year: number): string => `/lich-lam-viec/${year}`;
export const officeHoursPath = (agencyCode: string): string =>
  `/quan-tri/gio-lam-viec/${encodeURIComponent(agencyCode)}`;
export const dossierPath = (code: string): string => `/ho-so/${encodeURIComponent(code)}`;
