// The plan of an import of a province's electronic agency codes (mã định danh điện tử, QĐ 20/2020/QĐ-TTg;
// legacy QCVN 102:2016/BTTTT): what each row of the uploaded list would do to the agencies known today,
// and every reason it cannot. Pure and deterministic (same rows, registry and options → same plan); it
// changes nothing, and a plan with any problem is not to be applied at all (ok: false), so an import is
// never half done. Reading the file is agency-import.ts.
import { agencyCodeProblem, parseAgencyCode } from '../../../common/org/agency-code.ts';

/** QĐ 20/2020/QĐ-TTg Điều 4: 35 characters hold at most 17 groups, so at most 17 levels. */
export const AGENCY_MAX_LEVEL = 17;

/** A problem of the file or of one of its rows. `message` is Vietnamese (what the envelope carries), `en` English. */
export type ImportProblem = {
  /** The failing field: `file`, `header`, `rows`, or `rows[3].code` (index into the rows, from 0). */
  path: string;
  /** Index of the row, or null for a problem of the whole file. */
  row: number | null;
  /** Line of the file (CSV) or row of the sheet (XLSX) a person can look up, or null. */
  line: number | null;
  code: string;
  message: string;
  en: string;
};

/** One row of the list as read. Text is trimmed; an empty optional cell is null. */
export type AgencyImportRow = {
  line: number;
  code: string;
  name: string;
  parentCode: string | null;
  /** The level column (cấp), when the file has one and the cell is filled. */
  level: number | null;
  /** "Mã cũ": this row re-codes the agency that has this code today. */
  oldCode: string | null;
};

/** An agency known today (in the database). */
export type RegistryAgency = {
  agencyId: string;
  code: string;
  name: string;
  parentCode: string | null;
  /** Last day the agency exists (inclusive, YYYY-MM-DD), or null while it is current. */
  validTo: string | null;
};

export type AgencyPlanOptions = {
  /** The province's level-1 code, e.g. `H26` (Hà Nội): every code of the list must be under it. */
  provinceLevel1: string;
  /** The day (YYYY-MM-DD, Vietnam) at which an agency counts as current: validTo null or ≥ asOf. */
  asOf: string;
  /** Problems found while reading the rows (agency-import.ts); each makes its row an error. */
  readProblems?: readonly ImportProblem[];
};

export const AGENCY_PLAN_OUTCOMES = ['create', 'recode', 'move', 'rename', 'unchanged', 'error'] as const;
export type AgencyPlanOutcome = (typeof AGENCY_PLAN_OUTCOMES)[number];
export type AgencyChange = 'code' | 'parent' | 'name';

export type AgencyPlanItem = {
  row: number;
  line: number;
  code: string;
  name: string;
  /** Level and parent read from the code; null when the code is not valid. */
  level: number | null;
  parentCode: string | null;
  /**
   * `recode` when the code changes, else `move` when the parent agency changes, else `rename` when the
   * name changes; `changes` lists every change (a re-coded agency may also be renamed).
   */
  outcome: AgencyPlanOutcome;
  /** The existing agency the row is about, or null for a new one. */
  agencyId: string | null;
  /** That agency as it is today. */
  current: { code: string; name: string; parentCode: string | null } | null;
  changes: AgencyChange[];
  problems: ImportProblem[];
};

export type AgencyImportPlan = {
  /** No problem anywhere: the plan may be applied, as a whole. */
  ok: boolean;
  items: AgencyPlanItem[];
  totals: Record<AgencyPlanOutcome, number>;
  /** Every problem: the list's own, then each row's in row order. */
  problems: ImportProblem[];
};

export const AGENCY_IMPORT_MAX_ROWS = 20_000;
export const AGENCY_NAME_MAX_LENGTH = 500;

/** NFC, trimmed, inner white space as one space: a name copied from a spreadsheet compares as typed. */
export function normaliseAgencyName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const lines = (ls: number[]): string => [...new Set(ls)].sort((a, b) => a - b).join(', ');

