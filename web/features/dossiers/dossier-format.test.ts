import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import {
  actionLabel,
  applicantFacts,
  isDossierCode,
  legacySummaryOf,
  personWithRoles,
  previewKind,
  remainingLabel,
  statusChange,
  statusLabel,
} from './dossier-format.ts';

describe('dossier names', () => {
  it('knows a code a dossier may carry: its own, or a legacy one kept on import', () => {
    assert.equal(isDossierCode('000.12.22.H26-261120-0001'), true);
    assert.equal(isDossierCode('HS_2025.000123'), true);
    assert.equal(isDossierCode('../etc'), false);
    assert.equal(isDossierCode('.hidden'), false);
    assert.equal(isDossierCode('HS 2025/000124'), false);
    assert.equal(isDossierCode('x'.repeat(101)), false);
  });

  it('names statuses in the interface language, and an unknown one by itself', () => {
    assert.equal(statusLabel(vi, 'received'), 'Đã tiếp nhận');
    assert.notEqual(statusLabel(en, 'received'), 'Đã tiếp nhận');
    assert.equal(statusLabel(vi, 'no-such-status'), 'no-such-status');
  });

  it('names actions and status changes', () => {
    assert.equal(actionLabel(vi, 'no-such-action'), 'no-such-action');
    assert.equal(actionLabel(vi, 'accept'), 'Tiếp nhận hồ sơ');
    assert.equal(actionLabel(en, 'accept', 'Tiếp nhận hồ sơ'), 'Receive the dossier');
    assert.equal(statusChange(vi, 'received', 'received'), 'Đã tiếp nhận');
    assert.match(statusChange(vi, 'received', 'returned'), /^Đã tiếp nhận → /);
  });

  it('#14 says the working time left or late in the interface language', () => {
    const left = { overdue: false, workingMinutes: 1140, days: 2, hours: 3, minutes: 0 };
    assert.equal(remainingLabel(vi, left), 'Còn 2 ngày 3 giờ làm việc');
    assert.equal(remainingLabel(en, left), '2 working days 3 hours left');
    const late = { overdue: true, workingMinutes: -480, days: 1, hours: 0, minutes: 0 };
    assert.equal(remainingLabel(vi, late), 'Quá hạn 1 ngày làm việc');
    assert.equal(remainingLabel(en, late), 'Overdue by 1 working day');
    const now = { overdue: false, workingMinutes: 0, days: 0, hours: 0, minutes: 0 };
    assert.equal(remainingLabel(en, now), 'Due now');
    assert.equal(remainingLabel(vi, { ...now, overdue: true }), 'Đã quá hạn');
  });
});

describe("#14 the officer's dossier page", () => {
  it('names a person with the roles they acted in, in the interface language', () => {
    assert.equal(personWithRoles(vi, 'Lê Thị Mai Anh', ['desk-officer']), 'Lê Thị Mai Anh (Cán bộ một cửa)');
    assert.equal(
      personWithRoles(en, 'Vũ Thị Hồng Nhung', ['leader', 'specialist']),
      `Vũ Thị Hồng Nhung (${en.roles.leader}, ${en.roles.specialist})`,
    );
    assert.equal(personWithRoles(vi, 'Nguyễn Thị Hường', ['applicant']), 'Nguyễn Thị Hường (Người nộp)');
    assert.equal(personWithRoles(vi, 'Cổng DVCQG', []), 'Cổng DVCQG');
  });

  it('reads the applicant, blanks as missing', () => {
    assert.deepEqual(
      applicantFacts({
        kind: 'person',
        fullName: ' Nguyễn An ',
        idNumber: '001190012345',
        phone: '0912',
        email: ' ',
      }),
      { name: 'Nguyễn An', organisation: false, idNumber: '001190012345', phone: '0912', email: null },
    );
    assert.equal(applicantFacts({ kind: 'organisation', fullName: 'HTX Hòa Bình' }).organisation, true);
    assert.equal(applicantFacts({}).name, '');
  });

  it('previews PDFs in a frame and JPEG/PNG as images, nothing else', () => {
    assert.equal(previewKind('application/pdf'), 'frame');
    assert.equal(previewKind('image/jpeg'), 'image');
    assert.equal(previewKind('image/png'), 'image');
    assert.equal(previewKind('text/html'), null);
  });
});

describe('legacySummaryOf', () => {
  it("reads an imported dossier's summary, and nothing from a declaration", () => {
    assert.equal(legacySummaryOf({ trichYeu: 'Đăng ký khai sinh' }), 'Đăng ký khai sinh');
    assert.equal(legacySummaryOf({ trichYeu: '  ' }), null);
    assert.equal(legacySummaryOf({ trichYeu: 'x', hoTen: 'An' }), null);
    assert.equal(legacySummaryOf({}), null);
  });
});
