import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiErrorOf } from '../../app/http.ts';
import { asIncomplete, IncompleteError, slipsOf } from './dossiers-api.ts';

describe('asIncomplete', () => {
  const envelope = (extra: Record<string, unknown>) => ({
    error: {
      code: 'DOSSIER_INCOMPLETE',
      message: 'Thiếu giấy tờ',
      details: [{ path: 'a', message: 'b' }],
      ...extra,
    },
  });

  it("turns intake's 422 naming the dossier and its slip into an IncompleteError", () => {
    const error = asIncomplete(apiErrorOf(422, envelope({ dossierCode: 'H-1', slip: 'supplement-request' })));
    assert.ok(error instanceof IncompleteError);
    assert.equal(error.dossierCode, 'H-1');
    assert.equal(error.slip, 'supplement-request');
    assert.equal(error.message, 'Thiếu giấy tờ');
    assert.deepEqual(error.details, [{ path: 'a', message: 'b' }]);
  });

  it('leaves every other failure as it is', () => {
    const withoutSlip = apiErrorOf(422, envelope({ dossierCode: 'H-1' }));
    const otherStatus = apiErrorOf(409, envelope({ dossierCode: 'H-1', slip: 's' }));
    const notApi = new TypeError('x');
    for (const error of [withoutSlip, otherStatus, notApi]) assert.equal(asIncomplete(error), error);
  });
});

describe('slipsOf', () => {
  const view = (...actions: string[]) => ({ history: actions.map((action) => ({ action })) });

  it('lists the slips whose issuing action is in the history', () => {
    assert.deepEqual(slipsOf(view('accept')), ['receipt', 'process-control']);
    assert.deepEqual(slipsOf(view('accept', 'request-supplement', 'stop')), [
      'receipt',
      'supplement-request',
      'stop-notice',
      'process-control',
    ]);
  });

  it('lists none before any issuing action', () => {
    assert.deepEqual(slipsOf(view()), []);
    assert.deepEqual(slipsOf(view('assign', 'forward')), []);
  });
});
