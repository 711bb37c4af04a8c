/**
 * P4 (quality.md): GET /register (a page) and GET /totals p99 with a 1,000,000-event ledger loaded,
 * against GET /health (no read-model work) measured in the same run. P7: `serve` start to the
 * first served request with caught-up checkpoints, against a bare Node HTTP server's start.
 * Usage: npm run bench:queries [-- --events 1000000 --requests 500 --no-record]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '../src/ledger/upcasting/ledger-upcasters';
import { ProjectionRunner } from '../src/projections/projection-runner';
import { ledgerProjections } from '../src/projections/projections.module';
import { SqliteReadModelDb } from '../src/projections/read-model-db';
import { CommandHandler } from '../src/ledger/command-handling/command-handler';
import { SqliteCheckpointStore } from '../src/workflows/checkpoint-store';
import { RealisationPaymentReactor } from '../src/workflows/realisation-payment.reactor';
import { ReactorRunner } from '../src/workflows/reactor-runner';
import { RestraintLinksReactor } from '../src/workflows/restraint-links.reactor';
import { benchLedger } from './bench-ledger';
import { machine, median, option, recordRow, summaryLine } from './support';

const EVENTS = option('events', 1_000_000);
const REQUESTS = option('requests', 500);
const RECORD = !process.argv.includes('--no-record');
const PORT = 3990;
const ROOT = join(__dirname, '..');

/** Projections caught up to the head, so the server starts with nothing to replay. */
async function catchUp(dir: string): Promise<void> {
  const store = SqliteEventStore.open({ dataDir: dir, command: 'bench catch-up' });
  const db = new SqliteReadModelDb(dir);
  const runner = new ProjectionRunner(store, db, ledgerUpcasters(), ledgerProjections());
  let head = 0n;
  for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) head = e.position;
  runner.start();
  await runner.waitFor(head, 30 * 60_000);
  await runner.stop();
  db.close();
  // The reactors too: a server that has been running has them caught up as well.
  const checkpoints = new SqliteCheckpointStore(dir);
  const handler = new CommandHandler(store, ledgerUpcasters());
  const reactors = new ReactorRunner(store, checkpoints, [
    new RestraintLinksReactor(handler),
    new RealisationPaymentReactor(handler),
  ]);
  reactors.start();
  await reactors.waitFor(head);
  await reactors.stop();
  checkpoints.close();
  await store.close();
}

async function untilServing(url: string, started: bigint): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return Number(process.hrtime.bigint() - started) / 1e6;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function startServer(dir: string): Promise<{ ms: number; stop: () => void }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'serve'], {
    env: { ...process.env, PORT: String(PORT), LEDGER_DATA_DIR: dir, NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  const ms = await untilServing(`http://localhost:${PORT}/health`, started);
  return { ms, stop: () => child.kill('SIGTERM') };
}

async function bareServerStart(): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${PORT + 1})`],
    { stdio: 'ignore' },
  );
  const ms = await untilServing(`http://localhost:${PORT + 1}/`, started);
  child.kill();
  return ms;
}

async function p99(path: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`http://localhost:${PORT}${path}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.99))];
}

async function main() {
  const dir = await benchLedger(EVENTS);
  console.log('Catching the projections up (once per generated ledger)...');
  await catchUp(dir);
  const starts: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < 3; run++) {
    bare.push(await bareServerStart());
    const server = await startServer(dir);
    starts.push(server.ms);
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const server = await startServer(dir);
  try {
    const health = await p99('/health');
    const register = await p99('/register?limit=50');
    const registerFiltered = await p99('/register?operation=Op-3&status=detained&limit=50');
    const totals = await p99('/totals?groupBy=agency');
    console.log(
      `p99: /health ${health.toFixed(1)} ms, /register ${register.toFixed(1)} ms, filtered ${registerFiltered.toFixed(1)} ms, /totals ${totals.toFixed(1)} ms`,
    );
    const worst = Math.max(register, registerFiltered, totals);
    const startMs = median(starts);
    const bareMs = median(bare);
    const date = new Date().toISOString().slice(0, 10);
    if (RECORD) {
      recordRow(
        'P4',
        `| P4 | p99 of GET /register (page; filtered) and GET /totals, ${EVENTS.toLocaleString('en-GB')} events, ${REQUESTS} requests each | ${register.toFixed(1)} / ${registerFiltered.toFixed(1)} / ${totals.toFixed(1)} ms | ${health.toFixed(1)} ms GET /health | ${(worst / health).toFixed(2)} | ≤ 20 ms | ${worst <= 20 ? 'yes' : 'no'} | ${machine()}, ${date} |`,
      );
      recordRow(
        'P7',
        `| P7 | serve start to first served request, ${EVENTS.toLocaleString('en-GB')} events, checkpoints caught up, 3 runs | ${Math.round(startMs)} ms (min ${Math.round(Math.min(...starts))}, max ${Math.round(Math.max(...starts))}) | ${Math.round(bareMs)} ms bare Node server | ${(startMs / bareMs).toFixed(2)} | ≤ 3,000 ms | ${startMs <= 3000 ? 'yes' : 'no'} | ${machine()}, ${date} |`,
      );
    }
    console.log(
      summaryLine({
        id: 'P4',
        value: worst,
        unit: 'ms_p99',
        ceiling: health,
        ratio: worst / health,
        targetMet: worst <= 20,
      }),
    );
    console.log(
      summaryLine({
        id: 'P7',
        value: startMs,
        unit: 'ms',
        ceiling: bareMs,
        ratio: startMs / bareMs,
        targetMet: startMs <= 3000,
      }),
    );
  } finally {
    server.stop();
  }
}

void main();
