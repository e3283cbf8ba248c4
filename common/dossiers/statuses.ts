// Dossier statuses (trạng thái hồ sơ): the ten codes of the national portal's TrangThaiHoSo, so portal
// sync and national reports speak one vocabulary (legal-notes §1.1). Staff also see the current workflow
// step; the supplement stage and the open payment request refine statuses 5 and 6 (see lifecycle.ts).

export const DOSSIER_STATUS_KEYS = [
  'submitted',
  'received',
  'refused',
  'processing',
  'awaiting-supplement',
  'awaiting-payment',
  'withdrawn',
  'stopped',
  'result-ready',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUS_KEYS)[number];

/**
 * What the legal clock does while a dossier is in a status. `awaiting-supplement` before acceptance
 * (the `pre-receipt` stage) has no clock to pause yet: the status says `paused`, the dossier's
 * `clock.startedAt` is still null.
 */
export const CLOCK_STATES = ['not-started', 'running', 'paused', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type DossierStatusInfo = {
  /** TrangThaiHoSo code on the national portal. */
  code: number;
  /** The national label, shown to staff. */
  label: string;
  /** What the applicant reads on the portal, the kiosk and in notifications. */
  citizenLabel: string;
  englishLabel: string;
  clock: ClockState;
  /** No action is accepted any more. */
  terminal: boolean;
};

export const DOSSIER_STATUSES: Readonly<Record<DossierStatus, DossierStatusInfo>> = {
  submitted: {
    code: 1,
    label: 'Mới đăng ký, chờ tiếp nhận',
    citizenLabel: 'Đã nộp, đang chờ tiếp nhận',
    englishLabel: 'Submitted, awaiting receipt',
    clock: 'not-started',
    terminal: false,
  },
  received: {
    code: 2,
    label: 'Đã tiếp nhận',
    citizenLabel: 'Đã được tiếp nhận',
    englishLabel: 'Received',
    clock: 'running',
    terminal: false,
  },
  refused: {
    code: 3,
    label: 'Từ chối tiếp nhận',
    citizenLabel: 'Không được tiếp nhận',
    englishLabel: 'Refused at intake',
    clock: 'not-started',
    terminal: true,
  },
  processing: {
    code: 4,
    label: 'Đang xử lý',
    citizenLabel: 'Đang giải quyết',
    englishLabel: 'Processing',
    clock: 'running',
    terminal: false,
  },
  'awaiting-supplement': {
    code: 5,
    label: 'Chờ bổ sung',
    citizenLabel: 'Cần bổ sung, hoàn thiện hồ sơ',
    englishLabel: 'Awaiting supplement',
    clock: 'paused',
    terminal: false,
  },
  'awaiting-payment': {
    code: 6,
    label: 'Chờ thực hiện nghĩa vụ tài chính',
    citizenLabel: 'Chờ nộp thuế, phí, lệ phí',
    englishLabel: 'Awaiting payment of financial obligations',
    clock: 'paused',
    terminal: false,
  },
  withdrawn: {
    code: 7,
    label: 'Dừng thực hiện theo đề nghị (rút hồ sơ)',
    citizenLabel: 'Đã rút hồ sơ',
    englishLabel: 'Withdrawn at the applicant’s request',
    clock: 'stopped',
    terminal: true,
  },
  stopped: {
    code: 8,
    label: 'Dừng xử lý',
    citizenLabel: 'Đã dừng giải quyết',
    englishLabel: 'Stopped',
    clock: 'stopped',
    terminal: true,
  },
  'result-ready': {
    code: 9,
    label: 'Đã xử lý xong, chờ trả kết quả',
    citizenLabel: 'Đã có kết quả, chờ nhận',
    englishLabel: 'Result ready to return',
    clock: 'stopped',
    terminal: false,
  },
  returned: {
    code: 10,
    label: 'Đã trả kết quả',
    citizenLabel: 'Đã nhận kết quả',
    englishLabel: 'Result returned',
    clock: 'stopped',
    terminal: true,
  },
};

export const TERMINAL_STATUSES: readonly DossierStatus[] = DOSSIER_STATUS_KEYS.filter(
  (s) => DOSSIER_STATUSES[s].terminal,
);

export function isTerminalStatus(status: DossierStatus): boolean {
  return DOSSIER_STATUSES[status].terminal;
}

/** The status of a national TrangThaiHoSo code, or null for a code outside 1–10. */
export function dossierStatusOfCode(code: number): DossierStatus | null {
  return DOSSIER_STATUS_KEYS.find((s) => DOSSIER_STATUSES[s].code === code) ?? null;
}
