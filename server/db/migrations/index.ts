// The one ordered history of migrations. Names are frozen once shipped.
import type { Migration } from 'kysely/migration';
import * as m20261121000000 from './20261121000000_create-org-auth-audit.ts';
import * as m20261121010000 from './20261121010000_create-calendars.ts';
import * as m20261121020000 from './20261121020000_create-catalog.ts';
import * as m20261121030000 from './20261121030000_create-dossiers.ts';
import * as m20261121040000 from './20261121040000_create-sync.ts';
import * as m20261122000000 from './20261122000000_create-citizens.ts';
import * as m20261122010000 from './20261122010000_create-payments.ts';
import * as m20261122020000 from './20261122020000_hold-inbound-dossiers.ts';
import * as m20261123000000 from './20261123000000_create-applicant-documents.ts';
import * as m20261123010000 from './20261123010000_index-inbound-dossier-codes.ts';
import * as m20261124000000 from './20261124000000_create-dossier-ratings.ts';
import * as m20261206000000 from './20261206000000_partition-audit-chain.ts';
import * as m20261206010000 from './20261206010000_runtime-role.ts';
import * as m20261206020000 from './20261206020000_sign-in-budgets.ts';
import * as m20261206030000 from './20261206030000_index-refused-callbacks.ts';
import * as m20261207010000 from './20261207010000_add-requested-return-channel.ts';
import * as m20261207020000 from './20261207020000_worklists.ts';
import * as m20261207030000 from './20261207030000_index-sign-ins-and-recent-actions.ts';
import * as m20261207060000 from './20261207060000_search-typos.ts';
import * as m20261207070000 from './20261207070000_require-password-change.ts';
import * as m20261208000000 from './20261208000000_index-open-applicant-search.ts';
import * as m20261209000000 from './20261209000000_map-in-time.ts';
import * as m20261209010000 from './20261209010000_reorganisations.ts';
import * as m20261209020000 from './20261209020000_received-by-agency.ts';
import * as m20261209030000 from './20261209030000_receivable-anywhere.ts';
import * as m20261209040000 from './20261209040000_province-calendars.ts';
import * as m20261210000000 from './20261210000000_report-counts.ts';
import * as m20261210020000 from './20261210020000_adoption.ts';
import * as m20261210030000 from './20261210030000_kpi-targets.ts';
import * as m20261210040000 from './20261210040000_index-766.ts';
import * as m20261211000000 from './20261211000000_version-flags-and-effective-dates.ts';
import * as m20261211100000 from './20261211100000_imports.ts';
import * as m20261212100000 from './20261212100000_moved-in-counts.ts';
import * as m20261213000000 from './20261213000000_feedback.ts';
import * as m20261213100000 from './20261213100000_notifications.ts';
import * as m20261213200000 from './20261213200000_result-register-and-signatures.ts';
import * as m20261214100000 from './20261214100000_signed-results-counted.ts';
import * as m20261214200000 from './20261214200000_staff-notifications.ts';
import * as m20261214300000 from './20261214300000_notification-fallback.ts';
import * as m20261214400000 from './20261214400000_feedback-public-list.ts';
import * as m20261214500000 from './20261214500000_notification-recipient-refusals.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '20261121000000_create-org-auth-audit': m20261121000000,
  '20261121010000_create-calendars': m20261121010000,
  '20261121020000_create-catalog': m20261121020000,
  '20261121030000_create-dossiers': m20261121030000,
  '20261121040000_create-sync': m20261121040000,
  '20261122000000_create-citizens': m20261122000000,
  '20261122010000_create-payments': m20261122010000,
  '20261122020000_hold-inbound-dossiers': m20261122020000,
  '20261123000000_create-applicant-documents': m20261123000000,
  '20261123010000_index-inbound-dossier-codes': m20261123010000,
  '20261124000000_create-dossier-ratings': m20261124000000,
  '20261206000000_partition-audit-chain': m20261206000000,
  '20261206010000_runtime-role': m20261206010000,
  '20261206020000_sign-in-budgets': m20261206020000,
  '20261206030000_index-refused-callbacks': m20261206030000,
  '20261207010000_add-requested-return-channel': m20261207010000,
  '20261207020000_worklists': m20261207020000,
  '20261207030000_index-sign-ins-and-recent-actions': m20261207030000,
  '20261207060000_search-typos': m20261207060000,
  '20261207070000_require-password-change': m20261207070000,
  '20261208000000_index-open-applicant-search': m20261208000000,
  '20261209000000_map-in-time': m20261209000000,
  '20261209010000_reorganisations': m20261209010000,
  '20261209020000_received-by-agency': m20261209020000,
  '20261209030000_receivable-anywhere': m20261209030000,
  '20261209040000_province-calendars': m20261209040000,
  '20261210000000_report-counts': m20261210000000,
  '20261210020000_adoption': m20261210020000,
  '20261210030000_kpi-targets': m20261210030000,
  '20261210040000_index-766': m20261210040000,
  '20261211000000_version-flags-and-effective-dates': m20261211000000,
  '20261211100000_imports': m20261211100000,
  '20261212100000_moved-in-counts': m20261212100000,
  '20261213000000_feedback': m20261213000000,
  '20261213100000_notifications': m20261213100000,
  '20261213200000_result-register-and-signatures': m20261213200000,
  '20261214100000_signed-results-counted': m20261214100000,
  '20261214200000_staff-notifications': m20261214200000,
  '20261214300000_notification-fallback': m20261214300000,
  '20261214400000_feedback-public-list': m20261214400000,
  '20261214500000_notification-recipient-refusals': m20261214500000,
};
