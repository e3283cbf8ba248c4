// Internal workflows (quy trình nội bộ): the ordered steps a procedure's dossiers go through, each with
// its role, who performs it and its share of the legal time limit. The shares must add up exactly to
// the limit of the channel, so every step has a deadline and the last one is the due time.
//
// Shares are counted in hours of the limit's family: a limit in working days may be split into working
// hours at 8 working hours a day (provincial internal workflows use 0.25 and 0.5 day steps), a limit in
// calendar days into calendar hours at 24 hours a day. Working and calendar time never mix.
import { AGENCY_KINDS } from '../contracts/org.ts';
import { TIME_UNIT_LABELS, TIME_UNITS, type AgencyKind, type TimeUnit } from './procedure.ts';

export const WORKFLOW_ROLES = ['desk-officer', 'specialist', 'leader'] as const;
/** cán bộ một cửa, chuyên viên, lãnh đạo. */
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];
export const WORKFLOW_ROLE_LABELS: Readonly<Record<WorkflowRole, string>> = {
  'desk-officer': 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
};

export const PERFORMER_KINDS = [
  'receiving-agency',
  'competent-agency',
  'named-agency',
  'agency-of-kind-above',
] as const;
export type Performer =
  /** The agency whose desk received the dossier (it may differ from the competent one). */
  | { kind: 'receiving-agency' }
  /** The agency that decides (cơ quan có thẩm quyền) for the dossier's unit. */
  | { kind: 'competent-agency' }
  /** One fixed agency, by its identifier. */
  | { kind: 'named-agency'; agencyCode: string }
  /** Liên thông: the agency of this kind in the unit one level above the competent agency's unit. */
  | { kind: 'agency-of-kind-above'; agencyKind: AgencyKind };

/** An amount of time in one of the limit units. */
export type Duration = { value: number; unit: TimeUnit };

export type WorkflowStep = {
  /** Unique within the workflow: lowercase ASCII, digits, dashes (`receive`, `check-site`). */
  key: string;
  /** Vietnamese, shown on the control slip (phiếu kiểm soát). */
  name: string;
  role: WorkflowRole;
  performer: Performer;
  /** Its share of the legal time limit: a whole number of days or hours (0 allowed). */
  share: Duration;
  /** Whether this step may send the dossier back to the previous step. */
  canSendBack: boolean;
};
export type Workflow = { steps: WorkflowStep[] };

export type WorkflowProblem = { path: string; message: string };

export const WORKING_HOURS_PER_DAY = 8;
export const CALENDAR_HOURS_PER_DAY = 24;

type Family = 'working' | 'calendar';
const FAMILY: Readonly<Record<TimeUnit, Family>> = {
  'working-day': 'working',
  'working-hour': 'working',
  'calendar-day': 'calendar',
  'calendar-hour': 'calendar',
};
const HOURS_PER: Readonly<Record<TimeUnit, number>> = {
  'working-day': WORKING_HOURS_PER_DAY,
  'working-hour': 1,
  'calendar-day': CALENDAR_HOURS_PER_DAY,
  'calendar-hour': 1,
};
const HOUR_UNIT: Readonly<Record<Family, TimeUnit>> = { working: 'working-hour', calendar: 'calendar-hour' };
const DAY_UNIT: Readonly<Record<Family, TimeUnit>> = { working: 'working-day', calendar: 'calendar-day' };

/** A duration in hours of its family (working hours or calendar hours). */
export function durationHours(d: Duration): number {
  return d.value * HOURS_PER[d.unit];
}

function describeHours(hours: number, family: Family): string {
  return `${hours} ${TIME_UNIT_LABELS[HOUR_UNIT[family]]}`;
}

function describeLimit(limit: Duration): string {
  const family = FAMILY[limit.unit];
  const text = `${limit.value} ${TIME_UNIT_LABELS[limit.unit]}`;
  return HOURS_PER[limit.unit] === 1
    ? text
    : `${text} (${describeHours(durationHours(limit), family)}; 1 ${TIME_UNIT_LABELS[DAY_UNIT[family]]} = ${HOURS_PER[limit.unit]} ${TIME_UNIT_LABELS[HOUR_UNIT[family]]})`;
}

const KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

function checkPerformer(p: unknown, path: string, out: WorkflowProblem[]): void {
  if (!isRecord(p) || !oneOf(PERFORMER_KINDS, p.kind)) {
    out.push({
      path,
      message:
        'Người thực hiện phải là một trong: cơ quan tiếp nhận (receiving-agency), cơ quan có thẩm quyền (competent-agency), cơ quan chỉ định (named-agency), cơ quan cấp trên theo loại (agency-of-kind-above)',
    });
    return;
  }
  if (p.kind === 'named-agency' && (typeof p.agencyCode !== 'string' || p.agencyCode.trim() === '')) {
    out.push({ path: `${path}/agencyCode`, message: 'Cần chọn cơ quan thực hiện bước này (mã cơ quan)' });
  }
  if (p.kind === 'agency-of-kind-above' && !oneOf(AGENCY_KINDS, p.agencyKind)) {
    out.push({
      path: `${path}/agencyKind`,
      message: `Loại cơ quan cấp trên phải là một trong: ${AGENCY_KINDS.join(', ')}`,
    });
  }
}

