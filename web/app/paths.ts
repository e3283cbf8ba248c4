// The addresses of the pages. Vietnamese slugs: they are what officers see and share. The builders
// below fill a pattern's parameters (routes.ts buildPath), typed from the pattern itself.
import { buildPath } from './routes.ts';

export const PATHS = {
  home: '/',
  signIn: '/dang-nhap',
  /** Changing one's own password; the only page open after an administrator's reset (#14). */
  changePassword: '/doi-mat-khau',
  /** The officer's own choice of being told of what lands in their worklist (#18). */
  worklistMail: '/tai-khoan/thong-bao-cong-viec',
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
  /** The desk's tracking book for a period, as PDF or spreadsheet (before `dossier` too). */
  trackingBook: '/ho-so/so-theo-doi',
  dossier: '/ho-so/:code',
  /** The leader's overview of their units; `?thang=YYYY-MM&co-quan=<agencyCode>`. */
  reports: '/bao-cao',
  /** Biểu II.06a (II.06b by level); `?tu=&den=&co-quan=&nhom=&ban-do=&qua-han=&rut=` (ii06a-model.ts). */
  reportIi06a: '/bao-cao/ii06a',
  /** The dossiers behind one figure of II.06a: the report's parameters with `&dong=<row>&cot=<column>&trang=`. */
  reportIi06aDossiers: '/bao-cao/ii06a/ho-so',
  /** The adoption monitor: agencies not using the system, explanation requests; `?tu=&den=&co-quan=`. */
  adoption: '/bao-cao/su-dung-he-thong',
  /** The KPIs against the province's targets; `?tu=&den=&co-quan=`. */
  reportKpis: '/bao-cao/chi-tieu',
  /** The Decision 766 index; `?tu=&den=&co-quan=`. */
  report766: '/bao-cao/chi-so-766',
  /** The dossiers (or procedures) behind a report's figure; `?nguon=<API list>&ve=<report page>`. */
  reportDrill: '/bao-cao/ho-so',
  /** The administrators' starting page: staff, catalogue, office hours, calendar, units. */
  admin: '/quan-tri',
  /** Staff accounts and their roles (quản lý cán bộ). */
  staff: '/quan-tri/can-bo',
  /** Dossiers fetched from the national portal that did not enter intake (held, rejected). */
  syncInbound: '/quan-tri/ho-so-cong-dvcqg',
  syncStatus: '/quan-tri/dong-bo-dvcqg',
  /** Notifications to applicants (#18): the province's channels and message templates. */
  notificationAdmin: '/quan-tri/thong-bao',
  /** Reorganisations (#16.3): a merge planned, previewed and applied; hand-overs acknowledged. */
  reorganisations: '/quan-tri/sap-xep-don-vi',
  /** The agency registry: agencies, their codes and receiving points; the import of a province's codes. */
  agencyRegistry: '/quan-tri/co-quan',
  /** Dossiers imported from the system being replaced (#17); `?lan=<import id>` shows one run. */
  dossierImports: '/quan-tri/nhap-ho-so',
  /** The catalogue for administrators: procedures, their versions and workflows. */
  catalogAdmin: '/quan-tri/thu-tuc',
  procedureAdmin: '/quan-tri/thu-tuc/:code',
  /** One version's internal workflow; `?kenh=<channel>&coQuan=<agencyCode>` (none: province-wide). */
  workflowEditor: '/quan-tri/thu-tuc/:code/quy-trinh/:version',
  /** The catalogue editor: one version's content (a draft is edited, others are read). */
  draftEditor: '/quan-tri/thu-tuc/:code/noi-dung/:version',
  /** The citizen side of the portal: sign-in failures (`?loi=<code>`), applying, "my dossiers". */
  citizenSignIn: '/cong-dich-vu-cong/dang-nhap',
  apply: '/cong-dich-vu-cong/nop-ho-so/:code',
  myDossiers: '/cong-dich-vu-cong/ho-so-cua-toi',
  myDossier: '/cong-dich-vu-cong/ho-so-cua-toi/:code',
  /** The citizen's document store (kho dữ liệu): their electronic results, to download and reuse. */
  myDocuments: '/cong-dich-vu-cong/giay-to-cua-toi',
  /** Public lookup by dossier code; `/tra-cuu/<code>` is what the slips' QR codes open. */
  lookup: '/tra-cuu',
  lookupCode: '/tra-cuu/:code',
  kiosk: '/kiosk',
  /** The public verification of a signed document; `?ma=<token>` is what a signed result's QR code opens (#19). */
  verify: '/xac-thuc',
  /** The public dashboard: a province's month by agency; `?tinh=01&thang=2026-11`. */
  publicDashboard: '/cong-dich-vu-cong/so-lieu',
  /** Phản ánh, kiến nghị (#18): sending one, following it by code, the answers published. */
  feedbackSend: '/cong-dich-vu-cong/gui-phan-anh-kien-nghi',
  /** The answers published (`?q=&trang=`). */
  feedbackPublished: '/cong-dich-vu-cong/phan-anh-kien-nghi',
  feedbackLookup: '/cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi',
  feedbackLookupCode: '/cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi/:code',
  /** The staff's register of feedback (`?trang-thai=&han=&q=&trang=`), recording one, one record. */
  feedbackRegister: '/phan-anh-kien-nghi',
  feedbackRecord: '/phan-anh-kien-nghi/ghi-nhan',
  feedbackSettings: '/phan-anh-kien-nghi/thoi-han',
  feedbackItem: '/phan-anh-kien-nghi/:code',
  /** The feedback report (Decision 766 "PAKN đúng hạn", "hài lòng với việc xử lý PAKN"). */
  reportFeedback: '/bao-cao/phan-anh-kien-nghi',
} as const;

export const procedurePath = (code: string): string => buildPath(PATHS.procedure, { code });
export const calendarPath = (year: number): string => buildPath(PATHS.calendar, { year: String(year) });
export const officeHoursPath = (agencyCode: string): string => buildPath(PATHS.officeHours, { agencyCode });
export const dossierPath = (code: string): string => buildPath(PATHS.dossier, { code });
export const procedureAdminPath = (code: string): string => buildPath(PATHS.procedureAdmin, { code });
export const draftEditorPath = (code: string, version: number): string =>
  buildPath(PATHS.draftEditor, { code, version: String(version) });
export const workflowEditorPath = (
  code: string,
  version: number,
  scope: { channel: string; agencyCode: string | null },
): string => {
  const query = new URLSearchParams({ kenh: scope.channel });
  if (scope.agencyCode) query.set('coQuan', scope.agencyCode);
  return `${buildPath(PATHS.workflowEditor, { code, version: String(version) })}?${query.toString()}`;
};
export const applyPath = (code: string): string => buildPath(PATHS.apply, { code });
export const myDossierPath = (code: string): string => buildPath(PATHS.myDossier, { code });
export const lookupPath = (code: string): string => buildPath(PATHS.lookupCode, { code });
export const feedbackLookupPath = (code: string): string => buildPath(PATHS.feedbackLookupCode, { code });
export const feedbackItemPath = (code: string): string => buildPath(PATHS.feedbackItem, { code });
