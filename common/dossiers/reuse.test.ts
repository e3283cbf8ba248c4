import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseDocument,
  intakeComponents,
  isApplicantIdNumber,
  keepListed,
  MAX_REUSED_PER_COMPONENT,
  onlineComponents,
  slotProvided,
  type ReuseChoices,
} from './reuse.ts';

const files: Record<string, string[]> = {
  TP2: ['7f0c2d4e-1111-4a6b-8c9d-000000000002'],
  TP3: ['7f0c2d4e-1111-4a6b-8c9d-000000000003'],
};
const fileIdsOf = (code: string) => files[code] ?? [];
const slots = [{ code: 'TP1' }, { code: 'TP2' }, { code: 'TP3' }, { code: 'TP4' }];

describe('online components', () => {
  it('sends a slot with chosen records as reused, citing them, and files alone as electronic', () => {
    const choices: ReuseChoices = { TP4: ['12', '9'] };
    assert.deepEqual(onlineComponents(slots, fileIdsOf, choices, 'person'), [
      { code: 'TP2', fileIds: files.TP2 },
      { code: 'TP3', fileIds: files.TP3 },
      { code: 'TP4', provided: 'reused', documentIds: ['12', '9'] },
    ]);
  });

  it('keeps the files uploaded beside the records of the same slot', () => {
    assert.deepEqual(onlineComponents(slots, fileIdsOf, { TP3: ['12'] }, 'person'), [
      { code: 'TP2', fileIds: files.TP2 },
      { code: 'TP3', provided: 'reused', documentIds: ['12'], fileIds: files.TP3 },
    ]);
  });

  it('does not cite records for an organisation (a citizen reuses only their own)', () => {
    assert.deepEqual(onlineComponents(slots, fileIdsOf, { TP1: ['12'], TP3: ['13'] }, 'organisation'), [
      { code: 'TP2', fileIds: files.TP2 },
      { code: 'TP3', fileIds: files.TP3 },
    ]);
  });

  it('counts a slot as provided by a record alone, but not for an organisation', () => {
    assert.equal(slotProvided('TP1', fileIdsOf, { TP1: ['12'] }, 'person'), true);
    assert.equal(slotProvided('TP1', fileIdsOf, { TP1: ['12'] }, 'organisation'), false);
    assert.equal(slotProvided('TP1', fileIdsOf, {}, 'person'), false);
    assert.equal(slotProvided('TP2', fileIdsOf, {}, 'organisation'), true);
  });
});

describe('intake components', () => {
  it('cites the chosen records only on components marked reused', () => {
    const marks = ['original', 'reused', '', 'missing', 'reused', 'copy'] as const;
    assert.deepEqual(intakeComponents(marks, { TP2: ['5'], TP3: ['6'], TP6: ['7'] }), [
      { code: 'TP1', provided: 'original' },
      { code: 'TP2', provided: 'reused', documentIds: ['5'] },
      { code: 'TP5', provided: 'reused' },
      { code: 'TP6', provided: 'copy' },
    ]);
  });
});

describe('choosing records', () => {
  it('adds and removes in the order chosen, and drops a component left without records', () => {
    let c: ReuseChoices = {};
    c = chooseDocument(c, 'TP1', '3', true);
    c = chooseDocument(c, 'TP1', '1', true);
    c = chooseDocument(c, 'TP1', '3', true);
    c = chooseDocument(c, 'TP2', '3', true);
    assert.deepEqual(c, { TP1: ['3', '1'], TP2: ['3'] });
    c = chooseDocument(c, 'TP1', '3', false);
    c = chooseDocument(c, 'TP2', '3', false);
    assert.deepEqual(c, { TP1: ['1'] });
  });

  it('ignores a choice beyond the limit', () => {
    let c: ReuseChoices = {};
    for (let i = 1; i <= MAX_REUSED_PER_COMPONENT + 1; i++) c = chooseDocument(c, 'TP1', String(i), true);
    assert.equal(c.TP1?.length, MAX_REUSED_PER_COMPONENT);
    assert.ok(!c.TP1?.includes(String(MAX_REUSED_PER_COMPONENT + 1)));
  });

  it('keeps only records still listed', () => {
    assert.deepEqual(keepListed({ TP1: ['1', '2'], TP2: ['3'] }, ['2']), { TP1: ['2'] });
  });
});

describe('applicant numbers that can be looked up', () => {
  it('takes 12 digits or a tax code, spaces ignored', () => {
    for (const ok of ['001190012345', '001 190 012 345', '0101234567', '0101234567-001'])
      assert.ok(isApplicantIdNumber(ok), ok);
    for (const bad of ['', '12345', '00119001234', '0011900123456', '0101234567-01', 'abcdefghijkl'])
      assert.ok(!isApplicantIdNumber(bad), bad);
  });
});
