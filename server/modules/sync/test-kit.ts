// What the sync tests set up alike.
import type { Database } from '../../db/client.ts';
import { peoplesCommittee } from '../../test/seeded.ts';

/** The people's committee of ward 00070 (Hàng Trống in the reference seeds): the desk the tests use. */
export const wardCommitteeCode = (db: Database) => peoplesCommittee(db, '00070');

/** An E1 dossier's dates and portal fields: received at once, due three days later, nothing after. */
export const RECEIVED_TIMELINE = {
  submittedAt: new Date('2026-11-20T02:00:00Z'),
  receivedAt: new Date('2026-11-20T02:00:00Z'),
  dueAt: new Date('2026-11-23T02:00:00Z'),
  resultAt: null,
  returnedAt: null,
  closedAt: null,
  portalCode: null,
  handedOverByPortal: false,
  payments: [],
  vneidVerified: false,
};

/** The applicant of the E1 test dossiers. */
export const HUONG_APPLICANT = {
  kind: 'person' as const,
  fullName: 'Nguyễn Thị Hường',
  idNumber: '001190012345',
  phone: '0912345678',
};