/**
 * Every problem of a workflow against the legal time limit of one channel (paths like `steps/2/share`).
 * An empty list means the workflow can be used. `limit` is the procedure's (or case's) TimeLimit: null
 * or unit-less limits are reported, as the shares cannot be checked against them.
 */
export function validateWorkflow(
  workflow: unknown,
  limit: { value: number; unit: TimeUnit | null; text?: string } | null,
): WorkflowProblem[] {
  const out: WorkflowProblem[] = [];
  let limitHours: number | null = null;
  let family: Family | null = null;
  if (limit === null) {
    out.push({
      path: 'limit',
      message: 'Thủ tục chưa có thời hạn giải quyết cho kênh này: không thể chia thời gian cho các bước',
    });
  } else if (limit.unit === null) {
    out.push({
      path: 'limit',
      message: `Thời hạn giải quyết “${limit.text ?? limit.value}” chưa có đơn vị: cần xác định đơn vị (ngày làm việc, ngày, giờ) trước khi chia thời gian cho các bước`,
    });
  } else if (
    !(limit.value > 0) ||
    !Number.isInteger(durationHours({ value: limit.value, unit: limit.unit }))
  ) {
    out.push({
      path: 'limit',
      message: `Thời hạn giải quyết phải là số dương quy đổi được thành số giờ nguyên (đang là ${limit.value} ${TIME_UNIT_LABELS[limit.unit]})`,
    });
  } else {
    family = FAMILY[limit.unit];
    limitHours = durationHours({ value: limit.value, unit: limit.unit });
  }

  if (!isRecord(workflow) || !Array.isArray(workflow.steps)) {
    out.push({ path: 'steps', message: 'Quy trình phải có danh sách các bước' });
    return out;
  }
  const steps: unknown[] = workflow.steps;
  if (steps.length === 0) {
    out.push({ path: 'steps', message: 'Quy trình phải có ít nhất một bước' });
    return out;
  }

  const keys = new Map<string, number>();
  let sumHours = 0;
  let sharesComparable = family !== null;
  steps.forEach((step, i) => {
    const path = `steps/${i}`;
    if (!isRecord(step)) {
      out.push({ path, message: 'Mỗi bước phải là một đối tượng' });
      sharesComparable = false;
      return;
    }
    if (typeof step.key !== 'string' || !KEY_PATTERN.test(step.key)) {
      out.push({
        path: `${path}/key`,
        message: 'Mã bước phải bắt đầu bằng chữ thường và chỉ gồm chữ thường không dấu, số, dấu gạch ngang',
      });
    } else if (keys.has(step.key)) {
      out.push({
        path: `${path}/key`,
        message: `Mã bước “${step.key}” trùng với bước thứ ${(keys.get(step.key) ?? 0) + 1}`,
      });
    } else {
      keys.set(step.key, i);
    }
    if (typeof step.name !== 'string' || step.name.trim() === '') {
      out.push({ path: `${path}/name`, message: 'Tên bước là bắt buộc' });
    } else if (step.name.length > 200) {
      out.push({ path: `${path}/name`, message: 'Tên bước không được dài quá 200 ký tự' });
    }
    if (!oneOf(WORKFLOW_ROLES, step.role)) {
      out.push({
        path: `${path}/role`,
        message:
          'Vai trò phải là một trong: cán bộ một cửa (desk-officer), chuyên viên (specialist), lãnh đạo (leader)',
      });
    }
    checkPerformer(step.performer, `${path}/performer`, out);
    if (typeof step.canSendBack !== 'boolean') {
      out.push({
        path: `${path}/canSendBack`,
        message: 'Cần chọn bước có được trả lại bước trước hay không',
      });
    } else if (i === 0 && step.canSendBack) {
      out.push({ path: `${path}/canSendBack`, message: 'Bước đầu tiên không có bước trước để trả lại' });
    }

    const share = step.share;
    if (!isRecord(share) || !oneOf(TIME_UNITS, share.unit)) {
      out.push({
        path: `${path}/share`,
        message: 'Thời gian của bước phải có số và đơn vị (ngày làm việc, giờ làm việc, ngày, giờ)',
      });
      sharesComparable = false;
      return;
    }
    if (typeof share.value !== 'number' || !Number.isInteger(share.value) || share.value < 0) {
      out.push({
        path: `${path}/share/value`,
        message: `Thời gian của bước phải là số nguyên không âm (${TIME_UNIT_LABELS[share.unit]}); dùng giờ cho phần lẻ ngày`,
      });
      sharesComparable = false;
      return;
    }
    if (family !== null && FAMILY[share.unit] !== family) {
      out.push({
        path: `${path}/share/unit`,
        message:
          family === 'working'
            ? `Thời hạn tính theo thời gian làm việc: thời gian của bước phải tính bằng ngày làm việc hoặc giờ làm việc (1 ngày làm việc = ${WORKING_HOURS_PER_DAY} giờ làm việc), không dùng “${TIME_UNIT_LABELS[share.unit]}”`
            : `Thời hạn tính theo ngày lịch: thời gian của bước phải tính bằng ngày hoặc giờ (1 ngày = ${CALENDAR_HOURS_PER_DAY} giờ), không dùng “${TIME_UNIT_LABELS[share.unit]}”`,
      });
      sharesComparable = false;
      return;
    }
    sumHours += durationHours({ value: share.value, unit: share.unit });
  });

  // ND 118/2025 Điều 17 (reception) and Điều 22 (returning results): the one-stop desk receives the
  // dossier and hands back the result, so the workflow opens and closes with a desk-officer step.
  const first = steps[0];
  const last = steps.at(-1);
  if (isRecord(first) && oneOf(WORKFLOW_ROLES, first.role) && first.role !== 'desk-officer') {
    out.push({
      path: 'steps/0/role',
      message: 'Bước đầu tiên (tiếp nhận hồ sơ) do cán bộ một cửa thực hiện',
    });
  }
  if (isRecord(first) && isRecord(first.performer) && oneOf(PERFORMER_KINDS, first.performer.kind)) {
    if (first.performer.kind !== 'receiving-agency') {
      out.push({
        path: 'steps/0/performer',
        message: 'Bước đầu tiên (tiếp nhận hồ sơ) do cơ quan tiếp nhận hồ sơ thực hiện',
      });
    }
  }
  if (isRecord(last) && oneOf(WORKFLOW_ROLES, last.role) && last.role !== 'desk-officer') {
    out.push({
      path: `steps/${steps.length - 1}/role`,
      message: 'Bước cuối cùng (trả kết quả) do cán bộ một cửa thực hiện',
    });
  }

  if (sharesComparable && family !== null && limitHours !== null && sumHours !== limitHours && limit?.unit) {
    const diff = limitHours - sumHours;
    out.push({
      path: 'steps',
      message: `Tổng thời gian của các bước (${describeHours(sumHours, family)}) phải bằng đúng thời hạn giải quyết ${describeLimit({ value: limit.value, unit: limit.unit })}: ${diff > 0 ? 'còn thiếu' : 'thừa'} ${describeHours(Math.abs(diff), family)}`,
    });
  }
  return out;
}

