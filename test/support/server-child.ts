/**
 * Child process for the server crash test (R1): the real `poca-ledger serve`, started warm.
 *
 * Run from TypeScript (SWC on the fly), loading the application's modules takes seconds on a busy
 * two-core machine; a real deployment runs compiled code and does not pay that at a restart. So
 * this child loads the modules first, prints `warm`, and waits (without touching the data
 * directory) for a line `go <port>` on stdin; then it runs `src/cli.ts serve` exactly as
 * `node dist/cli.js serve` would, with PORT set. The parent can warm the next server while the
 * current one is still taking load, kill -9 the current one, and time the restart itself.
 *
 * If the parent goes away (stdin closes), the child exits rather than linger.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';

// What src/cli.ts imports (the heavy part: Nest, the app module, reports): compiled now, cached.
import '../../src/cli-run';
import '../../src/config/config';
import '../../src/serve';
import '../../src/cli/projections-command';
import '../../src/cli/verify-command';
import '../../src/cli/token-command';
import '../../src/demo/demo-command';
import '../../src/reports/reconciliation/reconcile-command';
import '../../src/reports/valuation-statement/statement-command';

const CLI = join(__dirname, '..', '..', 'src', 'cli.ts');

let started = false;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const go = /^go (\d+)$/.exec(line.trim());
  if (!go || started) return;
  started = true;
  process.env.PORT = go[1];
  process.argv = [process.argv[0], CLI, 'serve'];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(CLI);
});
lines.on('close', () => process.exit(started ? 0 : 2));
process.stdout.write('warm\n');
