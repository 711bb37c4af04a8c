/**
 * Child process for the crash test: appends multi-event batches as fast as it can, with many in
 * flight, and prints `ack <n>` only after an append has resolved (is durable). The parent kills it
 * with SIGKILL at a random moment and then checks the log.
 */
import { v4 as uuidv4 } from 'uuid';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

const [dataDir, runId, inFlightArg] = process.argv.slice(2);
const EVENTS_PER_APPEND = 5;
const inFlight = Number(inFlightArg ?? 16);
const store = SqliteEventStore.open({ dataDir, command: 'append-crash-child' });
let next = 0;

async function writer(): Promise<void> {
  for (;;) {
    const n = next++;
    const stream = `crash-${runId}-${n}`;
    const events = Array.from({ length: EVENTS_PER_APPEND }, (_, i) => ({
      id: uuidv4(),
      type: 'CrashTestEvent',
      data: { n, i, of: EVENTS_PER_APPEND, pad: 'p'.repeat(300) },
    }));
    await store.append(stream, events, { expectedRevision: 'no_stream' });
    process.stdout.write(`ack ${n}\n`);
  }
}

process.stdout.write('ready\n');
for (let i = 0; i < inFlight; i++) void writer();
