// Sign-in budgets (docs/adr/0011-sign-in-throttling.md): an attempt is reserved, under the budget rows'
// locks, before its password is checked, so that simultaneous guesses cannot outrun the count. Three
// budgets: an account from one address (LOGIN_MAX_FAILURES), an account from every address
// (LOGIN_ACCOUNT_MAX_FAILURES) and an address for every account (LOGIN_ADDRESS_MAX_FAILURES). A spent
// budget makes its callers wait, LOGIN_BACKOFF_SECONDS doubling each time it is spent again (at most
// LOGIN_BACKOFF_MAX_MINUTES), then opens afresh: a wait, never a lock. An account that signed in from
// an address within KNOWN_ADDRESS_MS is held there by its own account-address budget only, so that
// nobody elsewhere can keep its owner out.
import { isIPv6 } from 'node:net';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';

type Scope = 'account-address' | 'account' | 'address';
type Row = Selectable<DB['sign_in_budgets']>;
type Key = { scope: Scope; username: string; address: string; max: number };

/** A budget untouched for this long is forgotten: its attempts and strikes start again from nothing. */
export const FORGET_MS = 24 * 3_600_000;
/** An account that signed in from an address within this long passes the account and address budgets there. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

/**
 * The address a budget is kept for: an IPv4 address as it is (an IPv4-mapped IPv6 address as IPv4),
 * an IPv6 address by its /64, which one subscriber usually holds whole.
 */
export function budgetAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') && tail !== '' ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type SignInBudgets = {
  pair: Key;
  account: Key;
  address: Key;
};

export function signInBudgets(config: Config, username: string, ip: string): SignInBudgets {
  const address = budgetAddress(ip);
  return {
    pair: { scope: 'account-address', username, address, max: config.loginMaxFailures },
    account: { scope: 'account', username, address: '', max: config.loginAccountMaxFailures },
    address: { scope: 'address', username: '', address, max: config.loginAddressMaxFailures },
  };
}

