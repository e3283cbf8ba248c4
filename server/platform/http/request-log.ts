// One log line per request, when it is answered: method, path (the serializer in app.ts drops the
// query string: it can hold an ID number), request id, status and time taken. Fastify's default writes
// two, one on arrival and one on completion, each a synchronous write to stdout: on the public lookup
// that was 9 % of the server's time (docs/benchmarks.md, lookup). Fastify's other lines (errors, route
// not found) are kept.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Logged on completion, with the outcome.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
