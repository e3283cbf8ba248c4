// The desk payment's form values and the body they make (desk-payment-form.tsx).
import type { DESK_PAYMENT_METHODS } from '../../../common/contracts/payments.ts';
import type { DeskPaymentBody } from './payments-api.ts';

export type DeskMethod = (typeof DESK_PAYMENT_METHODS)[number];

export type DeskPaymentValues = {
  method: DeskMethod;
  transferReference: string;
  payerName: string;
  note: string;
};

export const EMPTY_DESK_PAYMENT: DeskPaymentValues = {
  method: 'cash',
  transferReference: '',
  payerName: '',
  note: '',
};

/** Trimmed; blanks left out; the transfer's reference only for a transfer. */
export function deskPaymentBody(v: DeskPaymentValues): DeskPaymentBody {
  return {
    method: v.method,
    ...(v.method === 'transfer' ? { transferReference: v.transferReference.trim() } : {}),
    ...(v.payerName.trim() ? { payerName: v.payerName.trim() } : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}
