/**
 * P3 (docs/quality.md): rebuild every projection from 1,000,000 events as an operator does it,
 * `poca-ledger projections rebuild` (the compiled CLI, server stopped: every projection in one pass
 * over the log, into a fresh read-model database), against the ceiling of reading, parsing and
 * upcasting the same events with no projection work, measured in the same run. The rate is events
 * of the log per second for the whole rebuild (built, caught up and swapped); the peak RSS is the
 * rebuilding process's own maximum resident set.
 * Usage: npm run bench:rebuild [-- --events 1000000 --runs 3 --no-record]
 * Profile one rebuild: node --cpu-prof dist/cli.js projections rebuild (LEDGER_DATA_DIR=bench/.data/ledger-1000000)
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '../src/ledger/upcasting/ledger-upcasters';
import { toProjected } from '../src/projections/projected-event';
import { READ_MODELS_FILE } from '../src/projections/read-model-db';
import { benchLedger } from './bench-ledger';
import { budgetRow, median, option, recordRow, summaryLine } from './support';

const EVENTS = option('events', 1_000_000);
const RUNS = option('runs', 3);
const RECORD = !process.argv.includes('--no-record');
/** The compiled CLI (`npm run build`); BENCH_CLI points elsewhere (a build of one's own). */
const CLI = process.env.BENCH_CLI ?? join(__dirname, '..', 'dist', 'cli.js');
const PROJECTIONS = 4;

async function readCeiling(dir: string): Promise<number> {
  const store = SqliteEventStore.open({ dataDir: dir, command: 'bench rebuild ceiling' });
  try {
    const upcasters = ledgerUpcasters();
    const started = process.hrtime.bigint();
    let n = 0;
    for await (const e of store.readAll()) {
      toProjected(e, upcasters);
      n++;
    }
    return n / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await store.close();
  }
}

interface RebuildRun {
  events: number;
  seconds: number;
  rate: number;
  peakRssMb: number;
  /** CPU time of the whole rebuilding process (start-up included): steadier than wall time. */
  cpuSeconds: number;
}

/** `poca-ledger projections rebuild` on a fresh read-model database, in a process of its own. */
async function rebuildAll(dir: string): Promise<RebuildRun> {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dir, READ_MODELS_FILE + suffix), { force: true });
  // The CLI as installed, plus one line at exit with the process's peak resident set (kB).
  const script = `process.argv = [process.execPath, ${JSON.stringify(CLI)}, 'projections', 'rebuild'];
process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('peak_rss_kb=' + u.maxRSS + ' cpu_us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
require(${JSON.stringify(CLI)});`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, LEDGER_DATA_DIR: dir, EVENT_STORE: 'sqlite' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const summary = /Rebuilt (.+): (\d+) events of the log in ([\d.]+) s \((\d+) events\/s/.exec(
    stdout,
  );
  const rss = /peak_rss_kb=(\d+) cpu_us=(\d+)/.exec(stderr);
  if (code !== 0 || !summary || !rss)
    throw new Error(`projections rebuild failed (exit ${code}):\n${stdout}\n${stderr}`);
  const events = Number(summary[2]);
  const rate = Number(summary[4]);
  return {
    events,
    seconds: events / rate,
    rate,
    peakRssMb: Number(rss[1]) / 1024,
    cpuSeconds: Number(rss[2]) / 1e6,
  };
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build first`);
  const dir = await benchLedger(EVENTS);
  const ceilings: number[] = [];
  const runs: RebuildRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    ceilings.push(await readCeiling(dir));
    const r = await rebuildAll(dir);
    runs.push(r);
    console.log(
      `run ${run}: read+parse ${Math.round(ceilings[run - 1])} events/s; rebuild of all projections ${r.events} events in ${r.seconds.toFixed(1)} s = ${Math.round(r.rate)} events/s; process CPU ${r.cpuSeconds.toFixed(1)} s; peak RSS ${Math.round(r.peakRssMb)} MB`,
    );
  }
  const rates = runs.map((r) => r.rate);
  const value = median(rates);
  const ceiling = median(ceilings);
  const rssMb = Math.max(...runs.map((r) => r.peakRssMb));
  const targetMet = value >= 100_000 && rssMb <= 400;
  if (RECORD) {
    recordRow(
      'P3',
      budgetRow({
        id: 'P3',
        what: `\`projections rebuild\`: all ${PROJECTIONS} projections in one pass, ${EVENTS.toLocaleString('en-GB')} events × ${RUNS} runs (events of the log per second for the whole rebuild; peak RSS ${Math.round(rssMb)} MB)`,
        values: rates,
        unit: 'events/s',
        ceiling: `${Math.round(ceiling)} events/s read + parse`,
        ratio: value / ceiling,
        target: '≥ 100,000/s and ≤ 400 MB',
        targetMet,
      }),
    );
  }
  console.log(
    summaryLine({ id: 'P3', value, unit: 'events/s', ceiling, ratio: value / ceiling, targetMet }),
  );
  console.log(`P3 peak_rss_mb=${Math.round(rssMb)} target_met=${rssMb <= 400 ? 'yes' : 'no'}`);
}

void main();
