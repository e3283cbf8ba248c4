// Frozen: never edit a migration that has shipped; add a new one.
// Sign-in throttling by budgets reserved before the password check (docs/adr/0011-sign-in-throttling.md),
// replacing the failures counted after it.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`DROP TABLE login_failures`);
  await run(sql`
    CREATE TABLE sign_in_budgets (
      scope text NOT NULL CHECK (scope IN ('account-address', 'account', 'address')),
      username text NOT NULL DEFAULT '',
      address text NOT NULL DEFAULT '',
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      strikes integer NOT NULL DEFAULT 0 CHECK (strikes >= 0),
      blocked_until timestamptz,
      signed_in_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (scope, username, address)
    )`);
  await run(
    sql`COMMENT ON TABLE sign_in_budgets IS 'Staff sign-in budgets (ADR 0011): per account from one address, per account, per address. An attempt is reserved here, under the row''s lock, before its password is checked.'`,
  );
  await run(
    sql`COMMENT ON COLUMN sign_in_budgets.username IS 'The normalised username tried (account and account-address budgets; empty for an address budget).'`,
  );
  await run(
    sql`COMMENT ON COLUMN sign_in_budgets.address IS 'The client address (an IPv6 address by its /64; address and account-address budgets; empty for an account budget).'`,
  );
  await run(
    sql`COMMENT ON COLUMN sign_in_budgets.attempts IS 'Attempts reserved since the budget was last renewed; a successful sign-in gives its attempt back.'`,
  );
  await run(
    sql`COMMENT ON COLUMN sign_in_budgets.strikes IS 'Times the budget ran out since the row was last quiet for a day; the next wait is LOGIN_BACKOFF_SECONDS × 2^strikes, at most LOGIN_BACKOFF_MAX_MINUTES.'`,
  );
  await run(
    sql`COMMENT ON COLUMN sign_in_budgets.signed_in_at IS 'account-address only: the last successful sign-in of the account from the address; within 30 days the account and address budgets do not apply to the pair.'`,
  );
  await run(sql`CREATE INDEX sign_in_budgets_updated_at_idx ON sign_in_budgets (updated_at)`);
}