type Field = 'code' | 'name' | 'parentCode' | 'level' | 'oldCode';

type RowState = {
  row: AgencyImportRow;
  index: number;
  code: string;
  name: string;
  parsed: ReturnType<typeof parseAgencyCode>;
  /** The parent the code implies; null at level 1 or when the code is invalid. */
  parentCode: string | null;
  oldCode: string | null;
  target: RegistryAgency | null;
  problems: ImportProblem[];
};

function addProblem(s: RowState, field: Field, code: string, text: { vi: string; en: string }): void {
  s.problems.push({
    path: `rows[${s.index}].${field}`,
    row: s.index,
    line: s.row.line,
    code,
    message: text.vi,
    en: text.en,
  });
}

function emptyTotals(): Record<AgencyPlanOutcome, number> {
  return { create: 0, recode: 0, move: 0, rename: 0, unchanged: 0, error: 0 };
}

function checkOptions(options: AgencyPlanOptions): void {
  if (!/^[A-Z][0-9]{2}$/.test(options.provinceLevel1)) {
    throw new Error(`provinceLevel1 must be a level-1 code such as H26, not ${options.provinceLevel1}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    throw new Error(`asOf must be a date YYYY-MM-DD, not ${options.asOf}`);
  }
}

// The row on its own: the code, the name, the level and parent columns, the province.
function checkFields(s: RowState, provinceLevel1: string): void {
  const { row, parsed } = s;
  const codeProblem = agencyCodeProblem(s.code);
  if (codeProblem) addProblem(s, 'code', codeProblem.reason, codeProblem);
  if (s.name === '') {
    addProblem(s, 'name', 'AGENCY_NAME_EMPTY', {
      vi: 'Chưa có tên cơ quan.',
      en: 'The agency name is empty.',
    });
  } else if (s.name.length > AGENCY_NAME_MAX_LENGTH) {
    addProblem(s, 'name', 'AGENCY_NAME_TOO_LONG', {
      vi: `Tên cơ quan dài ${s.name.length} ký tự, tối đa ${AGENCY_NAME_MAX_LENGTH}.`,
      en: `The agency name has ${s.name.length} characters, at most ${AGENCY_NAME_MAX_LENGTH}.`,
    });
  }
  if (!parsed) return;
  if (parsed.level1 !== provinceLevel1) {
    addProblem(s, 'code', 'AGENCY_CODE_OTHER_PROVINCE', {
      vi: `Mã ${s.code} thuộc mã cấp 1 ${parsed.level1}, không phải ${provinceLevel1} của tỉnh, thành phố này.`,
      en: `${s.code} is under level-1 code ${parsed.level1}, not this province's ${provinceLevel1}.`,
    });
  }
  if (row.level !== null && row.level !== parsed.level) {
    addProblem(s, 'level', 'AGENCY_LEVEL_MISMATCH', {
      vi: `Cột cấp ghi cấp ${row.level} nhưng mã ${s.code} là mã cấp ${parsed.level}.`,
      en: `The level column says ${row.level} but ${s.code} is a level-${parsed.level} code.`,
    });
  }
  const given = row.parentCode;
  if (given === null) return;
  const givenProblem = agencyCodeProblem(given);
  const givenParsed = parseAgencyCode(given);
  if (givenProblem || !givenParsed) {
    addProblem(s, 'parentCode', 'AGENCY_PARENT_INVALID', {
      vi: `Mã cơ quan cấp trên không hợp lệ: ${givenProblem?.vi ?? ''}`,
      en: `The parent code is not valid: ${givenProblem?.en ?? ''}`,
    });
  } else if (parsed.level === 1) {
    addProblem(s, 'parentCode', 'AGENCY_PARENT_LEVEL', {
      vi: `${s.code} là cơ quan cấp 1: không có cơ quan cấp trên trong tỉnh, bỏ trống cột mã cấp trên.`,
      en: `${s.code} is a level-1 body: it has no parent here; leave the parent column empty.`,
    });
  } else if (givenParsed.level !== parsed.level - 1) {
    addProblem(s, 'parentCode', 'AGENCY_PARENT_LEVEL', {
      vi: `Cơ quan cấp trên ${given} là cấp ${givenParsed.level}, cơ quan cấp ${parsed.level} phải trực thuộc cơ quan cấp ${parsed.level - 1}.`,
      en: `The parent ${given} is level ${givenParsed.level}; a level-${parsed.level} body sits under a level-${parsed.level - 1} body.`,
    });
  } else if (given !== parsed.parentCode) {
    // QĐ 20/2020 Điều 4 k3 (and the QCVN groups): a body's code is built on its parent's code.
    addProblem(s, 'parentCode', 'AGENCY_PARENT_NOT_IN_CODE', {
      vi: `Mã ${s.code} cho biết cơ quan cấp trên là ${parsed.parentCode}, không phải ${given}.`,
      en: `${s.code} says its parent is ${parsed.parentCode}, not ${given}.`,
    });
  }
}

