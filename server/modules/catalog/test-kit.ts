// Shared by the catalogue's route tests (never seeds): requests as a signed-in user, the code of an
// agency, and workflow steps.
import type { FastifyInstance } from 'fastify';
import type { TestRuntime } from '../../test/db.ts';
import { agencyCode } from '../../test/seeded.ts';

/** Who sends a request (a session cookie, none for the public) and its JSON body. */
export type Call = { cookie?: string; payload?: object };

/** `app.inject` in short: `api.put(url, { cookie, payload })`. */
export function client(app: FastifyInstance) {
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, call: Call = {}) =>
    app.inject({
      method,
      url,
      ...(call.cookie === undefined ? {} : { headers: { cookie: call.cookie } }),
      ...(call.payload === undefined ? {} : { payload: call.payload }),
    });
  return {
    get: (url: string, call?: Call) => inject('GET', url, call),
    post: (url: string, call?: Call) => inject('POST', url, call),
    put: (url: string, call?: Call) => inject('PUT', url, call),
  };
}

/** The code of the agency of `kind` in unit `unitCode` (seeded reference data). */
export const agencyCodeIn = (rt: TestRuntime, unitCode: string, kind: string) =>
  agencyCode(rt.deps.db, unitCode, kind);

type StepSpec = {
  name: string;
  role: string;
  performer: Record<string, string>;
  hours: number;
  canSendBack?: boolean;
};

/** A workflow step whose share is `hours` working hours. */
export const step = (key: string, s: StepSpec) => ({
  key,
  name: s.name,
  role: s.role,
  performer: s.performer,
  share: { value: s.hours, unit: 'working-hour' },
  canSendBack: s.canSendBack ?? false,
});

const atDesk = { role: 'desk-officer', performer: { kind: 'receiving-agency' } };
/** The desk receives the dossier (first step). */
export const receiveStep = (hours: number) => step('receive', { name: 'Tiếp nhận', ...atDesk, hours });
/** The desk returns the result (last step). */
export const returnStep = (hours: number) => step('return', { name: 'Trả kết quả', ...atDesk, hours });
