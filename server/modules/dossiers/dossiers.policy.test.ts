// The authorisation matrix extended to dossiers, as a property over HTTP: a staff member sees a
// dossier exactly when one of their roles reaches an agency the dossier involves (the receiving desk,
// the competent agency, a step's performer), and its papers with it; auditors read but never act.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { APPLICANT_HUONG } from '../../test/fixtures.ts';
import { DEMO_STAFF } from '../../db/seeds/demo/demo-staff.ts';
import { peoplesCommittee } from '../../test/seeded.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-25T02:00:00Z');
const { staff: as } = dossierKit(() => rt);
type Involved = { code: string; agencies: { path: string; unitPath: string }[] };
const dossiers: Involved[] = [];

before(async () => {
  rt = await createTestRuntime({ clock });
  // One dossier per desk: two wards of Hà Nội, the city's People's Committee above them, a commune of
  // Đà Nẵng (which Quảng Nam joined) and a ward of TP HCM, each for a commune-level procedure decided by
  // the desk's own People's Committee or, for the city's desk, by a ward below it (a desk receives for
  // the agencies it reaches: docs/domain/intake.md).
  const desks: [string, string][] = [
    ['desk.hang-trong', '00070'],
    ['desk.hang-bac', '00082'],
    ['desk.hoan-kiem', '00070'],
    ['desk.quan-3', '27142'],
    ['desk.tay-giang', '20455'],
  ];
  for (const [desk, unit] of desks) {
    const competent = await peoplesCommittee(rt.deps.db, unit);
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await as(desk) },
      payload: {
        procedureCode: '1.001731',
        agencyCode: competent,
        applicant: APPLICANT_HUONG,
        formData: {
          nguoiYeuCau: { hoTen: 'Nguyễn Thị Hường', soDinhDanh: '001190012345', noiCuTru: 'Hà Nội' },
          noiDungYeuCau: 'Đề nghị hỗ trợ chi phí mai táng',
          hinhThucNhanKetQua: 'Nhận trực tiếp',
          camDoan: true,
        },
        components: [
          { code: 'TP1', provided: 'original' },
          { code: 'TP2', provided: 'original' },
          { code: 'TP3', provided: 'original' },
        ],
        channel: 'direct',
      },
    });
    assert.ok(res.statusCode === 201 || res.statusCode === 422, `${desk}: ${res.body}`);
    const code =
      res.statusCode === 201
        ? res.json<{ code: string }>().code
        : res.json<{ error: { dossierCode: string } }>().error.dossierCode;
    const row = await rt.deps.db
      .selectFrom('dossiers')
      .select('dossier_id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const agencies = await rt.deps.db
      .selectFrom('dossier_agencies as da')
      .innerJoin('agencies as a', 'a.agency_id', 'da.agency_id')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select(['a.path', 'u.path as unit_path'])
      .where('da.dossier_id', '=', row.dossier_id)
      .execute();
    dossiers.push({ code, agencies: agencies.map((a) => ({ path: a.path, unitPath: a.unit_path })) });
  }
});
after(() => rt.close());

test('staff see a dossier exactly when a role reaches an agency it involves; auditors cannot act', async () => {
  const users = DEMO_STAFF.map((s) => s.username);
  const grantsOf = new Map<string, { agencyPath: string; unitPath: string }[]>();
  for (const u of users) {
    const rows = await rt.deps.db
      .selectFrom('user_roles as r')
      .innerJoin('users as us', 'us.user_id', 'r.user_id')
      .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
      .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
      .select(['a.path', 'un.path as unit_path'])
      .where('us.username', '=', u)
      .execute();
    grantsOf.set(
      u,
      rows.map((r) => ({ agencyPath: r.path, unitPath: r.unit_path })),
    );
  }
  // The oracle, written independently of org.policy.ts: same agency or below it in the agency tree,
  // or any agency of a unit strictly below the grant's unit.
  const reaches = (g: { agencyPath: string; unitPath: string }, t: { path: string; unitPath: string }) =>
    t.path.startsWith(g.agencyPath) ||
    (t.unitPath.length > g.unitPath.length && t.unitPath.startsWith(g.unitPath));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...users), fc.constantFrom(...dossiers), async (user, d) => {
      const expected = grantsOf.get(user)!.some((g) => d.agencies.some((t) => reaches(g, t)));
      const res = await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.code}`,
        headers: { cookie: await as(user) },
      });
      assert.equal(res.statusCode, expected ? 200 : 404, `${user} → ${d.code}`);
      // Its papers follow the dossier.
      const papers = await rt.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.code}/attachments`,
        headers: { cookie: await as(user) },
      });
      assert.equal(papers.statusCode, expected ? 200 : 404, `${user} → ${d.code} attachments`);
      const listed = (
        await rt.app.inject({
          method: 'GET',
          url: `/api/v1/dossiers?q=${encodeURIComponent(d.code)}&pageSize=5`,
          headers: { cookie: await as(user) },
        })
      ).json<{ items: { code: string }[] }>();
      assert.equal(
        listed.items.some((i) => i.code === d.code),
        expected,
        `${user} lists ${d.code}`,
      );
      if (user.startsWith('auditor.') && expected) {
        const actions = (
          await rt.app.inject({
            method: 'GET',
            url: `/api/v1/dossiers/${d.code}/actions`,
            headers: { cookie: await as(user) },
          })
        ).json<{ items: unknown[] }>();
        assert.equal(actions.items.length, 0);
      }
    }),
    { numRuns: 120 },
  );
});
