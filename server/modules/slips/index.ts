// The slips module's face: the statutory slips and the tracking book for the dossier module, and the
// page layer, QR code and Vietnamese formats the payment receipt is printed with.
export { renderSlip } from './slips.ts';
export { renderTrackingBookXlsx } from './tracking-book-xlsx.ts';
export { SlipError } from './slips.errors.ts';
export type { SlipAgency, SlipComponent, SlipDossier } from './slip-data.ts';
export { SlipPdf, type TableCell } from './slip-pdf.ts';
export { lookupUrl, qrPng } from './slip-qr.ts';
export { dateLine, formatVnd, vnDateTimeWords } from './vn-format.ts';
