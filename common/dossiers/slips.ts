// The statutory slips of a dossier (phiếu) and the actions that issue each: a slip exists once one of
// them has happened. The server renders them (server/modules/dossiers/dossier-slips.ts); the web lists them.
import type { ActionKind } from './model.ts';

export const DOSSIER_SLIP_KINDS = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'process-control',
] as const;
export type DossierSlipKind = (typeof DOSSIER_SLIP_KINDS)[number];

export const SLIP_ISSUED_BY: Readonly<Record<DossierSlipKind, readonly ActionKind[]>> = {
  receipt: ['accept'],
  'supplement-request': ['request-supplement'],
  refusal: ['refuse'],
  apology: ['apologize'],
  'stop-notice': ['withdraw', 'stop', 'deny'],
  'process-control': ['accept'],
};
