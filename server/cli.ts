// npm run cli -- <command> [options]; every command has --help.
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from './config.ts';
import { migrateAsOwner, openRuntime, type Runtime } from './bootstrap.ts';
import { seedReference } from './db/seeds/reference.ts';
import { seedDemo } from './db/seeds/demo.ts';
import { seedCatalogue } from './db/seeds/catalogue.ts';
import { recordShippedNationalSchedule } from './modules/calendar/index.ts';
import { exportCatalogue, importCatalogue } from './modules/catalog/index.ts';
import fs from 'node:fs';
import { createApiToken, createUser, resetPassword } from './modules/auth/index.ts';
import { verifyAuditChain } from './platform/audit.ts';
import { rebuildReportCounts } from './modules/reports/index.ts';
import { BackupError, backupEmbedded, restoreEmbedded } from './db/backup.ts';
import { DataDirLockedError } from './db/lock.ts';
import { AppError } from './platform/errors.ts';
import { ROLES, type Role } from '../common/auth/roles.ts';
import { importDossiersFromFile } from './modules/imports/index.ts';
import { DOSSIER_IMPORT_FORMATS, type DossierImportFormat } from '../common/contracts/imports.ts';

type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run: (values: Record<string, unknown>, open: () => Promise<Runtime>) => Promise<number>;
  /** How many positional arguments it takes (given to run as `_`). */
  positionals?: number;
};

