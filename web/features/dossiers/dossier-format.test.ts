import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../app/i18n/en.ts';
import { vi } from '../../app/i18n/vi.ts';
import { actionLabel, isDossierCode, statusChange, statusLabel } from './dossier-format.ts';

describe('dossier names', () => {
  it('knows a dossier code by its shape', () => {
    assert.equal(isDossierCode('000.12.22.H26-261120-0001'), true);
    assert.equal(isDossierCode('000.12.22.h26-261120-0001'), false);
    assert.equal(isDossierCode('000.12.22.H26-261120-001'), false);
    assert.equal(isDossierCode('../etc'), false);
  });

  it('names statuses in the interface language, and an unknown one by itself', () => {
    assert.equal(statusLabel(vi, 'received'), 'Đã tiếp nhận');
    assert.notEqual(statusLabel(en, 'received'), 'Đã tiếp nhận');
    assert.equal(statusLabel(vi, 'no-such-status'), 'no-such-status');
  });

  it('names actions and status changes', () => {
    assert.equal(actionLabel('no-such-action'), 'no-such-action');
    assert.notEqual(actionLabel('accept'), 'accept');
    assert.equal(statusChange(vi, 'received', 'received'), 'Đã tiếp nhận');
    assert.match(statusChange(vi, 'received', 'returned'), /^Đã tiếp nhận → /);
  });
});
