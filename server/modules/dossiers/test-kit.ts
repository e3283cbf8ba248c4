// The journeys' test kit: one runtime per test file on a manual clock (Friday 20 November 2026, 09:00
// in Hà Nội), the officers' sessions, and the requests every journey makes (intake, act, read).
import { execFileSync } from 'node:child_process';
import { after, before } from 'node:test';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';

export const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

export type View = {
  code: string;
  status: string;
  version: number;
  dueAt: string | null;
  receivedAt: string | null;
  currentStep: { index: number; key: string };
  steps: { key: string; agency: { code: string }; dueAt: string | null }[];
  history: { action: string; to: string }[];
  remaining: { overdue: boolean } | null;
};
export type Actions = {
  version: number;
  items: { kind: string; inputs: { properties?: Record<string, unknown>; required?: string[] } }[];
};

/** The journeys' requests; the file's `before` opens the runtime they use (`kit.rt`), its `after` closes it. */
export function journeyKit() {
  const kit = {
    rt: undefined as unknown as TestRuntime,
    clock: manualClock('2026-11-20T02:00:00Z'),
    /** desk.hang-trong's: UBND Phường Hoàn Kiếm (00070, the code of Hàng Trống before 1/7/2025). */
    hangTrong: '',
  };
  const cookies = new Map<string, string>();
  const as = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await loginAs(kit.rt.app, u));
    return cookies.get(u)!;
  };
  const start = async () => {
    kit.rt = await createTestRuntime({ clock: kit.clock });
    kit.hangTrong = await peoplesCommittee(kit.rt.deps.db, '00070');
  };
  before(start);
  after(() => kit.rt.close());

  const intake = async (
    user: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    kit.rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await as(user), ...headers },
      payload: { ...birthAtCounter(kit.hangTrong), ...extra },
    });

  /** GET `url` in `user`'s session: the response, whatever it is. */
  const getAs = async (user: string, url: string) =>
    kit.rt.app.inject({ method: 'GET', url, headers: { cookie: await as(user) } });
  const read = async <T>(user: string, url: string) => (await getAs(user, url)).json<T>();
  const viewOf = (user: string, code: string) => read<View>(user, `/api/v1/dossiers/${code}`);
  const allowed = (user: string, code: string) => read<Actions>(user, `/api/v1/dossiers/${code}/actions`);

  /** An action as the route takes it; the version read first unless given. */
  const actWith = async (
    user: string,
    code: string,
    a: { action: string; body?: Record<string, unknown>; version?: number; headers?: Record<string, string> },
  ) => {
    const v = a.version ?? (await viewOf(user, code)).version;
    return kit.rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/${a.action}`,
      headers: { cookie: await as(user), 'if-match': String(v), ...a.headers },
      payload: a.body ?? {},
    });
  };
  const act = (user: string, code: string, action: string, body: Record<string, unknown> = {}) =>
    actWith(user, code, { action, body });
  return { kit, cookies, as, getAs, intake, act, actWith, viewOf, allowed };
}
