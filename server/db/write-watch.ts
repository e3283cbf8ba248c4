// Which tables this process writes to, as an epoch per table: a Kysely plugin that sees every
// statement the query builder sends (in or out of a transaction) and moves the epoch of each table a
// statement inserts into, updates, deletes from or merges into (also inside a WITH), before and after
// it runs. A cache of what some tables hold keeps an entry only while their epoch is the one it was
// read at, so this process's own writes end it at once. Writes by other processes, and raw SQL, are not
// seen: a cache using it also bounds an entry's age (watched-cache.ts, docs/adr/0012-short-caches.md).
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** Every table a node names (TableNode), searched through its children, into `found`. */
function tablesIn(node: unknown, found: Set<string>, depth = 0): void {
  if (node === null || typeof node !== 'object' || depth > 40) return;
  const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
  const name = n.kind === 'TableNode' ? n.table?.identifier?.name : undefined;
  if (name !== undefined) found.add(name);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) tablesIn(v, found, depth + 1);
    else if (value !== null && typeof value === 'object') tablesIn(value, found, depth + 1);
  }
}

/** The tables a statement writes to: its own target, and those of the writes in its WITH. */
function writtenTables(node: OperationNode, found = new Set<string>()): Set<string> {
  if (WRITES.has(node.kind)) {
    const target = node as unknown as { into?: unknown; table?: unknown; from?: unknown };
    tablesIn(target.into ?? target.table ?? target.from, found);
  }
  const ctes = (node as unknown as { with?: { expressions?: { expression?: OperationNode }[] } }).with;
  for (const c of ctes?.expressions ?? []) if (c.expression !== undefined) writtenTables(c.expression, found);
  return found;
}

export class WriteWatch implements KyselyPlugin {
  readonly #epochs = new Map<string, number>();
  readonly #writing = new WeakMap<object, Set<string>>();

  /** Moves whenever this process writes to one of `tables` (before and after the statement). */
  epoch(tables: readonly string[]): number {
    let sum = 0;
    for (const t of tables) sum += this.#epochs.get(t) ?? 0;
    return sum;
  }

  #bump(tables: Set<string>): void {
    for (const t of tables) this.#epochs.set(t, (this.#epochs.get(t) ?? 0) + 1);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const written = writtenTables(args.node);
    if (written.size > 0) {
      this.#bump(written);
      this.#writing.set(args.queryId, written);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const written = this.#writing.get(args.queryId);
    if (written) this.#bump(written);
    return args.result;
  }
}
