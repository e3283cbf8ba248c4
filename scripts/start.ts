// `npm start`: build the web app if its sources changed, then run the server in this process
// (`server/main.ts --role=all` unless another --role is given: `npm start -- --role=api`).
// Ctrl-C reaches server/main.ts's SIGINT handler, which closes the HTTP server and the database.
import path from 'node:path';
import { ensureWebBuild } from '../web/build.ts';

const SERVER_MAIN = path.resolve(import.meta.dirname, '../server/main.ts');

try {
  await ensureWebBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// server/main.ts reads its options with parseArgs(), i.e. from process.argv after the script.
const passed = process.argv.slice(2);
const args = passed.some((a) => a === '--role' || a.startsWith('--role='))
  ? passed
  : ['--role=all', ...passed];
process.argv = [process.argv[0]!, SERVER_MAIN, ...args];
await import('../server/main.ts');
