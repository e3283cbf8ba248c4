// What stands between a draft and publishing, each problem named by its path in the draft's content
// (draft-content.ts): `timeLimits/direct/unit`, `cases/0/timeLimits/online/value`,
// `components/2/originals`, `cases/1/fees/0/channel`, `results/0/name`, `form`, `onlineLevel`.
// `error` blocks publishing (the server refuses with every one of them, PROCEDURE_DRAFT_INCOMPLETE);
// `warning` is worth completing but does not stop a desk from receiving. The editor shows the same
// list live beside each field; the import's flags can reuse it on the records it keeps as drafts.
import type { DraftContent, DraftLimit, DraftLimits } from './draft-content.ts';
import { GENERIC_FORM } from './draft-content.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  ONLINE_LEVELS,
  SUBMISSION_KINDS,
  TIME_UNITS,
  type Channel,
  type Fee,
} from './procedure.ts';

export const DRAFT_PROBLEM_CODES = [
  'no-channel',
  'time-limit-missing',
  'time-limit-none',
  'time-value-missing',
  'time-value-invalid',
  'time-unit-missing',
  'case-name-missing',
  'case-name-repeated',
  'component-none',
  'component-name-missing',
  'component-count-invalid',
  'component-count-zero',
  'component-count-unknown',
  'component-submission-invalid',
  'fee-channel-not-offered',
  'fee-amount-invalid',
  'fee-amount-missing',
  'result-none',
  'result-name-missing',
  'form-unknown',
  'online-level-invalid',
  'online-level-conflict',
  'online-level-unknown',
] as const;
export type DraftProblemCode = (typeof DRAFT_PROBLEM_CODES)[number];

export type DraftProblem = {
  path: string;
  code: DraftProblemCode;
  severity: 'error' | 'warning';
  /** Vietnamese, as the API's error details are; the web has the English by `code`. */
  message: string;
};

/** How many of the smallest unit a limit holds must be whole (working-day shares count in hours). */
const MINOR_UNITS_PER = { 'working-day': 8, 'working-hour': 1, 'calendar-day': 24, 'calendar-hour': 1 };

type Add = (path: string, code: DraftProblemCode, message: string) => void;

function checkLimit(limit: DraftLimit, path: string, add: Add, where: string): void {
  if (limit.value === null) {
    add(`${path}/value`, 'time-value-missing', `Nhập số thời hạn giải quyết ${where}`);
  } else if (!Number.isFinite(limit.value) || limit.value <= 0) {
    add(`${path}/value`, 'time-value-invalid', `Thời hạn ${where} phải là một số lớn hơn 0`);
  } else if (limit.unit !== null && !Number.isInteger(limit.value * MINOR_UNITS_PER[limit.unit])) {
    add(
      `${path}/value`,
      'time-value-invalid',
      `Thời hạn ${where} phải quy đổi được thành số giờ nguyên (1 ngày = ${MINOR_UNITS_PER[limit.unit]} giờ)`,
    );
  }
  if (limit.unit === null || !(TIME_UNITS as readonly string[]).includes(limit.unit)) {
    add(
      `${path}/unit`,
      'time-unit-missing',
      `Chọn đơn vị của thời hạn ${where} (ngày làm việc, giờ làm việc, ngày hay giờ)`,
    );
  }
}

function checkLimits(limits: DraftLimits, prefix: string, add: Add, caseName: string | null): void {
  for (const channel of CHANNELS) {
    const limit = limits[channel];
    const where = `kênh ${CHANNEL_LABELS[channel]}${caseName === null ? '' : ` (trường hợp “${caseName}”)`}`;
    if (limit) checkLimit(limit, `${prefix}timeLimits/${channel}`, add, where);
  }
}

function checkFees(fees: Fee[], prefix: string, ctx: { add: Add; channels: Channel[] }): void {
  fees.forEach((f, i) => {
    const path = `${prefix}fees/${i}`;
    if (f.channel !== null && !ctx.channels.includes(f.channel)) {
      ctx.add(
        `${path}/channel`,
        'fee-channel-not-offered',
        `Mức thu cho kênh ${CHANNEL_LABELS[f.channel]} nhưng thủ tục không thực hiện qua kênh này`,
      );
    }
    if (f.amountVnd !== null && (!Number.isInteger(f.amountVnd) || f.amountVnd < 0)) {
      ctx.add(`${path}/amountVnd`, 'fee-amount-invalid', 'Mức thu phải là số đồng nguyên, không âm');
    }
  });
}

function checkComponents(content: DraftContent, add: Add, warn: Add): void {
  if (content.components.length === 0) add('components', 'component-none', 'Thủ tục cần ít nhất một giấy tờ');
  content.components.forEach((c, i) => {
    const path = `components/${i}`;
    if (c.name.trim() === '') add(`${path}/name`, 'component-name-missing', 'Nhập tên giấy tờ');
    for (const key of ['originals', 'copies'] as const) {
      const n = c[key];
      if (n !== null && (!Number.isInteger(n) || n < 0 || n > 99)) {
        add(`${path}/${key}`, 'component-count-invalid', 'Số bản phải là số nguyên từ 0 đến 99');
      }
    }
    // The national catalogue lists notes and conditions among the papers with no original and no copy
    // (1,646 of them, NATIONAL-CATALOGUE.md): worth a look, not a reason to keep a version from citizens.
    if (c.originals === 0 && c.copies === 0) {
      warn(
        `${path}/originals`,
        'component-count-zero',
        'Không có bản chính, bản sao nào: nếu đây là giấy tờ phải nộp, hãy ghi số bản; nếu là ghi chú, có thể để nguyên',
      );
    }
    if (c.originals === null && c.copies === null) {
      warn(`${path}/originals`, 'component-count-unknown', 'Chưa có số bản chính, bản sao');
    }
    if (c.submission !== null && !(SUBMISSION_KINDS as readonly string[]).includes(c.submission)) {
      add(`${path}/submission`, 'component-submission-invalid', 'Cách nộp không hợp lệ');
    }
  });
}

