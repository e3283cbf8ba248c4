// What desk intake and online submission receive.
export type ApplicantInput = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string | undefined;
  address?: { unitCode: string; line: string } | undefined;
  /** Channels the applicant is told by (notifications); absent: e-mail when given, plus SMS. */
  notifyBy?: ('email' | 'sms' | 'zalo')[] | undefined;
};

export type ComponentInput = {
  code: string;
  provided: 'original' | 'copy' | 'certified-copy' | 'electronic' | 'reused';
  fileIds?: string[] | undefined;
  /** Records of the applicant's document store reused (`provided: 'reused'`); their files join fileIds. */
  documentIds?: string[] | undefined;
  /** Files kept where they were submitted (the national portal), by link. */
  links?: { name: string; url: string }[] | undefined;
  /** Pages of the paper component taken in at the counter. */
  pageCount?: number | undefined;
  /** Scanned at the counter (số hóa): its files are the scans of the paper taken in. */
  digitised?: boolean | undefined;
};

export type IntakeInput = {
  missing?: { code: string; note?: string | undefined }[] | undefined;
  procedureCode: string;
  caseCode?: string | undefined;
  agencyCode: string;
  applicant: ApplicantInput;
  formData: unknown;
  components: ComponentInput[];
  channel: 'direct' | 'postal';
  /** How the applicant asks to receive the result (recorded; the return action starts from it). */
  returnChannel?: 'counter' | 'postal' | 'online' | undefined;
  deskAgencyCode?: string | undefined;
  /** Receive and hand on at once: the next step's handler (desk intake only). */
  nextAssigneeId?: string | undefined;
};
