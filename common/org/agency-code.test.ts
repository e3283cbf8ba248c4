import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AGENCY_CODE_MAX_LENGTH,
  AGENCY_CODE_PATTERN,
  QCVN_102_2016_PATTERN,
  QD_20_2020_PATTERN,
  agencyCodeProblem,
  parseAgencyCode,
  sameLevel1,
} from './agency-code.ts';
import { anyCandidate, digits, qcvnCode, qcvnLevel1, qd20Code } from './agency-code.test-kit.ts';

// The seed is printed; FC_SEED=<seed> replays a run (fast-check also prints seed and path on failure).
const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`agency codes: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed, numRuns: 500 });

const qcvn = new RegExp(QCVN_102_2016_PATTERN);
const qd20 = new RegExp(QD_20_2020_PATTERN);
const either = new RegExp(AGENCY_CODE_PATTERN);

test('QCVN 102:2016 codes of Hà Nội: level, parent and level-1 code', () => {
  assert.deepEqual(parseAgencyCode('000.00.00.H26'), {
    form: 'qcvn-102-2016',
    level: 1,
    parentCode: null,
    level1: 'H26',
  });
  assert.deepEqual(parseAgencyCode('000.00.22.H26'), {
    form: 'qcvn-102-2016',
    level: 2,
    parentCode: '000.00.00.H26',
    level1: 'H26',
  });
  assert.deepEqual(parseAgencyCode('000.12.22.H26'), {
    form: 'qcvn-102-2016',
    level: 3,
    parentCode: '000.00.22.H26',
    level1: 'H26',
  });
  // The ward police of docs/domain/agency-codes.md: level 4, under Công an quận.
  assert.deepEqual(parseAgencyCode('012.02.08.H26'), {
    form: 'qcvn-102-2016',
    level: 4,
    parentCode: '000.02.08.H26',
    level1: 'H26',
  });
  assert.equal(parseAgencyCode('000.00.16.G18')?.level1, 'G18');
});

test('QĐ 20/2020 codes: groups read left to right', () => {
  assert.deepEqual(parseAgencyCode('H26'), { form: 'qd-20-2020', level: 1, parentCode: null, level1: 'H26' });
  assert.deepEqual(parseAgencyCode('H26.101'), {
    form: 'qd-20-2020',
    level: 2,
    parentCode: 'H26',
    level1: 'H26',
  });
  assert.deepEqual(parseAgencyCode('H26.101.02'), {
    form: 'qd-20-2020',
    level: 3,
    parentCode: 'H26.101',
    level1: 'H26',
  });
  assert.deepEqual(parseAgencyCode('H56.14'), {
    form: 'qd-20-2020',
    level: 2,
    parentCode: 'H56',
    level1: 'H56',
  });
  // Letters in a lower group occur on the national portal (G12.18.C3); 35 characters is the limit.
  assert.equal(parseAgencyCode('G12.18.C3')?.level, 3);
  const longest = 'H26.' + '1.'.repeat(15) + '1'; // 35 characters
  assert.equal(longest.length, AGENCY_CODE_MAX_LENGTH);
  assert.equal(parseAgencyCode(longest)?.level, 17);
  assert.equal(parseAgencyCode(longest + '1'), null);
});

test('rejects malformed codes with a reason in both languages', () => {
  const cases: [string, string][] = [
    ['', 'AGENCY_CODE_EMPTY'],
    ['000.00.00.h26', 'AGENCY_CODE_LOWER_CASE'],
    ['h26.101', 'AGENCY_CODE_LOWER_CASE'],
    ['H26 .101', 'AGENCY_CODE_CHARACTERS'],
    ['H26-101', 'AGENCY_CODE_CHARACTERS'],
    ['Đ26', 'AGENCY_CODE_CHARACTERS'],
    ['H26..101', 'AGENCY_CODE_EMPTY_GROUP'],
    ['H26.', 'AGENCY_CODE_EMPTY_GROUP'],
    ['.H26', 'AGENCY_CODE_EMPTY_GROUP'],
    ['Z26.1', 'AGENCY_CODE_LEVEL1'], // M is A..Y in QĐ 20/2020
    ['H2', 'AGENCY_CODE_LEVEL1'],
    ['H261.1', 'AGENCY_CODE_LEVEL1'],
    ['HA6.1', 'AGENCY_CODE_LEVEL1'],
    ['00.00.00.H26', 'AGENCY_CODE_QCVN_SHAPE'],
    ['000.00.001.H05', 'AGENCY_CODE_QCVN_SHAPE'], // a portal group code, not a QCVN code
    ['000.00.00.H2', 'AGENCY_CODE_QCVN_SHAPE'],
    ['000.00.00.26', 'AGENCY_CODE_QCVN_SHAPE'],
    ['000.00.00.H26.1', 'AGENCY_CODE_QCVN_SHAPE'],
    ['000.12.00.H26', 'AGENCY_CODE_QCVN_GAP'],
    ['001.00.22.H26', 'AGENCY_CODE_QCVN_GAP'],
    ['001.00.00.H26', 'AGENCY_CODE_QCVN_GAP'],
    ['H26.' + '1'.repeat(32), 'AGENCY_CODE_TOO_LONG'],
  ];
  for (const [code, reason] of cases) {
    const p = agencyCodeProblem(code);
    assert.equal(p?.reason, reason, code);
    assert.ok(p.vi.length > 0 && p.en.length > 0 && p.vi !== p.en, code);
    assert.equal(parseAgencyCode(code), null, code);
    assert.equal(either.test(code), false, code);
  }
  assert.match(agencyCodeProblem('000.12.00.H26')!.en, /no parent/);
  assert.match(agencyCodeProblem('000.00.00.h26')!.vi, /chữ in hoa/);
});

test('sameLevel1 compares the level-1 body across the two forms', () => {
  assert.equal(sameLevel1('000.00.00.H26', 'H26.101'), true);
  assert.equal(sameLevel1('000.12.22.H26', 'H26'), true);
  assert.equal(sameLevel1('H26.101.02', 'H26.3'), true);
  assert.equal(sameLevel1('000.00.00.H26', '000.00.00.H56'), false);
  assert.equal(sameLevel1('H26', 'H56.14'), false);
  assert.equal(sameLevel1('H26', 'h26'), false);
  assert.equal(sameLevel1('000.12.00.H26', 'H26'), false);
});

test('property: every generated QCVN code parses, with its level and a parent one level up', () => {
  fc.assert(
    fc.property(qcvnCode, ({ level, code }) => {
      const p = parseAgencyCode(code);
      assert.ok(p);
      assert.equal(p.form, 'qcvn-102-2016');
      assert.equal(p.level, level);
      assert.equal(p.level1, code.slice(-3));
      if (level === 1) {
        assert.equal(p.parentCode, null);
      } else {
        const parent = parseAgencyCode(p.parentCode!);
        assert.ok(parent);
        assert.equal(parent.level, level - 1);
        assert.equal(parent.level1, p.level1);
        // The parent differs from the child only in the child's own (left-most non-zero) group.
        const diff = code.split('.').filter((g, i) => g !== p.parentCode!.split('.')[i]);
        assert.equal(diff.length, 1);
      }
    }),
  );
});

test('property: every generated QĐ 20/2020 code parses; its parent is the code without its last group', () => {
  fc.assert(
    fc.property(qd20Code, (code) => {
      const p = parseAgencyCode(code);
      assert.ok(p);
      assert.equal(p.form, 'qd-20-2020');
      assert.equal(p.level, code.split('.').length);
      assert.equal(p.level1, code.slice(0, 3));
      if (p.level === 1) assert.equal(p.parentCode, null);
      else {
        assert.ok(code.startsWith(p.parentCode + '.'));
        assert.equal(parseAgencyCode(p.parentCode!)?.level, p.level - 1);
      }
      assert.equal(sameLevel1(code, `000.00.00.${p.level1}`), true);
    }),
  );
});

test('property: walking up the parents ends at the level-1 body after level − 1 steps', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        qcvnCode.map((c) => c.code),
        qd20Code,
      ),
      (code) => {
        let p = parseAgencyCode(code)!;
        const level1 = p.level1;
        let steps = 0;
        while (p.parentCode !== null) {
          p = parseAgencyCode(p.parentCode)!;
          steps += 1;
        }
        assert.equal(steps, parseAgencyCode(code)!.level - 1);
        assert.equal(p.level, 1);
        assert.equal(p.level1, level1);
      },
    ),
  );
});

test('property: the exported patterns accept exactly what parseAgencyCode accepts', () => {
  fc.assert(
    fc.property(anyCandidate, (s) => {
      const p = parseAgencyCode(s);
      assert.equal(qcvn.test(s), p?.form === 'qcvn-102-2016', `QCVN pattern on ${JSON.stringify(s)}`);
      assert.equal(qd20.test(s), p?.form === 'qd-20-2020', `QĐ 20 pattern on ${JSON.stringify(s)}`);
      assert.equal(either.test(s), p !== null);
      assert.equal(agencyCodeProblem(s) === null, p !== null);
    }),
    { numRuns: 3000 },
  );
});

test('the QCVN pattern is the existing shape check plus the no-gap rule', () => {
  const shape = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
  fc.assert(
    fc.property(fc.tuple(digits(3), digits(2), digits(2), qcvnLevel1), ([v, z, y, m]) => {
      const code = `${v}.${z}.${y}.${m}`;
      assert.ok(shape.test(code));
      const gap = (y === '00' && z !== '00') || (z === '00' && v !== '000');
      assert.equal(qcvn.test(code), !gap, code);
    }),
  );
});