function checkOnline(content: DraftContent, add: Add, warn: Add): void {
  const level = content.onlineLevel;
  const online = content.channels.includes('online');
  if (level !== null && !(ONLINE_LEVELS as readonly string[]).includes(level)) {
    add('onlineLevel', 'online-level-invalid', 'Mức độ dịch vụ công trực tuyến không hợp lệ');
  } else if (online && level === 'none') {
    add(
      'onlineLevel',
      'online-level-conflict',
      'Thủ tục nhận hồ sơ trực tuyến: chọn mức toàn trình hoặc một phần (hoặc bỏ kênh trực tuyến)',
    );
  } else if (!online && (level === 'full' || level === 'partial')) {
    add(
      'onlineLevel',
      'online-level-conflict',
      'Thủ tục không có kênh trực tuyến: mức độ phải là “Không cung cấp trực tuyến”',
    );
  } else if (online && level === null) {
    warn(
      'onlineLevel',
      'online-level-unknown',
      'Chọn mức độ dịch vụ công trực tuyến (toàn trình hay một phần)',
    );
  }
}

/**
 * Every problem of a draft's content, in the editor's order. `forms` are the form choices this draft
 * may take (the shipped forms' names; `custom` too when the draft carries one of its own); `feeDecidedBy`
 * and `noLimit` come from the parts of the record the editor does not change (fee policy, gaps).
 */
export function draftProblems(
  content: DraftContent,
  ctx: {
    forms: readonly string[];
    feeDecidedBy?: string | null;
    /** Channels whose published wording says the law sets no limit (issues.ts saysNoLimit). */
    noLimit?: readonly Channel[];
  },
): DraftProblem[] {
  const out: DraftProblem[] = [];
  const add: Add = (path, code, message) => out.push({ path, code, severity: 'error', message });
  const warn: Add = (path, code, message) => out.push({ path, code, severity: 'warning', message });

  if (content.channels.length === 0) add('channels', 'no-channel', 'Chọn ít nhất một cách thức thực hiện');
  checkLimits(content.timeLimits, '', add, null);
  content.cases.forEach((c, i) => {
    const name = c.name.trim();
    if (name === '') add(`cases/${i}/name`, 'case-name-missing', 'Nhập tên trường hợp');
    else if (content.cases.findIndex((x) => x.name.trim() === name) < i) {
      add(`cases/${i}/name`, 'case-name-repeated', `Trường hợp “${name}” đã có`);
    }
    checkLimits(c.timeLimits, `cases/${i}/`, add, name || null);
    checkFees(c.fees, `cases/${i}/`, { add, channels: content.channels });
  });
  // A dossier's due time needs a limit with a unit on its channel: the procedure's own, or every
  // case's when the desk picks a case (common/catalog/procedure.ts timeLimitFor).
  for (const channel of content.channels) {
    const byCases = content.cases.length > 0 && content.cases.every((c) => c.timeLimits[channel] !== null);
    if (content.timeLimits[channel] === null && !byCases && ctx.noLimit?.includes(channel)) {
      // The law sets none ("Không quy định"): complete as published, but no due time can be computed.
      warn(
        `timeLimits/${channel}/value`,
        'time-limit-none',
        `Kênh ${CHANNEL_LABELS[channel]}: nguồn ghi thủ tục không quy định thời hạn; chưa tính được hạn trả kết quả nên chưa tiếp nhận được qua kênh này`,
      );
    } else if (content.timeLimits[channel] === null && !byCases) {
      add(
        `timeLimits/${channel}/value`,
        'time-limit-missing',
        `Kênh ${CHANNEL_LABELS[channel]} chưa có thời hạn giải quyết: không tính được hạn trả kết quả`,
      );
    }
  }
  checkComponents(content, add, warn);
  checkFees(content.fees, '', { add, channels: content.channels });
  const allFees = [...content.fees, ...content.cases.flatMap((c) => c.fees)];
  if (ctx.feeDecidedBy && allFees.every((f) => f.amountVnd === null || f.amountVnd === 0)) {
    // A warning only: the council may well have decided "free" (e.g. death registration on time).
    warn(
      'fees',
      'fee-amount-missing',
      `Mức thu do ${ctx.feeDecidedBy} quyết định; nguồn chỉ ghi “Miễn phí” hoặc không có số tiền: nhập mức thu theo nghị quyết nếu có`,
    );
  }
  if (content.results.length === 0) add('results', 'result-none', 'Thủ tục cần ít nhất một kết quả');
  content.results.forEach((r, i) => {
    if (r.name.trim() === '') add(`results/${i}/name`, 'result-name-missing', 'Nhập tên kết quả');
  });
  if (content.form !== GENERIC_FORM && !ctx.forms.includes(content.form)) {
    add('form', 'form-unknown', 'Chọn tờ khai chung hoặc một tờ khai có sẵn');
  }
  checkOnline(content, add, warn);
  return out;
}

/** The problems that stop publishing. */
export function blockingProblems(problems: readonly DraftProblem[]): DraftProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
