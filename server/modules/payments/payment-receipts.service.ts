// The electronic receipt of a paid payment (PDF, payment-receipt.ts draws it).
import type { Deps } from '../../deps.ts';
import type { PersonCaller } from '../../platform/actor.ts';
import { applicantOf, findDossier } from './dossier-access.ts';
import { procedureOf } from './obligations.ts';
import { receiptNumberOf } from './payment-view.ts';
import { renderReceipt } from './payment-receipt.ts';
import { fail } from './payments.errors.ts';
import { receiptParties } from './payments.repository.ts';
import { getPayment } from './payments.service.ts';

export async function paymentReceiptPdf(
  deps: Deps,
  caller: PersonCaller,
  paymentId: string,
): Promise<Buffer> {
  const p = await getPayment(deps, caller, paymentId);
  if (p.status !== 'paid' || p.receipt_seq === null || p.receipt_year === null || p.paid_at === null)
    throw fail('PAYMENT_RECEIPT_NOT_ISSUED');
  const row = (await findDossier(deps.db, p.dossier_code))!;
  const procedure = await procedureOf(deps.db, row);
  const { agency, province, collector } = await receiptParties(deps.db, p);
  const applicant = applicantOf(row);
  const series = `BL-${p.receipt_year}`;
  const number = String(p.receipt_seq).padStart(7, '0');
  return renderReceipt(
    {
      agency: {
        name: agency.name,
        ...(agency.parent_name ? { superiorName: agency.parent_name } : {}),
        place: (province?.name ?? '').replace(/^(Thành phố|Tỉnh)\s+/, ''),
      },
      receiptNumber: receiptNumberOf(p)!,
      series,
      number,
      dossierCode: p.dossier_code,
      procedure: { code: procedure.code, name: procedure.name },
      payer: {
        name: p.payer_name,
        ...(p.payer_name === applicant.fullName && applicant.idNumber
          ? { idNumber: applicant.idNumber }
          : {}),
        ...(p.payer_name === applicant.fullName && applicant.address?.line
          ? { address: applicant.address.line }
          : {}),
      },
      items: p.items.map((i) => ({ name: i.name, amountVnd: i.amountVnd })),
      amountVnd: Number(p.amount),
      paidAt: new Date(p.paid_at).toISOString(),
      channel: p.channel,
      transactionId: p.platform_transaction_id,
      bankCode: p.bank_code,
      transferReference: p.transfer_reference,
      reference: p.reference,
      collector: p.channel === 'online' ? null : collector,
    },
    { publicUrl: deps.config.publicUrl },
  );
}
