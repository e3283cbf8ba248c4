import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { citizenStatusLabel, codeFromInput, DOSSIER_CODE, fileSizeText } from './citizen-format.ts';

describe('codeFromInput', () => {
  it('reads the code typed, in any case and with spaces', () => {
    assert.equal(codeFromInput(' 000.00.01.h01-260101-0001 '), '000.00.01.H01-260101-0001');
    assert.equal(codeFromInput('000.00.01.H01 - 260101 - 0001'), '000.00.01.H01-260101-0001');
  });

  it("reads the code from the slip's lookup address, as a scanner types it", () => {
    const code = codeFromInput('https://dichvucong.example.vn/tra-cuu/000.00.01.H01-260101-0001?x=1#top');
    assert.equal(code, '000.00.01.H01-260101-0001');
    assert.match(code, DOSSIER_CODE);
  });

  it('leaves nothing when nothing was typed (the lookup form says so)', () => {
    assert.equal(codeFromInput('   '), '');
    assert.equal(codeFromInput('https://x.vn/tra-cuu/'), '');
  });

  it("keeps a legacy system's code as typed: an imported dossier keeps its letters (#17)", () => {
    assert.equal(codeFromInput(' HS_2025.abc123 '), 'HS_2025.abc123');
    assert.equal(codeFromInput('https://x.vn/tra-cuu/hs-2025-000123'), 'hs-2025-000123');
  });
});

describe('citizenStatusLabel and fileSizeText', () => {
  it("speaks the applicant's words, and shows an unknown status as it is", () => {
    assert.notEqual(citizenStatusLabel(vi, 'processing'), citizenStatusLabel(en, 'processing'));
    assert.equal(citizenStatusLabel(vi, 'no-such-status'), 'no-such-status');
  });

  it('writes sizes in KB below a megabyte, never 0 KB', () => {
    assert.equal(fileSizeText(en, 10), '1 KB');
    assert.equal(fileSizeText(en, 350 * 1024), '350 KB');
    assert.equal(fileSizeText(en, 1.25 * 1024 * 1024), '1.3 MB');
  });
});