function checkDuplicates(states: RowState[], key: 'code' | 'oldCode'): void {
  const at = new Map<string, RowState[]>();
  for (const s of states) {
    const k = s[key];
    if (!k) continue;
    const group = at.get(k);
    if (group) group.push(s);
    else at.set(k, [s]);
  }
  for (const [k, group] of at) {
    if (group.length < 2) continue;
    for (const s of group) {
      const others = lines(group.filter((o) => o !== s).map((o) => o.row.line));
      addProblem(
        s,
        key,
        key === 'code' ? 'AGENCY_CODE_DUPLICATE' : 'AGENCY_OLD_CODE_DUPLICATE',
        key === 'code'
          ? { vi: `Mã ${k} lặp lại ở dòng ${others}.`, en: `Code ${k} is repeated on line(s) ${others}.` }
          : {
              vi: `Mã cũ ${k} lặp lại ở dòng ${others}: một cơ quan chỉ đổi sang một mã.`,
              en: `Old code ${k} is repeated on line(s) ${others}: an agency takes one new code.`,
            },
      );
    }
  }
}

type Registry = {
  byCode: Map<string, RegistryAgency>;
  current: (a: RegistryAgency) => boolean;
};

// Which existing agency a row is about: the one with its old code, else the one with its code.
function resolveTarget(s: RowState, reg: Registry): void {
  if (s.oldCode !== null) {
    const old = reg.byCode.get(s.oldCode);
    if (!old) {
      addProblem(s, 'oldCode', 'AGENCY_OLD_CODE_UNKNOWN', {
        vi: `Không có cơ quan nào đang mang mã cũ ${s.oldCode}.`,
        en: `No agency has the old code ${s.oldCode}.`,
      });
      return;
    }
    if (!reg.current(old)) {
      addProblem(s, 'oldCode', 'AGENCY_OLD_CODE_CLOSED', {
        vi: `Cơ quan mang mã cũ ${s.oldCode} đã đóng mã (đến ngày ${old.validTo}).`,
        en: `The agency with the old code ${s.oldCode} was closed (last day ${old.validTo}).`,
      });
      return;
    }
    s.target = old;
  }
  const holder = s.code === '' ? undefined : reg.byCode.get(s.code);
  if (!holder || holder === s.target) return;
  if (!reg.current(holder)) {
    // Dossier codes embed the agency code (TT 01/2018; legal-notes §3.2): a closed code stays closed.
    addProblem(s, 'code', 'AGENCY_CODE_CLOSED', {
      vi: `Mã ${s.code} là mã của cơ quan "${holder.name}" đã đóng (đến ngày ${holder.validTo}); không cấp lại mã đã đóng.`,
      en: `${s.code} belonged to "${holder.name}", closed (last day ${holder.validTo}); a closed code is not given again.`,
    });
  } else if (s.target) {
    addProblem(s, 'code', 'AGENCY_CODE_TAKEN', {
      vi: `Mã ${s.code} đang là mã của cơ quan khác ("${holder.name}").`,
      en: `${s.code} is the code of another agency ("${holder.name}").`,
    });
  } else {
    s.target = holder;
  }
}

