// Desk officers for the dossier benches: the demo desks at Phường Hoàn Kiếm and Phường Cửa Nam, and
// more desk officers at other wards that offer the birth registration (1.001193), each signed in over
// HTTP. Every desk receives for its own ward, so each has its own code counter row.
import { openDatabase } from '../../server/db/client.ts';
import { openRuntime, type Runtime } from '../../server/bootstrap.ts';
import { createUser } from '../../server/modules/auth/index.ts';
import { testConfig } from '../../server/test/template.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import type { httpClient } from './load.ts';

export const PROCEDURE = '1.001193';
const DEMO_DESKS = ['desk.hang-trong', 'desk.hang-bac'];

export type Desk = {
  username: string;
  agencyId: string;
  agencyCode: string;
  unitCode: string;
  cookie: string;
};

/** The bench's own handle on its database (pool of 4), for set-up and checks; `migrate` for a kept one. */
export async function openBenchRuntime(databaseUrl: string, migrate = false): Promise<Runtime> {
  const handle = await openDatabase({ databaseUrl, poolSize: 4 });
  return openRuntime(testConfig(databaseUrl), { handle, migrate, seed: false });
}

export async function prepareDesks(
  rt: Runtime,
  client: ReturnType<typeof httpClient>,
  count: number,
): Promise<Desk[]> {
  const db = rt.deps.db;
  const demo = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.user_id')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
    .select(['u.username', 'u.password_hash', 'a.agency_id', 'a.code', 'un.code as unit_code'])
    .where('u.username', 'in', DEMO_DESKS)
    .orderBy('u.username', 'desc')
    .execute();
  const demoHash = demo[0]?.password_hash;
  if (!demoHash) throw new Error('the demo desks are missing: the template is seeded with DEMO_MODE');
  const accounts = demo.map((d) => ({
    username: d.username,
    agencyId: d.agency_id,
    agencyCode: d.code,
    unitCode: d.unit_code,
  }));
  if (count > accounts.length) {
    const more = await db
      .selectFrom('procedure_offerings as o')
      .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
      .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
      .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
      .select(['a.agency_id', 'a.code', 'un.code as unit_code'])
      .where('p.code', '=', PROCEDURE)
      .where(
        'a.agency_id',
        'not in',
        accounts.map((a) => a.agencyId),
      )
      .orderBy('a.code')
      .limit(count - accounts.length)
      .execute();
    for (const [i, a] of more.entries()) {
      const username = `bench.desk-${i + 1}`;
      await createUser(
        rt.deps,
        { userId: null, label: 'bench' },
        {
          username,
          fullName: `Cán bộ một cửa ${i + 1}`,
          password: null,
          // The demo password's hash: no argon2 run per bench account.
          passwordHash: demoHash,
          roles: [{ role: 'desk-officer', agencyCode: a.code }],
        },
      );
      accounts.push({ username, agencyId: a.agency_id, agencyCode: a.code, unitCode: a.unit_code });
    }
  }
  const desks: Desk[] = [];
  for (const a of accounts.slice(0, count)) {
    const res = await client.request(
      'POST',
      '/api/v1/auth/login',
      {},
      JSON.stringify({ username: a.username, password: 'demo' }),
    );
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('motcua_session='));
    if (res.status !== 200 || !cookie) throw new Error(`login ${a.username}: ${res.status} ${res.body}`);
    desks.push({ ...a, cookie: cookie.split(';')[0]! });
  }
  return desks;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Thị Hường', 'Văn An', 'Minh Khang', 'Thu Trang', 'Quốc Bảo', 'Ngọc Lan'];

/** The journeys' birth registration, applicant varied by i; `incomplete` leaves out the declaration (TP1). */
export function intakeBody(desk: Desk, i: number, incomplete = false): string {
  return JSON.stringify({
    procedureCode: PROCEDURE,
    agencyCode: desk.agencyCode,
    applicant: {
      ...APPLICANT_HUONG,
      fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`,
      idNumber: String(1_190_000_000 + i).padStart(12, '0'),
      address: { unitCode: desk.unitCode, line: `Số ${(i % 200) + 1} phố Hàng Trống` },
    },
    formData: VALID_BIRTH_DECLARATION,
    components: incomplete
      ? [{ code: 'TP3', provided: 'original' }]
      : [
          { code: 'TP1', provided: 'original' },
          { code: 'TP3', provided: 'original' },
        ],
    channel: 'direct',
  });
}
