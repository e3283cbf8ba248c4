// Who may look an applicant's records up, as a property over grants: role × unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES } from '../../../common/auth/roles.ts';
import { documentLookupProvinces, provinceOf } from './documents.policy.ts';

test('the province of a unit path is its first segment', () => {
  assert.equal(provinceOf('/01/002/00070/'), '/01/');
  assert.equal(provinceOf('/01/'), '/01/');
  assert.equal(provinceOf('/49/'), '/49/');
});

const unitPath = fc
  .array(fc.constantFrom('01', '49', '79', '002', '00070', '206'), { minLength: 1, maxLength: 3 })
  .map((segments) => `/${segments.join('/')}/`);
const grant = fc.record({ role: fc.constantFrom(...ROLES), unitPath });

test('only desk officers look records up, and only in the provinces of their desk grants', () => {
  fc.assert(
    fc.property(fc.array(grant, { maxLength: 5 }), (grants) => {
      const provinces = documentLookupProvinces(grants);
      const desks = grants.filter((g) => g.role === 'desk-officer');
      assert.equal(provinces.length > 0, desks.length > 0);
      assert.deepEqual(new Set(provinces), new Set(desks.map((g) => provinceOf(g.unitPath))));
      // A grant of another role never adds a province.
      for (const p of provinces) assert.ok(desks.some((g) => g.unitPath.startsWith(p)));
    }),
  );
});