function checkTargetedOnce(states: RowState[]): void {
  const by = new Map<string, RowState[]>();
  for (const s of states) {
    if (!s.target) continue;
    const group = by.get(s.target.agencyId);
    if (group) group.push(s);
    else by.set(s.target.agencyId, [s]);
  }
  for (const group of by.values()) {
    for (const s of group) {
      // Rows with the same code or the same old code already have their own problem.
      const clash = group.filter((o) => o.code !== s.code && (o.oldCode === null || o.oldCode !== s.oldCode));
      if (clash.length === 0) continue;
      const others = lines(clash.map((o) => o.row.line));
      const a = s.target!;
      addProblem(s, s.oldCode !== null ? 'oldCode' : 'code', 'AGENCY_TARGETED_TWICE', {
        vi: `Cơ quan "${a.name}" (mã hiện tại ${a.code}) cũng được nêu ở dòng ${others}: mỗi cơ quan một dòng.`,
        en: `Agency "${a.name}" (code today ${a.code}) is also named on line(s) ${others}: one row per agency.`,
      });
    }
  }
}

// The parent agency's identity: an existing agency's id, or the row that creates it.
function resolveParent(s: RowState, fileByCode: Map<string, RowState>, reg: Registry): string | null {
  const p = s.parentCode;
  if (p === null) return null;
  const field: Field = s.row.parentCode !== null ? 'parentCode' : 'code';
  const inFile = fileByCode.get(p);
  if (inFile) return inFile.target ? `agency:${inFile.target.agencyId}` : `row:${inFile.index}`;
  const holder = reg.byCode.get(p);
  if (holder && reg.current(holder)) {
    return `agency:${holder.agencyId}`;
  }
  addProblem(s, field, holder ? 'AGENCY_PARENT_CLOSED' : 'AGENCY_PARENT_MISSING', {
    vi: holder
      ? `Cơ quan cấp trên ${p} đã đóng mã (đến ngày ${holder.validTo}).`
      : `Không có cơ quan cấp trên ${p}, trong danh sách cũng như trong hệ thống.`,
    en: holder
      ? `The parent ${p} was closed (last day ${holder.validTo}).`
      : `The parent ${p} is neither in the list nor among the agencies known today.`,
  });
  return null;
}

/**
 * What importing `rows` would do to the agencies of `registry`: for each row `create`, `recode`,
 * `move`, `rename`, `unchanged` or `error` (with every failing field), and the totals. Rows keep
 * their order. The registry holds every agency known today, closed ones included.
 */
