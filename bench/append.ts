/**
 * P1 (docs/quality.md): port appends, 64 concurrent writers, one event each, distinct streams, against
 * the raw better-sqlite3 ceiling (same schema, same pragmas, 64 rows per transaction), in one run.
 * Usage: npm run bench:append [-- --events 100000 --runs 3 --no-record]
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import {
  applyWriterPragmas,
  createSchema,
  EVENTS_FILE,
} from '../src/event-store/sqlite/sqlite-schema';
import { makeTempDir } from '../test/support/temp-dir';
import { machine, median, recordRow, summaryLine } from './support';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EVENTS = option('events', 100_000);
const RUNS = option('runs', 3);
const WRITERS = 64;
const RECORD = !args.includes('--no-record');

/** ~400 bytes of JSON, like a seizure. */
function payload(i: number) {
  return {
    data: {
      caseId: uuidv7(),
      exhibitRef: `MPS/BW/${i}`,
      power: 'PACE_s19',
      category: 'cash',
      description: 'Sterling cash in a holdall, mixed denominations',
      location: 'Flat 3, 12 Example Road, London E1',
      declared: { amount: '25000.00', currency: 'GBP' },
      occurredAt: '2026-11-29T10:15:00+00:00',
    },
    metadata: {
      commandId: uuidv4(),
      correlationId: uuidv4(),
      actor: 'officer-1234',
      agency: 'MPS',
      role: 'investigator',
      schemaVersion: 1,
    },
  };
}

function rawCeiling(): number {
  const dir = makeTempDir('bench-raw-');
  const db = new Database(join(dir.path, EVENTS_FILE));
  applyWriterPragmas(db);
  createSchema(db);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, 0, ?, ?, ?, ?, ?)',
  );
  const batch = db.transaction((from: number, to: number) => {
    const recordedAt = new Date().toISOString();
    for (let i = from; i < to; i++) {
      const { data, metadata } = payload(i);
      insert.run(
        `asset-${uuidv7()}`,
        uuidv4(),
        'AssetSeized',
        JSON.stringify(data),
        JSON.stringify(metadata),
        recordedAt,
      );
    }
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += WRITERS) batch(i, Math.min(i + WRITERS, EVENTS));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  dir.remove();
  return EVENTS / seconds;
}

async function throughPort(): Promise<{ rate: number; perTransaction: number }> {
  const dir = makeTempDir('bench-port-');
  const store = SqliteEventStore.open({ dataDir: dir.path });
  let next = 0;
  const writer = async () => {
    while (next < EVENTS) {
      const i = next++;
      const { data, metadata } = payload(i);
      await store.append(
        `asset-${uuidv7()}`,
        [{ id: uuidv4(), type: 'AssetSeized', data, metadata }],
        {
          expectedRevision: 'no_stream',
        },
      );
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { transactions, appends } = store.diagnostics();
  await store.close();
  dir.remove();
  return { rate: EVENTS / seconds, perTransaction: appends / transactions };
}

async function main() {
  const raw: number[] = [];
  const port: number[] = [];
  const batching: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    raw.push(rawCeiling());
    const p = await throughPort();
    port.push(p.rate);
    batching.push(p.perTransaction);
    console.log(
      `run ${run}: raw ${Math.round(raw[run - 1])} events/s, port ${Math.round(p.rate)} events/s, ${p.perTransaction.toFixed(1)} appends per transaction`,
    );
  }
  const value = median(port);
  const ceiling = median(raw);
  const ratio = value / ceiling;
  const targetMet = ratio >= 0.5 && value >= 20_000;
  console.log(
    `raw better-sqlite3 ceiling (64 rows/transaction): median ${Math.round(ceiling)} events/s`,
  );
  console.log(
    `port, ${WRITERS} concurrent writers: median ${Math.round(value)} events/s (min ${Math.round(Math.min(...port))}, max ${Math.round(Math.max(...port))})`,
  );
  if (RECORD) {
    const date = new Date().toISOString().slice(0, 10);
    recordRow(
      'P1',
      `| P1 | port appends, ${WRITERS} writers, distinct streams, ${EVENTS.toLocaleString('en-GB')} events × ${RUNS} runs | ${Math.round(value)} events/s (min ${Math.round(Math.min(...port))}, max ${Math.round(Math.max(...port))}) | ${Math.round(ceiling)} events/s raw | ${ratio.toFixed(2)} | ≥ 0.50 and ≥ 20,000/s | ${targetMet ? 'yes' : 'no'} | ${machine()}, ${date} |`,
    );
  }
  console.log(summaryLine({ id: 'P1', value, unit: 'events/s', ceiling, ratio, targetMet }));
}

void main();
