import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { fail } from './org.errors.ts';
import {
  AgenciesQuery,
  AgenciesResponse,
  PlacesQuery,
  PlacesResponse,
  UnitDetail,
  UnitParams,
  UnitQuery,
  UnitsQuery,
  UnitsResponse,
} from '../../../common/contracts/org.ts';
import { requireActor } from '../auth/index.ts';
import { canReachUnit } from './org.policy.ts';
import { findUnit, listAgencies, listUnits, unitSurroundings } from './org.repository.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import { findPlaces, type PlaceReach } from './places.service.ts';
import { registerAgencyRegistryRoutes } from './agency-registry.routes.ts';

const errors = errorResponses(400, 401, 403);

const isoDate = (d: Date | string | null): string | null => {
  if (d === null) return null;
  const date = new Date(d);
  return date.toISOString().slice(0, 10);
};

type UnitRow = Pick<
  Selectable<DB['units']>,
  'code' | 'name' | 'type' | 'level' | 'valid_from' | 'valid_to'
> & {
  parent_code: string | null;
};

function presentUnit(r: UnitRow) {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    level: r.level,
    parentCode: r.parent_code,
    validFrom: isoDate(r.valid_from),
    validTo: isoDate(r.valid_to),
  };
}

async function checkUnitParam(
  deps: Deps,
  actor: Actor,
  param: { field: string; code: string | undefined; day: string },
): Promise<void> {
  const { field, code, day } = param;
  if (code === undefined) return;
  const unit = await findUnit(deps.db, code, day);
  if (!unit) {
    throw fail('ORG_QUERY_INVALID', {
      details: [{ path: `query/${field}`, message: `Không có đơn vị hành chính mã ${code}.` }],
    });
  }
  if (!canReachUnit(actor, unit.path, 'read')) throw fail('ORG_UNIT_OUT_OF_REACH');
}

const pad = (n: number): string => String(n).padStart(2, '0');

function today(deps: Deps): string {
  const c = vnCivil(deps.clock.now());
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

export function registerOrgRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  const places = (reach: PlaceReach, q: PlacesQuery) => {
    const pageSize = q.pageSize ?? 20;
    return findPlaces(deps.db, reach, {
      kind: q.kind,
      q: q.q,
      under: q.under,
      offset: ((q.page ?? 1) - 1) * pageSize,
      limit: pageSize,
      today: today(deps),
    });
  };

  app.get(
    '/api/v1/org/places',
    {
      schema: {
        tags: ['org'],
        summary:
          'Chọn cơ quan hoặc đơn vị hành chính đang có hiệu lực: duyệt theo cấp (tỉnh → xã) hoặc tìm (có dấu hoặc không dấu), mỗi mục kèm các cấp trên, trong phạm vi của người dùng',
        querystring: PlacesQuery,
        response: { 200: PlacesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return places({ kind: 'staff', scope: actor.grants }, request.query);
    },
  );

  app.get(
    '/api/v1/public/places',
    {
      schema: {
        tags: ['org'],
        summary:
          'Chọn đơn vị hành chính đang có hiệu lực (công khai, cho địa chỉ): duyệt theo cấp hoặc tìm, mỗi mục kèm các cấp trên',
        security: [],
        querystring: PlacesQuery,
        response: { 200: PlacesResponse, ...errorResponses(400) },
      },
    },
    async (request) => places({ kind: 'public' }, request.query),
  );

  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['org'],
        summary: 'Đơn vị hành chính trong phạm vi của người dùng',
        querystring: UnitsQuery,
        response: { 200: UnitsResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const day = q.validOn ?? today(deps);
      await checkUnitParam(deps, actor, { field: 'parentCode', code: q.parentCode, day });
      const pageSize = q.pageSize ?? 50;
      const { rows, total } = await listUnits(deps.db, actor.grants, {
        parentCode: q.parentCode,
        level: q.level,
        q: q.q,
        validOn: day,
        offset: ((q.page ?? 1) - 1) * pageSize,
        limit: pageSize,
      });
      return {
        items: rows.map(presentUnit),
        total,
      };
    },
  );

  app.get(
    '/api/v1/units/:code',
    {
      schema: {
        tags: ['org'],
        summary: 'Một đơn vị hành chính và các cấp trên của nó (trong phạm vi của người dùng)',
        params: UnitParams,
        querystring: UnitQuery,
        response: { 200: UnitDetail, ...errors, ...errorResponses(404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const day = request.query.on ?? today(deps);
      const unit = await findUnit(deps.db, request.params.code, day);
      if (!unit) throw fail('ORG_UNIT_NOT_FOUND', { params: { code: request.params.code } });
      if (!canReachUnit(actor, unit.path, 'read')) throw fail('ORG_UNIT_OUT_OF_REACH');
      // Ancestors above the actor's reach are named (a ward officer sees which district and province
      // the ward belongs to) but carry nothing beyond the public reference data.
      const { ancestors, predecessors, successors } = await unitSurroundings(deps.db, unit, day);
      return { unit: presentUnit(unit), ancestors: ancestors.map(presentUnit), predecessors, successors };
    },
  );

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['org'],
        summary: 'Cơ quan trong phạm vi của người dùng',
        querystring: AgenciesQuery,
        response: { 200: AgenciesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const day = q.validOn ?? today(deps);
      await checkUnitParam(deps, actor, { field: 'unitCode', code: q.unitCode, day });
      const pageSize = q.pageSize ?? 50;
      const { rows, total } = await listAgencies(deps.db, actor.grants, {
        unitCode: q.unitCode,
        validOn: day,
        q: q.q,
        kind: q.kind,
        offset: ((q.page ?? 1) - 1) * pageSize,
        limit: pageSize,
      });
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          unitCode: r.unit_code,
          kind: r.kind,
          parentCode: r.parent_code,
        })),
        total,
      };
    },
  );

  registerAgencyRegistryRoutes(root, deps);
}
