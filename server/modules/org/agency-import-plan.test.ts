import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AGENCY_IMPORT_MAX_ROWS,
  planAgencyImport,
  type AgencyImportPlan,
  type AgencyImportRow,
  type RegistryAgency,
} from './agency-import-plan.ts';
import { readAgencyCsv } from './agency-import.ts';
import { HANOI, hanoiOptions } from './agency-import.test-fixtures.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`agency import plan: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed, numRuns: 1000 });

const nameOf = (code: string): string => HANOI.find((a) => a.code === code)!.name;

/** Rows from [code, name, extras]; lines from 2 (after the header). */
function rows(...specs: [string, string, Partial<AgencyImportRow>?][]): AgencyImportRow[] {
  return specs.map(([code, name, extra], i) => ({
    line: i + 2,
    code,
    name,
    parentCode: null,
    level: null,
    oldCode: null,
    ...extra,
  }));
}

const summary = (plan: AgencyImportPlan) => plan.items.map((i) => [i.code, i.outcome, i.changes.join('+')]);
const problemsOf = (plan: AgencyImportPlan) => plan.problems.map((p) => [p.path, p.code]);

describe('planAgencyImport: outcomes', () => {
  it('legacy codes of Hà Nội: unchanged, rename, create, move', () => {
    const plan = planAgencyImport(
      rows(
        ['000.00.00.H26', nameOf('000.00.00.H26'), { level: 1 }],
        // Spelling in a different case, with stray white space: a rename.
        ['000.00.22.H26', '  Ủy ban nhân dân  quận Hoàn Kiếm ', { parentCode: '000.00.00.H26', level: 2 }],
        ['000.12.22.H26', nameOf('000.12.22.H26'), { parentCode: '000.00.22.H26', level: 3 }],
        ['000.13.22.H26', 'Ủy ban nhân dân Phường Tràng Tiền', { parentCode: '000.00.22.H26' }],
        ['000.00.30.H26', 'Ban Quản lý dự án đầu tư xây dựng'],
      ),
      HANOI,
      hanoiOptions,
    );
    assert.ok(plan.ok, JSON.stringify(plan.problems));
    assert.deepEqual(summary(plan), [
      ['000.00.00.H26', 'unchanged', ''],
      ['000.00.22.H26', 'rename', 'name'],
      ['000.12.22.H26', 'unchanged', ''],
      ['000.13.22.H26', 'create', ''],
      ['000.00.30.H26', 'move', 'parent+name'],
    ]);
    assert.deepEqual(plan.totals, { create: 1, recode: 0, move: 1, rename: 1, unchanged: 2, error: 0 });
    const rename = plan.items[1]!;
    assert.equal(rename.agencyId, '4');
    assert.equal(rename.name, 'Ủy ban nhân dân quận Hoàn Kiếm');
    assert.equal(rename.current?.name, 'Ủy ban nhân dân Quận Hoàn Kiếm');
    assert.deepEqual(
      [plan.items[3]!.agencyId, plan.items[3]!.level, plan.items[3]!.parentCode],
      [null, 3, '000.00.22.H26'],
    );
    assert.deepEqual(plan.items[4]!.current?.parentCode, '000.00.02.H26');
    assert.equal(plan.items[4]!.parentCode, '000.00.00.H26');
  });

  it('re-coding Hà Nội to the QĐ 20/2020 form keeps every agency and its parent', () => {
    const plan = planAgencyImport(
      rows(
        ['H26', nameOf('000.00.00.H26'), { oldCode: '000.00.00.H26', level: 1 }],
        ['H26.101', 'Trung tâm Phục vụ hành chính công', { oldCode: '000.00.01.H26', parentCode: 'H26' }],
        ['H26.16', nameOf('000.00.02.H26'), { oldCode: '000.00.02.H26' }],
        ['H26.201', nameOf('000.00.22.H26'), { oldCode: '000.00.22.H26' }],
        ['H26.201.12', nameOf('000.12.22.H26'), { oldCode: '000.12.22.H26', level: 3 }],
        ['H26.201.13', 'Ủy ban nhân dân Phường Tràng Tiền'],
      ),
      HANOI,
      hanoiOptions,
    );
    assert.ok(plan.ok, JSON.stringify(plan.problems));
    assert.deepEqual(summary(plan), [
      ['H26', 'recode', 'code'],
      ['H26.101', 'recode', 'code+name'],
      ['H26.16', 'recode', 'code'],
      ['H26.201', 'recode', 'code'],
      ['H26.201.12', 'recode', 'code'],
      ['H26.201.13', 'create', ''],
    ]);
    assert.deepEqual(
      plan.items.map((i) => i.agencyId),
      ['1', '2', '3', '4', '5', null],
    );
    assert.deepEqual(plan.totals, { create: 1, recode: 5, move: 0, rename: 0, unchanged: 0, error: 0 });
  });

  it('a re-code that also changes the parent agency says so', () => {
    // Phường Hàng Trống re-coded under the service centre, not under its district.
    const plan = planAgencyImport(
      rows(
        ['H26', nameOf('000.00.00.H26'), { oldCode: '000.00.00.H26' }],
        ['H26.101', nameOf('000.00.01.H26'), { oldCode: '000.00.01.H26' }],
        ['H26.101.02', nameOf('000.12.22.H26'), { oldCode: '000.12.22.H26' }],
      ),
      HANOI,
      hanoiOptions,
    );
    assert.ok(plan.ok, JSON.stringify(plan.problems));
    assert.deepEqual(summary(plan)[2], ['H26.101.02', 'recode', 'code+parent']);
  });

  it('a row whose old code is its code is not a re-code', () => {
    const plan = planAgencyImport(
      rows(['000.00.02.H26', nameOf('000.00.02.H26'), { oldCode: '000.00.02.H26' }]),
      HANOI,
      hanoiOptions,
    );
    assert.deepEqual(summary(plan), [['000.00.02.H26', 'unchanged', '']]);
  });
});