/** Expresses whole hours in the limit's day unit when they make whole days, else in hours. */
function shareOf(hours: number, limitUnit: TimeUnit): Duration {
  const family = FAMILY[limitUnit];
  const perDay = HOURS_PER[DAY_UNIT[family]];
  if (HOURS_PER[limitUnit] !== 1 && hours % perDay === 0)
    return { value: hours / perDay, unit: DAY_UNIT[family] };
  return { value: hours, unit: HOUR_UNIT[family] };
}

/**
 * Receive → process → approve → return, with shares that add up exactly to the limit: counted in
 * whole hours, about 5% to receive, 15% to approve, 5% to return (at least one hour each once the
 * limit has four hours) and the rest to process. Throws RangeError for a limit that is not a positive
 * whole number of hours.
 */
export function defaultWorkflow(limit: Duration): Workflow {
  const total = durationHours(limit);
  if (!(total > 0) || !Number.isInteger(total)) {
    throw new RangeError(
      `time limit must be a positive whole number of hours, got ${limit.value} ${limit.unit}`,
    );
  }
  let receive = 0;
  let approve = Math.floor(total / 2);
  let giveBack = 0;
  if (total >= 4) {
    receive = Math.max(1, Math.floor(total / 20));
    giveBack = Math.max(1, Math.floor(total / 20));
    approve = Math.max(1, Math.floor((total * 3) / 20));
  }
  const process = total - receive - approve - giveBack;
  const step = (s: Omit<WorkflowStep, 'share'>, hours: number): WorkflowStep => ({
    key: s.key,
    name: s.name,
    role: s.role,
    performer: s.performer,
    share: shareOf(hours, limit.unit),
    canSendBack: s.canSendBack,
  });
  return {
    steps: [
      step(
        {
          key: 'receive',
          name: 'Tiếp nhận hồ sơ',
          role: 'desk-officer',
          performer: { kind: 'receiving-agency' },
          canSendBack: false,
        },
        receive,
      ),
      step(
        {
          key: 'process',
          name: 'Thẩm định, xử lý hồ sơ',
          role: 'specialist',
          performer: { kind: 'competent-agency' },
          canSendBack: true,
        },
        process,
      ),
      step(
        {
          key: 'approve',
          name: 'Phê duyệt, ký kết quả',
          role: 'leader',
          performer: { kind: 'competent-agency' },
          canSendBack: true,
        },
        approve,
      ),
      step(
        {
          key: 'return',
          name: 'Trả kết quả',
          role: 'desk-officer',
          performer: { kind: 'receiving-agency' },
          canSendBack: false,
        },
        giveBack,
      ),
    ],
  };
}
