// The executor a reorganisation reads and writes with: inside its transaction, the transaction
// (PGlite is one session).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';

export type Executor = Database | Transaction<DB>;