describe('planAgencyImport: errors name every failing field', () => {
  it('each kind of error on its own row', () => {
    const plan = planAgencyImport(
      rows(
        ['000.00.00.H26', nameOf('000.00.00.H26')], // 0: fine
        ['H26..16', 'Sở Tư pháp'], // 1: invalid form
        ['000.00.02.H26', nameOf('000.00.02.H26'), { level: 3 }], // 2: level column disagrees
        ['H26.300.01', 'Chi cục'], // 3: parent neither in the file nor known
        ['000.12.22.H26', nameOf('000.12.22.H26'), { parentCode: '000.00.00.H26' }], // 4: parent one level too high
        ['000.12.22.H26', nameOf('000.12.22.H26'), { parentCode: '000.00.81.H26' }], // 5: parent not in the code (and duplicate)
        ['000.00.01.H26', 'Phòng', { oldCode: '000.81.22.H26' }], // 6: code of another agency
        ['H56.14', 'Sở Tư pháp Thanh Hóa'], // 7: another province
        ['000.00.23.H26', 'Ủy ban nhân dân Quận Ba Đình'], // 8: a closed code
        ['000.00.81.H26', 'Phòng', { oldCode: '000.00.99.H26' }], // 9: unknown old code
        ['000.14.22.H26', '   '], // 10: no name
        ['000.00.00.H26', 'x', { level: 0, parentCode: 'H26' }], // 11: level-1 with a parent, duplicate
      ),
      HANOI,
      hanoiOptions,
    );
    assert.equal(plan.ok, false);
    assert.deepEqual(problemsOf(plan), [
      ['rows[0].code', 'AGENCY_CODE_DUPLICATE'],
      ['rows[1].code', 'AGENCY_CODE_EMPTY_GROUP'],
      ['rows[2].level', 'AGENCY_LEVEL_MISMATCH'],
      ['rows[3].code', 'AGENCY_PARENT_MISSING'],
      ['rows[4].parentCode', 'AGENCY_PARENT_LEVEL'],
      ['rows[4].code', 'AGENCY_CODE_DUPLICATE'],
      ['rows[5].parentCode', 'AGENCY_PARENT_NOT_IN_CODE'],
      ['rows[5].code', 'AGENCY_CODE_DUPLICATE'],
      ['rows[6].code', 'AGENCY_CODE_TAKEN'],
      ['rows[7].code', 'AGENCY_CODE_OTHER_PROVINCE'],
      ['rows[7].code', 'AGENCY_PARENT_MISSING'],
      ['rows[8].code', 'AGENCY_CODE_CLOSED'],
      ['rows[9].oldCode', 'AGENCY_OLD_CODE_UNKNOWN'],
      ['rows[10].name', 'AGENCY_NAME_EMPTY'],
      ['rows[11].level', 'AGENCY_LEVEL_MISMATCH'],
      ['rows[11].parentCode', 'AGENCY_PARENT_LEVEL'],
      ['rows[11].code', 'AGENCY_CODE_DUPLICATE'],
    ]);
    assert.deepEqual(
      plan.items.map((i) => i.outcome),
      [
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
        'error',
      ],
    );
    assert.deepEqual(plan.totals, { create: 0, recode: 0, move: 0, rename: 0, unchanged: 0, error: 12 });
    // Lines and both languages; the duplicate names the other lines.
    const dup = plan.problems[0]!;
    assert.deepEqual([dup.row, dup.line], [0, 2]);
    assert.match(dup.message, /lặp lại ở dòng 13/);
    assert.match(dup.en, /repeated on line\(s\) 13/);
    assert.match(plan.items[4]!.problems[0]!.en, /level-3 body sits under a level-2 body/);
    assert.match(plan.items[7]!.problems[0]!.message, /không phải H26/);
  });

  it('one agency named by two rows, and a parent re-coded away from its child', () => {
    const plan = planAgencyImport(
      rows(
        ['000.00.02.H26', nameOf('000.00.02.H26')], // keeps agency 3 …
        ['H26.16', nameOf('000.00.02.H26'), { oldCode: '000.00.02.H26' }], // … which this row re-codes
        ['H26.201', nameOf('000.00.22.H26'), { oldCode: '000.00.22.H26' }],
        ['000.81.22.H26', 'Phòng Tư pháp Quận Hoàn Kiếm'], // its parent 000.00.22.H26 becomes H26.201
      ),
      HANOI,
      hanoiOptions,
    );
    assert.deepEqual(problemsOf(plan), [
      ['rows[0].code', 'AGENCY_TARGETED_TWICE'],
      ['rows[1].oldCode', 'AGENCY_TARGETED_TWICE'],
      ['rows[1].code', 'AGENCY_PARENT_MISSING'], // H26 is in neither the list nor the registry
      ['rows[2].code', 'AGENCY_PARENT_MISSING'],
      ['rows[3].code', 'AGENCY_PARENT_RECODED'],
    ]);
    assert.match(plan.items[3]!.problems[0]!.en, /takes the code H26\.201 on line 4/);
  });

  it('an old code repeated, and an old code of a closed agency', () => {
    const plan = planAgencyImport(
      rows(
        ['000.00.00.H26', nameOf('000.00.00.H26')],
        ['000.00.40.H26', 'A', { oldCode: '000.00.02.H26' }],
        ['000.00.41.H26', 'B', { oldCode: '000.00.02.H26' }],
        ['000.00.42.H26', 'C', { oldCode: '000.00.23.H26' }],
      ),
      HANOI,
      hanoiOptions,
    );
    assert.deepEqual(problemsOf(plan), [
      ['rows[1].oldCode', 'AGENCY_OLD_CODE_DUPLICATE'],
      ['rows[2].oldCode', 'AGENCY_OLD_CODE_DUPLICATE'],
      ['rows[3].oldCode', 'AGENCY_OLD_CODE_CLOSED'],
    ]);
  });

  it('a closed agency is still current on its last day', () => {
    const onLastDay = { ...hanoiOptions, asOf: '2025-06-30' };
    const row = rows(['000.01.23.H26', 'Ủy ban nhân dân Phường Phúc Xá']);
    assert.deepEqual(summary(planAgencyImport(row, HANOI, onLastDay)), [['000.01.23.H26', 'create', '']]);
    assert.deepEqual(problemsOf(planAgencyImport(row, HANOI, hanoiOptions)), [
      ['rows[0].code', 'AGENCY_PARENT_CLOSED'],
    ]);
  });

  it('an empty list and one over 20,000 rows are refused as a whole', () => {
    assert.deepEqual(problemsOf(planAgencyImport([], HANOI, hanoiOptions)), [
      ['rows', 'AGENCY_IMPORT_EMPTY'],
    ]);
    const many = Array.from(
      { length: AGENCY_IMPORT_MAX_ROWS + 1 },
      (_, i) => rows([`H26.${i + 1}`, 'x'])[0]!,
    );
    const plan = planAgencyImport(many, HANOI, hanoiOptions);
    assert.deepEqual(problemsOf(plan), [['rows', 'AGENCY_IMPORT_TOO_MANY_ROWS']]);
    assert.equal(plan.items.length, 0);
    assert.equal(plan.ok, false);
  });

  it('20,000 rows plan in linear time (a guard, loose for busy machines: about 0.3 s when idle)', () => {
    const many = [
      rows(['H26', 'UBND', { oldCode: '000.00.00.H26' }])[0]!,
      ...Array.from({ length: AGENCY_IMPORT_MAX_ROWS - 1 }, (_, i) => ({
        ...rows([`H26.${(i % 99) + 1}.${Math.floor(i / 99) + 1}`, `Cơ quan ${i}`])[0]!,
        line: i + 3,
      })),
    ];
    for (let p = 1; p <= 99; p += 1) many[p] = { ...many[p]!, code: `H26.${p}` }; // the parents
    const started = performance.now();
    const plan = planAgencyImport(many, HANOI, hanoiOptions);
    const ms = performance.now() - started;
    assert.ok(plan.ok, JSON.stringify(plan.problems.slice(0, 3)));
    assert.equal(plan.totals.create, AGENCY_IMPORT_MAX_ROWS - 1);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('rejects options that are not a level-1 code and a date', () => {
    assert.throws(() => planAgencyImport([], HANOI, { provinceLevel1: '000.00.00.H26', asOf: '2025-08-01' }));
    assert.throws(() => planAgencyImport([], HANOI, { provinceLevel1: 'H26', asOf: '01/08/2025' }));
  });
});

describe('an import fixed and planned again', () => {
  it('one bad row blocks the whole plan; fixed, the same file plans cleanly', () => {
    const csv = (sởCode: string) =>
      '\uFEFFMã định danh;Tên cơ quan;Mã cơ quan cấp trên;Cấp;Mã cũ\r\n' +
      'H26;Ủy ban nhân dân Thành phố Hà Nội;;1;000.00.00.H26\r\n' +
      `${sởCode};Sở Tư pháp Thành phố Hà Nội;H26;2;000.00.02.H26\r\n` +
      'H26.101;Trung tâm Phục vụ hành chính công Thành phố Hà Nội;H26;2;000.00.01.H26\r\n';
    const first = readAgencyCsv(new TextEncoder().encode(csv('H26.16.')));
    assert.ok(first.ok);
    const bad = planAgencyImport(first.rows, HANOI, { ...hanoiOptions, readProblems: first.problems });
    assert.equal(bad.ok, false);
    assert.deepEqual(problemsOf(bad), [['rows[1].code', 'AGENCY_CODE_EMPTY_GROUP']]);
    assert.equal(bad.problems[0]!.line, 3);
    // The other rows are planned as they would go, but nothing is applied while one row fails.
    assert.deepEqual(bad.totals, { create: 0, recode: 2, move: 0, rename: 0, unchanged: 0, error: 1 });

    const fixed = readAgencyCsv(new TextEncoder().encode(csv('H26.16')));
    assert.ok(fixed.ok);
    const good = planAgencyImport(fixed.rows, HANOI, { ...hanoiOptions, readProblems: fixed.problems });
    assert.ok(good.ok);
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.totals, { create: 0, recode: 3, move: 0, rename: 0, unchanged: 0, error: 0 });
  });
});

// ── Properties ──────────────────────────────────────────────────────────────────────────────────

// Rows drawn from a small pool, so that codes, parents and old codes meet: some plans fail, many pass.
const CODES = [
  '000.00.00.H26',
  '000.00.01.H26',
  '000.00.22.H26',
  '000.12.22.H26',
  '000.13.22.H26',
  '000.82.22.H26',
  '000.00.40.H26',
  '000.00.23.H26',
  '000.00.30.H26',
  'H26',
  'H26.101',
  'H26.201',
  'H26.201.12',
  'H56.14',
  '000.12.00.H26',
];
const NAMES = [...HANOI.map((a) => a.name), 'Cơ quan mới', ''];
/** Mostly null: an optional column is usually empty. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: arb, weight: 1 });
const rowArb = fc.record({
  code: fc.constantFrom(...CODES),
  name: fc.oneof(
    { arbitrary: fc.constantFrom(...NAMES.slice(0, -1)), weight: 9 },
    { arbitrary: fc.constant(''), weight: 1 },
  ),
  parentCode: rarely(fc.constantFrom(...CODES)),
  level: rarely(fc.integer({ min: 1, max: 4 })),
  oldCode: rarely(fc.constantFrom(...HANOI.map((a) => a.code), '000.00.99.H26')),
});
const rowsArb = fc
  .array(rowArb, { minLength: 1, maxLength: 5 })
  .map((rs) => rs.map((r, i): AgencyImportRow => ({ line: i + 2, ...r })));

/** What applying an ok plan would leave: agencies by identity, parents re-linked by the new codes. */
function apply(plan: AgencyImportPlan, registry: readonly RegistryAgency[]): RegistryAgency[] {
  const byId = new Map(registry.map((a) => [a.agencyId, { ...a }]));
  const parentId = new Map(
    registry.map((a) => [a.agencyId, registry.find((p) => p.code === a.parentCode)?.agencyId ?? null]),
  );
  for (const it of plan.items) {
    const id = it.agencyId ?? `new-${it.row}`;
    byId.set(id, { agencyId: id, code: it.code, name: it.name, parentCode: null, validTo: null });
  }
  const idOfCode = new Map([...byId.values()].map((a) => [a.code, a.agencyId]));
  for (const it of plan.items) {
    parentId.set(
      it.agencyId ?? `new-${it.row}`,
      it.parentCode === null ? null : idOfCode.get(it.parentCode)!,
    );
  }
  return [...byId.values()].map((a) => {
    const p = parentId.get(a.agencyId);
    return { ...a, parentCode: p ? byId.get(p)!.code : null };
  });
}

describe('planAgencyImport: properties', () => {
  it('the same input gives the same plan, whatever the order of the registry', () => {
    fc.assert(
      fc.property(rowsArb, fc.shuffledSubarray(HANOI, { minLength: HANOI.length }), (rs, shuffled) => {
        const plan = planAgencyImport(rs, HANOI, hanoiOptions);
        assert.deepEqual(planAgencyImport(rs, shuffled, hanoiOptions), plan);
        assert.deepEqual(planAgencyImport(structuredClone(rs), HANOI, hanoiOptions), plan);
      }),
    );
  });

  it('totals count the items; errors are exactly the items with problems; ok iff no problem', () => {
    fc.assert(
      fc.property(rowsArb, (rs) => {
        const plan = planAgencyImport(rs, HANOI, hanoiOptions);
        assert.equal(plan.items.length, rs.length);
        assert.equal(
          Object.values(plan.totals).reduce((a, b) => a + b, 0),
          rs.length,
        );
        for (const it of plan.items) {
          assert.equal(it.outcome === 'error', it.problems.length > 0);
          for (const p of it.problems) {
            assert.equal(p.row, it.row);
            assert.equal(p.line, rs[it.row]!.line);
            assert.match(p.path, new RegExp(`^rows\\[${it.row}\\]\\.(code|name|parentCode|level|oldCode)$`));
          }
        }
        assert.equal(plan.ok, plan.totals.error === 0);
        assert.deepEqual(
          plan.problems,
          plan.items.flatMap((i) => i.problems),
        );
      }),
    );
  });

  it('an ok plan, applied, plans again as all unchanged', () => {
    let applied = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(rowsArb, (rs) => {
        const plan = planAgencyImport(rs, HANOI, hanoiOptions);
        if (!plan.ok) return;
        applied += 1;
        for (const it of plan.items) seen.add(it.outcome);
        const after = apply(plan, HANOI);
        const again = planAgencyImport(
          rs.map((r) => ({ ...r, oldCode: null })),
          after,
          hanoiOptions,
        );
        assert.ok(again.ok, JSON.stringify(again.problems));
        assert.deepEqual(
          again.items.map((i) => i.outcome),
          rs.map(() => 'unchanged'),
        );
        assert.deepEqual(
          again.items.map((i) => i.agencyId),
          plan.items.map((i) => i.agencyId ?? `new-${i.row}`),
        );
      }),
    );
    console.log(`${applied} of 1000 generated plans were ok and applied`);
    assert.ok(applied > 50, `only ${applied} generated plans were ok`);
    assert.deepEqual([...seen].sort(), ['create', 'move', 'recode', 'rename', 'unchanged']);
  });
});
