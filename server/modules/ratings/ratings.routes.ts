// The applicant's rating of a dossier over HTTP (docs/domain/ratings.md).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { DossierCodeParams } from '../../../common/contracts/dossiers.ts';
import { Rating, RatingBody, RatingState } from '../../../common/contracts/ratings.ts';
import { requireActor, requireCaller } from '../auth/index.ts';
import { requireCitizen } from '../citizens/index.ts';
import { getRating, rateDossier, recordCounterRating } from './ratings.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const tags = ['dossiers'];
const errors = errorResponses(400, 401, 403, 404);
/** What both ways of giving a rating take and answer (a second rating: 409). */
const giving = {
  params: DossierCodeParams,
  body: RatingBody,
  response: { 201: Rating, ...errors, ...errorResponses(409) },
};

export function registerRatingRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/dossiers/:code/rating',
    {
      schema: {
        tags,
        summary:
          'Đánh giá mức độ hài lòng của người nộp với hồ sơ (người nộp và cán bộ xem được hồ sơ); canRate: người nộp được đánh giá lúc này',
        params: DossierCodeParams,
        response: { 200: RatingState, ...errors },
      },
    },
    async (request) => getRating(deps, requireCaller(request), request.params.code),
  );

  app.post(
    '/api/v1/dossiers/:code/rating',
    {
      schema: {
        tags,
        summary:
          'Người nộp đánh giá mức độ hài lòng (Rất hài lòng, Hài lòng, Không hài lòng) sau khi nhận kết quả; một lần cho mỗi hồ sơ (đã đánh giá: 409)',
        security: [{ citizen: [] }],
        ...giving,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await rateDossier(deps, requireCitizen(request), request.params.code, request.body)),
  );

  app.post(
    '/api/v1/dossiers/:code/rating/counter',
    {
      schema: {
        tags,
        summary:
          'Cán bộ một cửa của cơ quan tiếp nhận ghi nhận đánh giá người nộp chọn tại quầy (màn hình đánh giá, phiếu giấy) sau khi trả kết quả; một lần cho mỗi hồ sơ; ghi nhật ký',
        ...giving,
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordCounterRating(deps, requireActor(request), {
          code: request.params.code,
          body: request.body,
          requestId: request.id,
        }),
      ),
  );
}