const CLI = { userId: null, label: 'cli' };

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'migrate',
    options: {},
    run: async (_v, open) => {
      const rt = await open();
      try {
        const applied = await migrateAsOwner(rt.deps.config, rt.handle);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  seed: {
    summary:
      'Load the reference data (units, agencies, desks, the national calendar); --demo adds the demo staff',
    usage: 'seed [--demo]',
    options: { demo: { type: 'boolean' } },
    run: async (v, open) => {
      const rt = await open();
      try {
        await migrateAsOwner(rt.deps.config, rt.handle);
        const r = await seedReference(rt.deps.db, rt.deps.clock.now());
        console.log(
          r.skipped
            ? 'reference data already current'
            : `reference data: ${r.units} units, ${r.agencies} agencies, ${r.desks} desks`,
        );
        const years = await recordShippedNationalSchedule(rt.deps);
        console.log(
          years.length === 0
            ? 'national calendar already current'
            : `national calendar recorded for ${years.join(', ')}`,
        );
        const c = await seedCatalogue(rt.deps);
        console.log(
          c.skipped
            ? 'catalogue already current'
            : `catalogue: ${c.procedures} procedures, ${c.offerings} offerings`,
        );
        if (v.demo === true) {
          const d = await seedDemo(rt.deps);
          console.log(`demo staff: ${d.created} created, ${d.existing} already there`);
        }
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'user:create': {
    summary: 'Create a staff account with roles',
    usage:
      'user:create --username U --full-name "Họ Tên" --role ROLE@AGENCY_CODE [--role ...] (password from MOTCUA_PASSWORD or stdin)',
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      role: { type: 'string', multiple: true },
    },
    run: async (v, open) => {
      const username = v.username as string | undefined;
      const fullName = v['full-name'] as string | undefined;
      const roleArgs = (v.role as string[] | undefined) ?? [];
      if (!username || !fullName || roleArgs.length === 0) {
        console.error('--username, --full-name and at least one --role are required');
        return 2;
      }
      const roles: { role: Role; agencyCode: string }[] = [];
      for (const arg of roleArgs) {
        const [role, agencyCode] = arg.split('@');
        if (!role || !agencyCode || !ROLES.includes(role as Role)) {
          console.error(`--role ${arg}: expected ROLE@AGENCY_CODE with ROLE one of ${ROLES.join(', ')}`);
          return 2;
        }
        roles.push({ role: role as Role, agencyCode });
      }
      const password = await readPassword();
      const rt = await open();
      try {
        const id = await createUser(rt.deps, CLI, { username, fullName, password, roles });
        console.log(`created user ${username.trim().toLowerCase()} (id ${id})`);
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'user:reset-password': {
    summary: 'Set a new password, end the user’s sessions; they must change it at the next sign-in',
    usage: 'user:reset-password --username U (password from MOTCUA_PASSWORD or stdin)',
    options: { username: { type: 'string' } },
    run: async (v, open) => {
      const username = v.username as string | undefined;
      if (!username) {
        console.error('--username is required');
        return 2;
      }
      const password = await readPassword();
      if (!password) {
        console.error('a password is required (MOTCUA_PASSWORD or stdin)');
        return 2;
      }
      const rt = await open();
      try {
        await resetPassword(rt.deps, CLI, { username, password });
        console.log(
          `password of ${username} reset; their sessions were ended and they must change it at the next sign-in`,
        );
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'token:create': {
    summary: 'Create an API token for an integration account (printed once)',
    usage: 'token:create --username U --name "Tên tích hợp" [--expires-in-days N]',
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'expires-in-days': { type: 'string' },
    },
    run: async (v, open) => {
      const username = v.username as string | undefined;
      const name = v.name as string | undefined;
      const days = v['expires-in-days'] === undefined ? undefined : Number(v['expires-in-days']);
      if (!username || !name || (days !== undefined && !(Number.isInteger(days) && days > 0))) {
        console.error('--username and --name are required; --expires-in-days must be a positive integer');
        return 2;
      }
      const rt = await open();
      try {
        const user = await rt.deps.db
          .selectFrom('users')
          .select(['user_id', 'username'])
          .where('username', '=', username.toLowerCase())
          .executeTakeFirst();
        if (!user) {
          console.error(`no user ${username}`);
          return 1;
        }
        const created = await createApiToken(
          rt.deps,
          { userId: user.user_id, label: user.username },
          { name, expiresInDays: days },
          null,
        );
        console.log(created.token);
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'import:dossiers': {
    summary:
      'Import dossiers from a legacy system (DVCQG JSON lines, OpenCPS export, Excel template): a dry run with its report unless --apply',
    usage:
      'import:dossiers FILE --as ADMIN_USERNAME [--format=dvcqg|opencps|xlsx] [--apply] [--summary OUT.csv]',
    options: {
      as: { type: 'string' },
      format: { type: 'string' },
      apply: { type: 'boolean' },
      summary: { type: 'string' },
    },
    positionals: 1,
    run: async (v, open) => {
      const [file] = v._ as string[];
      const format = (v.format as string | undefined) ?? 'dvcqg';
      const as = v.as as string | undefined;
      if (!file || !as || !(DOSSIER_IMPORT_FORMATS as readonly string[]).includes(format)) {
        console.error('FILE and --as are required; --format is dvcqg, opencps or xlsx');
        return 2;
      }
      const rt = await open();
      try {
        const view = await importDossiersFromFile(
          rt.deps,
          {
            file,
            format: format as DossierImportFormat,
            apply: v.apply === true,
            username: as,
            summaryFile: (v.summary as string | undefined) ?? null,
          },
          (text) => process.stderr.write(text),
        );
        console.log(
          `import ${view.id} ${view.state}${view.dryRun ? ' (dry run: nothing written)' : ''}: ` +
            `${view.total} records, ${view.accepted} accepted (${view.unchanged} already imported), ${view.refused} refused, ${view.rowsPerSecond} rows/s`,
        );
        for (const r of view.report) console.log(`  line ${r.line} ${r.code ?? ''}: ${r.reason ?? ''}`);
        if (view.reportTotal > view.report.length)
          console.log(`  … ${view.reportTotal - view.report.length} more refused (see --summary)`);
        if (view.error !== null) console.error(view.error);
        return view.state === 'done' ? 0 : 1;
      } finally {
        await rt.close();
      }
    },
  },
  'catalog:import': {
    summary: 'Import a catalogue file (procedures.json shape); a dry run unless --apply',
    usage: 'catalog:import --file FILE [--apply]',
    options: { file: { type: 'string' }, apply: { type: 'boolean' } },
    run: async (v, open) => {
      const file = v.file as string | undefined;
      if (!file) {
        console.error('--file is required');
        return 2;
      }
      let json: unknown;
      try {
        // A .gz file (the shipped national catalogue) is read as gzip.
        const bytes = fs.readFileSync(file);
        json = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
      } catch (err) {
        console.error(`cannot read ${file}: ${(err as Error).message}`);
        return 2;
      }
      const rt = await open();
      try {
        const r = await importCatalogue(rt.deps, CLI, json, { dryRun: v.apply !== true });
        console.log(
          `${r.dryRun ? 'dry run — nothing written; --apply to write' : 'applied'}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected, ${r.drafted} drafted (flagged)`,
        );
        for (const item of r.items.filter((x) => x.result === 'drafted')) {
          console.log(
            `  drafted #${item.index} ${item.code}: ${(item.flags ?? []).map((f) => f.code).join(', ')}`,
          );
        }
        for (const rej of r.rejected) {
          console.log(`  rejected #${rej.index} ${rej.code ?? ''}`);
          for (const reason of rej.reasons) console.log(`    ${reason.path}: ${reason.message}`);
        }
        return r.rejected.length > 0 ? 1 : 0;
      } finally {
        await rt.close();
      }
    },
  },
  'catalog:export': {
    summary: 'Write the published catalogue in the import file shape',
    usage: 'catalog:export [--file FILE]  (stdout without --file)',
    options: { file: { type: 'string' } },
    run: async (v, open) => {
      const rt = await open();
      try {
        const text = JSON.stringify(await exportCatalogue(rt.deps), null, 2);
        if (typeof v.file === 'string') fs.writeFileSync(v.file, text);
        else console.log(text);
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'audit:verify': {
    summary: 'Check every audit chain against its anchored head; names what is wrong with each',
    usage: 'audit:verify',
    options: {},
    run: async (_v, open) => {
      const rt = await open();
      try {
        const r = await verifyAuditChain(rt.deps.db);
        if (r.ok) {
          console.log(`audit chains intact: ${r.checked} entries in ${r.chains} chains`);
          return 0;
        }
        for (const p of r.problems) {
          console.error(
            `audit chain ${p.chain} broken: ${p.reason}${p.auditId ? ` (audit_id ${p.auditId})` : ''}`,
          );
        }
        console.error(`${r.problems.length} of ${r.chains} chains broken`);
        return 1;
      } finally {
        await rt.close();
      }
    },
  },
  'reports:rebuild': {
    summary: 'Recount the report figures (report_days, report_months) from the dossiers and ratings',
    usage: 'reports:rebuild  (writes to dossiers wait meanwhile; prints how many day rows changed)',
    options: {},
    run: async (_v, open) => {
      const rt = await open();
      try {
        const r = await rebuildReportCounts(rt.deps);
        console.log(
          `report counts rebuilt: ${r.days} day rows, ${r.months} month rows; ${r.changed} day rows differed from the kept counts`,
        );
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'db:backup': {
    summary: 'Back up the embedded database to a file while the server is stopped (PostgreSQL: pg_dump)',
    usage: 'db:backup --file FILE.tar.gz  (a running server writes its own to DATA_DIR/backups)',
    options: { file: { type: 'string' } },
    run: async (v, open) => {
      const file = v.file as string | undefined;
      if (!file) {
        console.error('--file is required');
        return 2;
      }
      const rt = await open();
      try {
        const r = await backupEmbedded(rt.handle, file);
        console.log(`backed up to ${r.file} (${r.bytes} bytes)`);
        return 0;
      } finally {
        await rt.close();
      }
    },
  },
  'db:restore': {
    summary: 'Restore an embedded database backup into a fresh data dir',
    usage: 'db:restore --file FILE.tar.gz --data-dir DIR  (DIR must hold no database; then audit:verify)',
    options: { file: { type: 'string' }, 'data-dir': { type: 'string' } },
    run: async (v) => {
      const file = v.file as string | undefined;
      const dir = v['data-dir'] as string | undefined;
      if (!file || !dir) {
        console.error('--file and --data-dir are required');
        return 2;
      }
      await restoreEmbedded(file, dir);
      console.log(`restored ${file} into ${dir}; run audit:verify with DATA_DIR=${dir}`);
      return 0;
    },
  },
};

async function readPassword(): Promise<string | null> {
  const env = process.env.MOTCUA_PASSWORD;
  if (env) return env;
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text === '' ? null : text;
}

function help(): string {
  const lines = ['usage: npm run cli -- <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(22)}${c.summary}`);
  lines.push('', 'npm run cli -- <command> --help for the options of one command.');
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command ${name}\n\n${help()}`);
    return 2;
  }
  let values: Record<string, unknown>;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: (command.positionals ?? 0) > 0,
    });
    if (parsed.positionals.length > (command.positionals ?? 0))
      throw new Error(`unexpected argument ${parsed.positionals.at(-1)}`);
    values = { ...parsed.values, _: parsed.positionals };
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: npm run cli -- ${command.usage}`);
    return 2;
  }
  if (values.help === true) {
    console.log(`${command.summary}\nusage: npm run cli -- ${command.usage}`);
    return 0;
  }
  const open = () => openRuntime(loadConfig(), { migrate: false, seed: false });
  try {
    return await command.run(values, open);
  } catch (err) {
    if (err instanceof BackupError || err instanceof DataDirLockedError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof AppError) {
      console.error(
        `${err.message}${err.details ? ' ' + err.details.map((d) => `${d.path}: ${d.message}`).join('; ') : ''}`,
      );
      return 1;
    }
    throw err;
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
