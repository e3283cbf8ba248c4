import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deskPaymentBody, EMPTY_DESK_PAYMENT } from './desk-payment.ts';

describe('deskPaymentBody', () => {
  it('sends cash with nothing else when nothing else is given', () => {
    assert.deepEqual(deskPaymentBody({ ...EMPTY_DESK_PAYMENT, transferReference: 'FT1' }), {
      method: 'cash',
    });
  });

  it('sends a transfer with its reference, the payer and the note trimmed', () => {
    assert.deepEqual(
      deskPaymentBody({ method: 'transfer', transferReference: ' FT26 ', payerName: ' Bình ', note: '  ' }),
      { method: 'transfer', transferReference: 'FT26', payerName: 'Bình' },
    );
  });
});
