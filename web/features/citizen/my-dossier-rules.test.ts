import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../app/i18n/en.ts';
import { DOSSIER_ACTIONS } from '../../../common/dossiers/actions.ts';
import { vi } from '../../app/i18n/vi.ts';
import type { CitizenActions, CitizenDossierView } from './citizen-api.ts';
import { applicantSlips, myActions, timelineEntries } from './my-dossier-rules.ts';

const history = [
  {
    version: 2,
    at: '2026-01-02T01:00:00Z',
    action: 'accept',
    from: 'submitted',
    to: 'received',
    note: null,
  },
  { version: 3, at: '2026-01-02T02:00:00Z', action: 'assign', from: 'received', to: 'received', note: null },
  {
    version: 4,
    at: '2026-01-03T02:00:00Z',
    action: 'apologize',
    from: 'processing',
    to: 'processing',
    note: 'Xin lỗi',
  },
];
const view = { submittedAt: '2026-01-01T01:00:00Z', history } as unknown as CitizenDossierView;

describe('timelineEntries', () => {
  it('starts with the submission and keeps the changes the applicant sees', () => {
    const entries = timelineEntries(vi, view);
    assert.deepEqual(
      entries.map((e) => e.key),
      ['submitted', '2', '4'],
    );
    assert.equal(entries[0]?.title, vi.citizen.dossier.submittedEvent);
    assert.equal(entries[2]?.note, 'Xin lỗi');
    assert.equal(entries[1]?.action, DOSSIER_ACTIONS.accept.label);
  });

  it('names the action in Vietnamese only', () => {
    assert.ok(timelineEntries(en, view).every((e) => e.action === null));
  });
});

describe('applicantSlips', () => {
  it('never offers the process control slip', () => {
    // Accepting issues the receipt and the process control slip; the applicant gets the receipt.
    assert.deepEqual(applicantSlips({ history: history.map((h) => ({ action: h.action })) }), [
      'receipt',
      'apology',
    ]);
  });
});

describe('myActions', () => {
  it('keeps only what the applicant does on this page', () => {
    const actions = {
      version: 3,
      items: [{ kind: 'withdraw' }, { kind: 'receive' }, { kind: 'supplement' }],
    } as unknown as CitizenActions;
    assert.deepEqual(myActions(actions), ['withdraw', 'supplement']);
  });
});
