// The applicant's identity and contact, checked as intake and online submission receive them.
import { preparedQuery, type Database } from '../../../db/client.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';
import type { ApplicantInput } from './intake.types.ts';

// A named statement (db/client.ts): parsed and planned once per connection, as intake makes it for
// every dossier with an address (docs/benchmarks.md, intake).
const unitQuery = preparedQuery('unit', (db: Database, code: string) =>
  db.selectFrom('units').select('code').where('code', '=', code),
);

/**
 * Unit codes found, per database: the administrative units are reference data, loaded by the seed when
 * a process starts and not changed while it runs, so a code once found needs no second read (an unknown
 * code is read each time).
 */
const knownUnits = new WeakMap<Database, Set<string>>();

async function unitExists(db: Database, code: string): Promise<boolean> {
  let known = knownUnits.get(db);
  if (known?.has(code)) return true;
  const [unit] = await unitQuery(db, code);
  if (!unit) return false;
  if (!known) knownUnits.set(db, (known = new Set()));
  known.add(code);
  return true;
}

const PERSON_ID = /^\d{12}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const PHONE = /^(\+84|0)\d{9,10}$/;

export async function validateApplicant(
  db: Database,
  a: ApplicantInput,
  base: string,
): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  if (a.kind === 'person' && !PERSON_ID.test(a.idNumber)) {
    out.push({ path: `${base}/idNumber`, message: 'Số định danh cá nhân (căn cước) gồm đúng 12 chữ số.' });
  }
  if (a.kind === 'organisation' && !TAX_CODE.test(a.idNumber)) {
    out.push({
      path: `${base}/idNumber`,
      message: 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số).',
    });
  }
  if (!PHONE.test(a.phone.replace(/[\s.]/g, ''))) {
    out.push({ path: `${base}/phone`, message: 'Số điện thoại không hợp lệ (ví dụ 0912345678).' });
  }
  if (a.notifyBy?.includes('email') && !a.email) {
    out.push({ path: `${base}/email`, message: 'Nhập địa chỉ thư điện tử để nhận thông báo qua thư.' });
  }
  if (a.address) {
    if (!(await unitExists(db, a.address.unitCode)))
      out.push({
        path: `${base}/address/unitCode`,
        message: `Không có đơn vị hành chính mã ${a.address.unitCode}.`,
      });
  }
  return out;
}