export function planAgencyImport(
  rows: readonly AgencyImportRow[],
  registry: readonly RegistryAgency[],
  options: AgencyPlanOptions,
): AgencyImportPlan {
  checkOptions(options);
  const totals = emptyTotals();
  if (rows.length === 0 || rows.length > AGENCY_IMPORT_MAX_ROWS) {
    const many = rows.length > AGENCY_IMPORT_MAX_ROWS;
    const problem: ImportProblem = {
      path: 'rows',
      row: null,
      line: null,
      code: many ? 'AGENCY_IMPORT_TOO_MANY_ROWS' : 'AGENCY_IMPORT_EMPTY',
      message: many
        ? `Danh sách có ${rows.length} dòng, tối đa ${AGENCY_IMPORT_MAX_ROWS}.`
        : 'Danh sách không có dòng nào.',
      en: many
        ? `The list has ${rows.length} rows, at most ${AGENCY_IMPORT_MAX_ROWS}.`
        : 'The list has no rows.',
    };
    return { ok: false, items: [], totals, problems: [problem] };
  }

  const byCode = new Map<string, RegistryAgency>();
  for (const a of registry) if (!byCode.has(a.code)) byCode.set(a.code, a);
  const reg: Registry = { byCode, current: (a) => a.validTo === null || a.validTo >= options.asOf };

  const readProblemsOf = new Map<number, ImportProblem[]>();
  for (const p of options.readProblems ?? []) {
    if (p.row !== null) readProblemsOf.set(p.row, [...(readProblemsOf.get(p.row) ?? []), p]);
  }
  const states: RowState[] = rows.map((row, index) => {
    const code = row.code.trim();
    const parsed = parseAgencyCode(code);
    return {
      row,
      index,
      code,
      name: normaliseAgencyName(row.name),
      parsed,
      parentCode: parsed?.parentCode ?? null,
      oldCode: row.oldCode?.trim() || null,
      target: null,
      problems: [...(readProblemsOf.get(index) ?? [])],
    };
  });
  for (const s of states) checkFields(s, options.provinceLevel1);
  checkDuplicates(states, 'code');
  checkDuplicates(states, 'oldCode');
  for (const s of states) resolveTarget(s, reg);
  checkTargetedOnce(states);

  const fileByCode = new Map<string, RowState>();
  for (const s of states) if (s.parsed && !fileByCode.has(s.code)) fileByCode.set(s.code, s);
  const parentOf = states.map((s) => resolveParent(s, fileByCode, reg));
  // A parent re-coded by the list: the child's code still names the old one.
  const recoderOf = new Map<string, RowState>();
  for (const s of states) if (s.target && s.target.code !== s.code) recoderOf.set(s.target.agencyId, s);
  for (const s of states) {
    const p = s.parentCode;
    const holder = p === null || fileByCode.has(p) ? undefined : reg.byCode.get(p);
    const recoder = holder && recoderOf.get(holder.agencyId);
    if (recoder) {
      addProblem(s, s.row.parentCode !== null ? 'parentCode' : 'code', 'AGENCY_PARENT_RECODED', {
        vi: `Cơ quan cấp trên ${p} đổi sang mã ${recoder.code} ở dòng ${recoder.row.line}: mã của cơ quan này cũng phải đổi theo.`,
        en: `The parent ${p} takes the code ${recoder.code} on line ${recoder.row.line}: this agency's code must change with it.`,
      });
    }
  }

  const items = states.map((s, i): AgencyPlanItem => {
    const a = s.target;
    const changes: AgencyChange[] = [];
    if (a && s.problems.length === 0) {
      if (a.code !== s.code) changes.push('code');
      const parentHolder = a.parentCode === null ? undefined : byCode.get(a.parentCode);
      const parentNow =
        a.parentCode === null
          ? null
          : parentHolder
            ? `agency:${parentHolder.agencyId}`
            : `code:${a.parentCode}`;
      if (parentNow !== parentOf[i]) changes.push('parent');
      if (normaliseAgencyName(a.name) !== s.name) changes.push('name');
    }
    const outcome: AgencyPlanOutcome =
      s.problems.length > 0
        ? 'error'
        : !a
          ? 'create'
          : changes.includes('code')
            ? 'recode'
            : changes.includes('parent')
              ? 'move'
              : changes.includes('name')
                ? 'rename'
                : 'unchanged';
    totals[outcome] += 1;
    return {
      row: s.index,
      line: s.row.line,
      code: s.code,
      name: s.name,
      level: s.parsed?.level ?? null,
      parentCode: s.parentCode,
      outcome,
      agencyId: a?.agencyId ?? null,
      current: a ? { code: a.code, name: a.name, parentCode: a.parentCode } : null,
      changes,
      problems: s.problems,
    };
  });
  const problems = [
    ...(options.readProblems ?? []).filter((p) => p.row === null),
    ...items.flatMap((it) => it.problems),
  ];
  return { ok: problems.length === 0, items, totals, problems };
}
