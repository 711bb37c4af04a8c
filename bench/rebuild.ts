/**
 * P3 (quality.md): rebuild every projection from 1,000,000 events: events/s and peak RSS, against
 * the ceiling of reading and parsing the same events with no projection work, in one run.
 * Usage: npm run bench:rebuild [-- --events 1000000 --runs 3 --no-record]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { ledgerUpcasters } from '../src/ledger/upcasting/ledger-upcasters';
import { toProjected } from '../src/projections/projected-event';
import { ProjectionRunner } from '../src/projections/projection-runner';
import { ledgerProjections } from '../src/projections/projections.module';
import { READ_MODELS_FILE, SqliteReadModelDb } from '../src/projections/read-model-db';
import { benchLedger } from './bench-ledger';
import { machine, median, option, recordRow, summaryLine } from './support';

const EVENTS = option('events', 1_000_000);
const RUNS = option('runs', 3);
const RECORD = !process.argv.includes('--no-record');

async function readCeiling(store: SqliteEventStore): Promise<number> {
  const upcasters = ledgerUpcasters();
  const started = process.hrtime.bigint();
  let n = 0;
  for await (const e of store.readAll()) {
    toProjected(e, upcasters);
    n++;
  }
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function rebuildAll(
  store: SqliteEventStore,
  dir: string,
): Promise<{ rate: number; events: number }> {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dir, READ_MODELS_FILE + suffix), { force: true });
  const db = new SqliteReadModelDb(dir);
  const runner = new ProjectionRunner(store, db, ledgerUpcasters(), ledgerProjections());
  let events = 0;
  let seconds = 0;
  for (const p of ledgerProjections()) {
    const result = await runner.rebuild(p.name);
    events += result.events;
    seconds += result.seconds;
    console.log(
      `  ${p.name}: ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.eventsPerSecond)}/s)`,
    );
  }
  db.close();
  return { rate: events / seconds, events };
}

async function main() {
  const dir = await benchLedger(EVENTS);
  const store = SqliteEventStore.open({ dataDir: dir, command: 'bench rebuild' });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const ceilings: number[] = [];
  const rates: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    ceilings.push(await readCeiling(store));
    const r = await rebuildAll(store, dir);
    rates.push(r.rate);
    console.log(
      `run ${run}: read+parse ${Math.round(ceilings[run - 1])} events/s; rebuild ${Math.round(r.rate)} events/s per projection`,
    );
  }
  clearInterval(sampler);
  await store.close();
  const value = median(rates);
  const ceiling = median(ceilings);
  const rssMb = peakRss / 1024 / 1024;
  const targetMet = value >= 100_000 && rssMb <= 400;
  if (RECORD) {
    recordRow(
      'P3',
      `| P3 | rebuild of every projection, ${EVENTS.toLocaleString('en-GB')} events × ${RUNS} runs (events/s per projection; peak RSS ${Math.round(rssMb)} MB) | ${Math.round(value)} events/s (min ${Math.round(Math.min(...rates))}, max ${Math.round(Math.max(...rates))}) | ${Math.round(ceiling)} events/s read + parse | ${(value / ceiling).toFixed(2)} | ≥ 100,000/s and ≤ 400 MB | ${targetMet ? 'yes' : 'no'} | ${machine()}, ${new Date().toISOString().slice(0, 10)} |`,
    );
  }
  console.log(
    summaryLine({ id: 'P3', value, unit: 'events/s', ceiling, ratio: value / ceiling, targetMet }),
  );
  console.log(`P3 peak_rss_mb=${Math.round(rssMb)} target_met=${rssMb <= 400 ? 'yes' : 'no'}`);
}

void main();
