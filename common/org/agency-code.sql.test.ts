// The exported patterns are meant for SQL CHECK constraints: PostgreSQL's regular expressions (advanced
// REs) must read them as JavaScript does. An in-memory PGlite (PostgreSQL compiled to WASM, the embedded
// driver) answers `~` for generated strings; no database of the project is involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PGlite } from '@electric-sql/pglite';
import {
  AGENCY_CODE_PATTERN,
  QCVN_102_2016_PATTERN,
  QD_20_2020_PATTERN,
  parseAgencyCode,
} from './agency-code.ts';
import { anyCandidate } from './agency-code.test-kit.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`agency code patterns in SQL: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

test('PostgreSQL reads the patterns as parseAgencyCode does', async () => {
  const samples = [
    '000.00.00.H26',
    '000.12.22.H26',
    '000.12.00.H26',
    'H26',
    'H26.101.02',
    'Z26.1',
    'H26.' + '1.'.repeat(15) + '1',
    'H26.' + '1.'.repeat(15) + '12',
    ...fc.sample(anyCandidate, { seed, numRuns: 4000 }),
  ].filter((s) => !s.includes('\u0000')); // text cannot hold NUL
  const pg = new PGlite();
  try {
    const { rows } = await pg.query<{ s: string; qcvn: boolean; qd20: boolean; any: boolean }>(
      'SELECT s, s ~ $1 AS qcvn, s ~ $2 AS qd20, s ~ $3 AS any FROM unnest($4::text[]) AS s',
      [QCVN_102_2016_PATTERN, QD_20_2020_PATTERN, AGENCY_CODE_PATTERN, samples],
    );
    assert.equal(rows.length, samples.length);
    let accepted = 0;
    for (const r of rows) {
      const p = parseAgencyCode(r.s);
      assert.equal(r.qcvn, p?.form === 'qcvn-102-2016', `QCVN pattern on ${JSON.stringify(r.s)}`);
      assert.equal(r.qd20, p?.form === 'qd-20-2020', `QĐ 20 pattern on ${JSON.stringify(r.s)}`);
      assert.equal(r.any, p !== null, `either pattern on ${JSON.stringify(r.s)}`);
      if (p) accepted += 1;
    }
    // The sample holds both valid and invalid codes in numbers.
    assert.ok(accepted > 500 && samples.length - accepted > 500, `${accepted} of ${samples.length} accepted`);
    // A CHECK written with the pattern as a literal behaves the same.
    await pg.exec(
      `CREATE TABLE t (code text CHECK (code ~ '${AGENCY_CODE_PATTERN.replaceAll("'", "''")}'));` +
        `INSERT INTO t VALUES ('000.12.22.H26'), ('H26.101.02');`,
    );
    await assert.rejects(pg.exec(`INSERT INTO t VALUES ('000.12.00.H26')`), /check constraint/);
  } finally {
    await pg.close();
  }
});
