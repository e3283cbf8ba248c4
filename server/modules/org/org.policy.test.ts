// The authorisation matrix as a property: actor × role × agency × target unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES } from '../../../common/auth/roles.ts';
import { actorWith, grantAt } from '../../test/actors.ts';
import { canReachAgency, canReachUnit, grantReachesAgency } from './org.policy.ts';

// A small synthetic tree: 2 provinces × 3 districts × 3 communes, each unit with a People's
// Committee and, at district level, a specialised office under it.
type Node = { unitPath: string; agencyPath: string; level: number };
const nodes: Node[] = [];
let id = 1;
for (let p = 1; p <= 2; p++) {
  const pu = `/P${p}/`;
  const pa = `/${id++}/`;
  nodes.push({ unitPath: pu, agencyPath: pa, level: 1 });
  for (let d = 1; d <= 3; d++) {
    const du = `${pu}D${p}${d}/`;
    const da = `${pa}${id++}/`;
    nodes.push({ unitPath: du, agencyPath: da, level: 2 });
    nodes.push({ unitPath: du, agencyPath: `${da}${id++}/`, level: 2 });
    for (let c = 1; c <= 3; c++)
      nodes.push({ unitPath: `${du}C${p}${d}${c}/`, agencyPath: `${da}${id++}/`, level: 3 });
  }
}

const isAncestorUnit = (a: string, b: string) => b.startsWith(a);

test('reach: own agency, agencies under it, agencies of units below; never beside or above', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...nodes),
      fc.constantFrom(...ROLES),
      fc.constantFrom(...nodes),
      fc.constantFrom<'read' | 'write'>('read', 'write'),
      (actorNode, role, target, access) => {
        const actor = actorWith([grantAt(actorNode, role)]);
        const reached = canReachAgency(actor, target, access);
        const below =
          target.agencyPath.startsWith(actorNode.agencyPath) ||
          (target.unitPath !== actorNode.unitPath && isAncestorUnit(actorNode.unitPath, target.unitPath));
        const expected = below && !(access === 'write' && role === 'auditor');
        assert.equal(reached, expected);
        // Never above: a target whose unit is strictly above the actor's is out of reach.
        if (target.unitPath !== actorNode.unitPath && isAncestorUnit(target.unitPath, actorNode.unitPath)) {
          assert.equal(reached, false);
        }
        // Never beside: another agency of the same unit that is not under the actor's agency.
        if (target.unitPath === actorNode.unitPath && !target.agencyPath.startsWith(actorNode.agencyPath)) {
          assert.equal(reached, false);
        }
        // Units: reach is exactly the subtree.
        assert.equal(
          canReachUnit(actor, target.unitPath, access),
          isAncestorUnit(actorNode.unitPath, target.unitPath) && !(access === 'write' && role === 'auditor'),
        );
      },
    ),
    { numRuns: 2000 },
  );
});

test('several grants reach the union of their reaches; roles filter what counts', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...nodes), fc.constantFrom(...ROLES)), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom(...nodes),
      fc.subarray([...ROLES], { minLength: 1 }),
      (pairs, target, roles) => {
        const grants = pairs.map(([n, r]) => grantAt(n, r));
        const actor = actorWith(grants);
        const expected = grants.some((g) => roles.includes(g.role) && grantReachesAgency(g, target));
        assert.equal(canReachAgency(actor, target, 'read', roles), expected);
      },
    ),
    { numRuns: 1000 },
  );
});

test('the provincial People’s Committee reaches every agency of its province and none of another', () => {
  const province = nodes[0]!;
  const actor = actorWith([grantAt(province, 'province-admin')]);
  for (const n of nodes) assert.equal(canReachAgency(actor, n, 'write'), n.unitPath.startsWith('/P1/'));
});
