import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  AgencyParams,
  CalendarYearResponse,
  DueQuery,
  DueResponse,
  OfficeHoursResponse,
  PutCalendarYearBody,
  PutCalendarYearResponse,
  PutOfficeHoursBody,
  RecomputeResponse,
  YearParams,
} from '../../../common/contracts/calendar.ts';
import { requireActor } from '../auth/index.ts';
import {
  computeDue,
  getAgencyOfficeHours,
  getCalendarYear,
  recomputeDue,
  replaceCalendarYear,
  replaceOfficeHours,
} from './calendar.service.ts';
import { fail } from './calendar.errors.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function registerCalendarRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Hạn giải quyết tính theo thời gian làm việc, kèm giải thích từng đoạn (công khai)',
        security: [],
        querystring: DueQuery,
        response: { 200: DueResponse, ...errors },
      },
    },
    async (request) => {
      const { calendarVersion, ...input } = request.query;
      return computeDue(deps, input, calendarVersion);
    },
  );

  app.get(
    '/api/v1/calendar/recompute',
    {
      schema: {
        tags: ['calendar'],
        summary: 'So sánh hạn đã tính theo một phiên bản lịch với hạn theo lịch hiện hành',
        security: [],
        querystring: DueQuery,
        response: { 200: RecomputeResponse, ...errors },
      },
    },
    async (request) => {
      const { calendarVersion, ...input } = request.query;
      if (calendarVersion === undefined) {
        throw fail('CALENDAR_INVALID_INPUT', {
          details: [{ path: 'query/calendarVersion', message: 'Cần phiên bản lịch đã dùng khi tính hạn.' }],
        });
      }
      return recomputeDue(deps, input, calendarVersion);
    },
  );

  app.get(
    '/api/v1/calendars/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch nghỉ lễ, Tết và ngày làm bù của một năm (công khai)',
        security: [],
        params: YearParams,
        response: { 200: CalendarYearResponse, ...errors },
      },
    },
    async (request) => getCalendarYear(deps, request.params.year),
  );

  app.put(
    '/api/v1/calendars/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Thay lịch nghỉ của một năm theo thông báo chính thức (quản trị cấp tỉnh)',
        params: YearParams,
        body: PutCalendarYearBody,
        response: { 200: PutCalendarYearResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.grants.some((g) => g.role === 'province-admin')) {
        throw fail('CALENDAR_EDIT_FORBIDDEN');
      }
      return replaceCalendarYear(deps, actor, {
        year: request.params.year,
        body: request.body,
        requestId: request.id,
      });
    },
  );

  app.get(
    '/api/v1/agencies/:code/office-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Giờ làm việc của cơ quan (công khai)',
        security: [],
        params: AgencyParams,
        response: { 200: OfficeHoursResponse, ...errors },
      },
    },
    async (request) => getAgencyOfficeHours(deps, request.params.code),
  );

  app.put(
    '/api/v1/agencies/:code/office-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Sửa giờ làm việc của cơ quan (quản trị đơn vị hoặc cấp tỉnh trong phạm vi)',
        params: AgencyParams,
        body: PutOfficeHoursBody,
        response: { 200: OfficeHoursResponse, ...errors },
      },
    },
    async (request) =>
      replaceOfficeHours(deps, requireActor(request), {
        code: request.params.code,
        version: request.body.version,
        hours: request.body.hours,
        requestId: request.id,
      }),
  );
}
