// Which tables a process has written to, as an epoch per watched set: a Kysely plugin that sees every
// statement the query builder sends (in or out of a transaction) and moves the epoch before and after
// each one that inserts, updates, deletes or merges rows of a watched table (also inside a WITH). A
// cache of what those tables hold keeps an entry only while the epoch it was read at is current, so
// this process's own writes end it at once. Writes by other processes, and raw SQL, are not seen: a
// cache using it also bounds an entry's age (docs/adr/0012-session-cache.md).
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

/** Every table a node names (TableNode), searched through its children. */
function namesTable(node: unknown, tables: ReadonlySet<string>, depth = 0): boolean {
  if (node === null || typeof node !== 'object' || depth > 40) return false;
  const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
  if (n.kind === 'TableNode' && tables.has(n.table?.identifier?.name ?? '')) return true;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      if (value.some((v) => namesTable(v, tables, depth + 1))) return true;
    } else if (value !== null && typeof value === 'object' && namesTable(value, tables, depth + 1))
      return true;
  }
  return false;
}

/** A write to one of `tables`: the statement itself, or one in its WITH. */
function writesTo(node: OperationNode, tables: ReadonlySet<string>): boolean {
  if (WRITES.has(node.kind)) {
    const target = node as unknown as { into?: unknown; table?: unknown; from?: unknown; using?: unknown };
    if (namesTable(target.into ?? target.table ?? target.from ?? target.using, tables)) return true;
  }
  const ctes = (node as unknown as { with?: { expressions?: { expression?: OperationNode }[] } }).with;
  return (ctes?.expressions ?? []).some((c) => c.expression !== undefined && writesTo(c.expression, tables));
}

export class WriteWatch implements KyselyPlugin {
  readonly #tables: ReadonlySet<string>;
  readonly #writing = new WeakSet<object>();
  #epoch = 0;

  constructor(tables: readonly string[]) {
    this.#tables = new Set(tables);
  }

  /** Moves on whenever this process writes to a watched table (before and after the statement). */
  get epoch(): number {
    return this.#epoch;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (writesTo(args.node, this.#tables)) {
      this.#epoch++;
      this.#writing.add(args.queryId);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#writing.has(args.queryId)) this.#epoch++;
    return args.result;
  }
}

/** The tables a signed-in officer's actor is read from (auth's session read). */
export const ACTOR_TABLES = ['users', 'sessions', 'user_roles', 'agencies', 'units'] as const;
