// The SQL statements one request sends, counted in process: the app built on the bench's own
// PostgreSQL handle (the same code the child server runs), every query a pg client sends recorded
// while the request runs through app.inject(). BEGIN and COMMIT count, as the ceilings' do. The
// count explains the CPU figures (each statement is a round trip and, in PostgreSQL, a parse, a plan
// unless prepared, and an execution).
import pg from 'pg';
import type { FastifyInstance } from 'fastify';

export type StatementCount = { statements: number; texts: string[] };

type Submit = (this: { text?: string; name?: string }, ...args: unknown[]) => unknown;

/** Runs `request` `times` times and returns the statements of the last run (the earlier ones warm caches). */
export async function countStatements(
  request: (i: number) => Promise<void>,
  times = 3,
): Promise<StatementCount> {
  // Every query a pg client sends, named or not, is submitted once to its connection.
  const proto = pg.Query.prototype as unknown as { submit: Submit };
  const original = proto.submit;
  let texts: string[] = [];
  proto.submit = function (this: { text?: string; name?: string }, ...args: unknown[]) {
    texts.push(this.name ? `[${this.name}] ${this.text ?? ''}` : (this.text ?? ''));
    return original.apply(this, args);
  };
  try {
    for (let i = 0; i < times; i++) {
      texts = [];
      await request(i);
    }
  } finally {
    proto.submit = original;
  }
  return { statements: texts.length, texts };
}

/** One statement as a pg client submitted it: named (prepared) or not, with its parameters. */
export type CapturedStatement = { name?: string; text: string; values: unknown[] };

/**
 * The statements `request` sends, with their parameters, in the order they were submitted: what a
 * raw ceiling replays (bench/worklist.ts). Only one capture may run at a time.
 */
export async function captureStatements(request: () => Promise<void>): Promise<CapturedStatement[]> {
  const proto = pg.Query.prototype as unknown as { submit: Submit };
  const original = proto.submit;
  const captured: CapturedStatement[] = [];
  proto.submit = function (this: { text?: string; name?: string; values?: unknown[] }, ...args: unknown[]) {
    captured.push({
      ...(this.name ? { name: this.name } : {}),
      text: this.text ?? '',
      values: [...(this.values ?? [])],
    });
    return original.apply(this, args);
  };
  try {
    await request();
  } finally {
    proto.submit = original;
  }
  return captured;
}

/** A session cookie for `username` (demo password) on an in-process app. */
export async function injectLogin(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'demo' },
  });
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `motcua_session=${cookie.value}`;
}