/** The row of a budget, created when missing and locked until the transaction ends. */
async function lockRow(trx: Transaction<DB>, key: Key, now: Date): Promise<Row> {
  return trx
    .insertInto('sign_in_budgets')
    .values({ scope: key.scope, username: key.username, address: key.address, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'username', 'address'])
        .doUpdateSet({ updated_at: sql`sign_in_budgets.updated_at` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Decision =
  | { key: Key; allow: true; attempts: number; strikes: number }
  | { key: Key; allow: false; until: Date; startsWait: { strikes: number } | null };

function decide(key: Key, row: Row, at: { now: Date; config: Config }): Decision {
  const { now, config } = at;
  const forgotten = now.getTime() - new Date(row.updated_at).getTime() >= FORGET_MS;
  const blockedUntil = forgotten || row.blocked_until === null ? null : new Date(row.blocked_until);
  if (blockedUntil && blockedUntil > now) return { key, allow: false, until: blockedUntil, startsWait: null };
  // A wait served (or a budget forgotten) opens a fresh budget; strikes remember until forgotten.
  const attempts = forgotten || blockedUntil ? 0 : row.attempts;
  const strikes = forgotten ? 0 : row.strikes;
  if (attempts < key.max) return { key, allow: true, attempts: attempts + 1, strikes };
  const waitMs = Math.min(
    config.loginBackoffMaxMinutes * 60_000,
    config.loginBackoffSeconds * 1000 * 2 ** Math.min(strikes, 30),
  );
  return { key, allow: false, until: new Date(now.getTime() + waitMs), startsWait: { strikes: strikes + 1 } };
}

export type Reservation = { ok: true; reserved: Key[] } | { ok: false; retryAfterSeconds: number };

/**
 * Reserves one attempt in each budget that applies, or none: either every budget had room (each
 * now counts the attempt), or the caller must wait the longest of the waits. A budget found spent
 * starts its wait here.
 */
export async function reserveSignIn(
  db: Database,
  budgets: SignInBudgets,
  at: { now: Date; config: Config },
): Promise<Reservation> {
  const { now } = at;
  return db.transaction().execute(async (trx) => {
    // Always in this order (pair, account, address), so that two sign-ins never wait on each other in a circle.
    const pairRow = await lockRow(trx, budgets.pair, now);
    const known =
      pairRow.signed_in_at !== null &&
      now.getTime() - new Date(pairRow.signed_in_at).getTime() < KNOWN_ADDRESS_MS;
    const rows: [Key, Row][] = [[budgets.pair, pairRow]];
    if (!known) {
      rows.push([budgets.account, await lockRow(trx, budgets.account, now)]);
      rows.push([budgets.address, await lockRow(trx, budgets.address, now)]);
    }
    const decisions = rows.map(([key, row]) => decide(key, row, at));
    const refused = decisions.filter((d) => !d.allow);
    if (refused.length === 0) {
      for (const d of decisions) {
        if (d.allow)
          await setRow(trx, d.key, {
            attempts: d.attempts,
            strikes: d.strikes,
            blocked_until: null,
            updated_at: now,
          });
      }
      return { ok: true, reserved: decisions.map((d) => d.key) };
    }
    for (const d of refused) {
      if (d.startsWait) {
        await setRow(trx, d.key, {
          attempts: 0,
          strikes: d.startsWait.strikes,
          blocked_until: d.until,
          updated_at: now,
        });
      }
    }
    const until = Math.max(...refused.map((d) => d.until.getTime()));
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  });
}

async function setRow(
  trx: Transaction<DB>,
  key: Key,
  values: { attempts: number; strikes: number; blocked_until: Date | null; updated_at: Date },
): Promise<void> {
  await trx
    .updateTable('sign_in_budgets')
    .set(values)
    .where('scope', '=', key.scope)
    .where('username', '=', key.username)
    .where('address', '=', key.address)
    .execute();
}

/**
 * A successful sign-in: the account-address budget starts again and remembers the address; the
 * account and address budgets get back the attempt reserved (the failures of others stay counted).
 * Budgets forgotten long ago are removed.
 */
export async function recordSignIn(
  trx: Transaction<DB>,
  reservation: { budgets: SignInBudgets; reserved: Key[] },
  now: Date,
): Promise<void> {
  const { budgets, reserved } = reservation;
  await trx
    .updateTable('sign_in_budgets')
    .set({ attempts: 0, strikes: 0, blocked_until: null, signed_in_at: now, updated_at: now })
    .where('scope', '=', budgets.pair.scope)
    .where('username', '=', budgets.pair.username)
    .where('address', '=', budgets.pair.address)
    .execute();
  for (const key of reserved) {
    if (key.scope === 'account-address') continue;
    await trx
      .updateTable('sign_in_budgets')
      .set({ attempts: sql`greatest(attempts - 1, 0)` })
      .where('scope', '=', key.scope)
      .where('username', '=', key.username)
      .where('address', '=', key.address)
      .execute();
  }
  await forgetQuietBudgets(trx, now);
}

/**
 * Budgets quiet for a day are forgotten, unless they remember a sign-in of the last 30 days: run at each
 * successful sign-in and hourly by the worker (auth.jobs.ts), so failed attempts from ever new addresses
 * cannot grow the table without end. Answers how many rows went.
 */
export async function forgetQuietBudgets(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_budgets')
    .where('updated_at', '<', new Date(now.getTime() - FORGET_MS))
    .where((eb) =>
      eb.or([
        eb('signed_in_at', 'is', null),
        eb('signed_in_at', '<', new Date(now.getTime() - KNOWN_ADDRESS_MS)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The unlock: every budget of the account (from every address) starts again. */
export async function clearAccountBudgets(trx: Transaction<DB>, username: string): Promise<void> {
  await trx
    .updateTable('sign_in_budgets')
    .set({ attempts: 0, strikes: 0, blocked_until: null })
    .where('scope', 'in', ['account', 'account-address'])
    .where('username', '=', username)
    .execute();
}
