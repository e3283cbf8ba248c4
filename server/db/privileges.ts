// What the runtime connection may do to the audit trail (issue #20, docs/operations.md): a server
// that can rewrite its own evidence is told so loudly at start-up. PGlite is one superuser session
// by design and is not checked.
import { sql } from 'kysely';
import type { DbHandle } from './client.ts';

/** Why the runtime connection could alter the audit log, or [] when it cannot. */
export async function runtimePrivilegeProblems(handle: DbHandle): Promise<string[]> {
  if (handle.driver !== 'pg') return [];
  const { rows } = await sql<{
    role: string;
    superuser: boolean;
    owner: string | null;
    member: boolean | null;
  }>`
    SELECT current_user AS role,
      (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      pg_get_userbyid(c.relowner) AS owner,
      pg_has_role(current_user, c.relowner, 'MEMBER') AS member
    FROM (SELECT 1) one LEFT JOIN pg_class c ON c.oid = to_regclass('audit_log')`.execute(handle.db);
  const r = rows[0]!;
  const problems: string[] = [];
  if (r.superuser) problems.push(`the runtime role ${r.role} is a superuser`);
  else if (r.member) problems.push(`the runtime role ${r.role} owns audit_log (as ${r.owner})`);
  return problems.map(
    (p) =>
      `${p}: it can disable the audit log's triggers and rewrite its anchors. Run the server as a ` +
      'member of motcua_runtime and migrate with MIGRATION_DATABASE_URL (docs/operations.md).',
  );
}
