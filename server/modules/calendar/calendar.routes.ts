import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  AgencyParams,
  CalendarYearResponse,
  DueQuery,
  DueResponse,
  OfficeHoursResponse,
  ProvinceCalendarResponse,
  ProvinceYearParams,
  PutOfficeHoursBody,
  PutProvinceCalendarBody,
  PutProvinceCalendarResponse,
  RecomputeResponse,
  YearParams,
} from '../../../common/contracts/calendar.ts';
import { requireActor } from '../auth/index.ts';
import {
  computeDue,
  getAgencyOfficeHours,
  getCalendarYear,
  recomputeDue,
  replaceOfficeHours,
} from './calendar.service.ts';
import { getProvinceCalendar, replaceProvinceCalendar } from './province-calendar.service.ts';
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
        summary:
          'Lịch chung cả nước: nghỉ lễ, Tết và ngày làm bù của một năm (công khai; đổi theo bản phát hành)',
        security: [],
        params: YearParams,
        response: { 200: CalendarYearResponse, ...errors },
      },
    },
    async (request) => getCalendarYear(deps, request.params.year),
  );

  app.get(
    '/api/v1/provinces/:provinceCode/calendars/:year',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Ngày nghỉ thêm và ngày làm bù riêng của một tỉnh trong một năm, cộng vào lịch chung (công khai)',
        security: [],
        params: ProvinceYearParams,
        response: { 200: ProvinceCalendarResponse, ...errors },
      },
    },
    async (request) => getProvinceCalendar(deps, request.params),
  );

  app.put(
    '/api/v1/provinces/:provinceCode/calendars/:year',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Thay ngày nghỉ thêm và ngày làm bù riêng của tỉnh trong một năm (quản trị cấp tỉnh của tỉnh đó)',
        params: ProvinceYearParams,
        body: PutProvinceCalendarBody,
        response: { 200: PutProvinceCalendarResponse, ...errors },
      },
    },
    async (request) =>
      replaceProvinceCalendar(deps, requireActor(request), {
        provinceCode: request.params.provinceCode,
        year: request.params.year,
        body: request.body,
        requestId: request.id,
      }),
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
