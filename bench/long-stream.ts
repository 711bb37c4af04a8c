/**
 * P6 (docs/quality.md): command latency on a stream of 10,000 events against a fresh stream, measured
 * in the same run. The long stream is an asset written by the real decider (a seizure, then
 * custody transfers with a valuation every fifth event) and appended directly to the store in
 * batches; the timed command is a custody transfer through the real command handler (agency scope
 * included), alternately on the long asset and on a freshly seized one. Each run opens a new
 * process-local command handler, so the first command on the long stream is cold (printed apart).
 * Usage: npm run bench:long-stream [-- --events 10000 --commands 200 --runs 5 --no-snapshots
 *   --no-record]
 */
import { v7 as uuidv7 } from 'uuid';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { scopedCommandHandler } from '../src/ledger/access/case-access-reader';
import { assetAggregate } from '../src/ledger/assets/asset.aggregate';
import { AssetCommand } from '../src/ledger/assets/asset.commands';
import { AssetEvent } from '../src/ledger/assets/asset.events';
import { AssetState } from '../src/ledger/assets/asset.state';
import { caseAggregate } from '../src/ledger/cases/case.aggregate';
import { CommandHandler } from '../src/ledger/command-handling/command-handler';
import { CommandEnvelope, newEnvelope } from '../src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '../src/ledger/upcasting/ledger-upcasters';
import { makeTempDir } from '../test/support/temp-dir';
import { budgetRow, median, option, recordRow, summaryLine } from './support';

const EVENTS = option('events', 10_000);
const COMMANDS = option('commands', 200);
const RUNS = option('runs', 5);
const SNAPSHOTS = !process.argv.includes('--no-snapshots');
const RECORD = !process.argv.includes('--no-record');
const TARGET = 1.5;
const BATCH = 500;

const upcasters = ledgerUpcasters();
const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const LOCATIONS = ['Paddington Green property store', 'Hendon store', 'Charing Cross store'];

let clock = Date.parse('2026-11-27T08:00:00.000Z');
/** A server clock that moves a second per command, so events carry distinct instants. */
const tick = () => new Date((clock += 1000)).toISOString();

const envelope = (): CommandEnvelope =>
  newEnvelope({ id: 'DC-4411', agency: 'MPS', roles: ['investigator'] }, 'investigator', tick());

function seize(assetId: string, caseId: string, n: number): AssetCommand {
  const now = tick();
  return {
    type: 'SeizeAsset',
    now,
    data: {
      assetId,
      caseId,
      exhibitRef: `LS/${n}`,
      power: 'POCA_S47C',
      category: 'watch',
      description: 'Rolex Submariner, steel, in a presentation box',
      location: '14 Harrow Road, London W2',
      custodyLocation: LOCATIONS[0],
      occurredAt: now,
    },
    context: { case: { exists: true, closed: false, subjectIds: [] } },
  };
}

/** The next custody location: never where the asset is now (the decider refuses that). */
function transfer(state: AssetState, i: number): AssetCommand {
  const to = LOCATIONS.filter((l) => l !== state.custodyLocation)[i % 2];
  return {
    type: 'TransferCustody',
    now: tick(),
    data: { to, reason: 'Storage review', sealNumber: `SEAL-${i}` },
  };
}

function valuation(i: number): AssetCommand {
  return {
    type: 'ValueAsset',
    now: tick(),
    data: {
      valuationId: uuidv7(),
      basis: 'market',
      value: gbp(`${8000 + (i % 997)}.00`),
      valuedAsAt: '2026-11-27',
      valuer: 'Bonhams, Knightsbridge',
      notes: 'Periodic revaluation for the restraint schedule',
    },
  };
}

/**
 * Writes an asset stream of `events` events: decided by the real decider against the state so far
 * and appended straight to the store in batches (through the handler it would take 10,000
 * commands, each paying for the fold under test).
 */
async function longAsset(store: SqliteEventStore, handler: CommandHandler, caseId: string) {
  const { decider } = assetAggregate;
  const assetId = uuidv7();
  const stream = assetAggregate.stream(assetId);
  let state = decider.initialState;
  let revision = -1n;
  let pending: AssetEvent[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const result = await store.append(stream, handler.toEventData(stream, pending, envelope()), {
      expectedRevision: revision < 0n ? 'no_stream' : revision,
    });
    revision = result.nextExpectedRevision;
    pending = [];
  };
  for (let i = 0; i < EVENTS; i++) {
    const command =
      i === 0 ? seize(assetId, caseId, 0) : i % 5 === 0 ? valuation(i) : transfer(state, i);
    for (const event of decider.decide(command, state)) {
      state = decider.evolve(state, event);
      pending.push(event);
    }
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  return { assetId, valuations: state.valuations.length, revision };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

interface RunResult {
  long: number;
  fresh: number;
  ratio: number;
  cold: number;
}

async function run(
  r: number,
  store: SqliteEventStore,
  caseId: string,
  long: string,
): Promise<RunResult> {
  // A new handler per run: its snapshot cache starts empty, as after a restart.
  const handler = scopedCommandHandler(store, upcasters, SNAPSHOTS ? {} : { snapshots: false });
  const command = (assetId: string, to: string) =>
    handler.handle(
      assetAggregate,
      assetId,
      { type: 'TransferCustody', now: tick(), data: { to, reason: 'Storage review' } },
      envelope(),
    );
  // A new bay each time, so every timed command is accepted (never "already there").
  const target = (i: number) => `Hendon store, bay ${r}-${i}`;
  const cold = await timed(() => command(long, target(0)));
  const longTimes: number[] = [];
  const freshTimes: number[] = [];
  for (let i = 1; i <= COMMANDS; i++) {
    const fresh = uuidv7();
    await handler.handle(assetAggregate, fresh, seize(fresh, caseId, i), envelope());
    // Alternate which goes first, so neither side always follows the other.
    if (i % 2) {
      longTimes.push(await timed(() => command(long, target(i))));
      freshTimes.push(await timed(() => command(fresh, target(i))));
    } else {
      freshTimes.push(await timed(() => command(fresh, target(i))));
      longTimes.push(await timed(() => command(long, target(i))));
    }
  }
  const l = median(longTimes);
  const f = median(freshTimes);
  return { long: l, fresh: f, ratio: l / f, cold };
}

async function main() {
  const dir = makeTempDir('bench-long-stream-');
  const store = SqliteEventStore.open({ dataDir: dir.path, command: 'bench long-stream' });
  try {
    const setup = new CommandHandler(store, upcasters);
    const caseId = uuidv7();
    await setup.handle(
      caseAggregate,
      caseId,
      {
        type: 'OpenCase',
        now: tick(),
        data: {
          caseId,
          reference: 'MPS/ECU/2026/0600',
          title: 'Long stream benchmark',
          leadAgency: 'MPS',
          jurisdiction: 'E&W',
        },
      },
      envelope(),
    );
    const started = Date.now();
    const long = await longAsset(store, setup, caseId);
    console.log(
      `long asset: ${EVENTS.toLocaleString('en-GB')} events (${long.valuations} valuations), written in ${Date.now() - started} ms`,
    );
    console.log(`snapshots: ${SNAPSHOTS ? 'on' : 'off (--no-snapshots)'}`);
    const results: RunResult[] = [];
    for (let r = 1; r <= RUNS; r++) {
      const result = await run(r, store, caseId, long.assetId);
      results.push(result);
      console.log(
        `run ${r}: long ${result.long.toFixed(2)} ms, fresh ${result.fresh.toFixed(2)} ms (median of ${COMMANDS}), ratio ${result.ratio.toFixed(2)}; first command on the long stream ${result.cold.toFixed(1)} ms`,
      );
    }
    const longs = results.map((x) => x.long);
    const value = median(longs);
    const ceiling = median(results.map((x) => x.fresh));
    const ratio = median(results.map((x) => x.ratio));
    const targetMet = ratio <= TARGET;
    console.log(
      `TransferCustody on ${EVENTS.toLocaleString('en-GB')} events: median ${value.toFixed(2)} ms (min ${Math.min(...longs).toFixed(2)}, max ${Math.max(...longs).toFixed(2)}); fresh stream ${ceiling.toFixed(2)} ms; ratio ${ratio.toFixed(2)}; first command after start ${median(results.map((x) => x.cold)).toFixed(1)} ms`,
    );
    if (RECORD) {
      recordRow(
        'P6',
        budgetRow({
          id: 'P6',
          what: `command latency (TransferCustody), asset stream of ${EVENTS.toLocaleString('en-GB')} events vs a fresh one, ${COMMANDS} commands × ${RUNS} runs${SNAPSHOTS ? '' : ', snapshots off'}`,
          values: longs,
          unit: 'ms',
          digits: 2,
          ceiling: `${ceiling.toFixed(2)} ms fresh stream`,
          ratio,
          target: `ratio ≤ ${TARGET}`,
          targetMet,
        }),
      );
    }
    console.log(summaryLine({ id: 'P6', value, unit: 'ms', ceiling, ratio, targetMet }));
  } finally {
    await store.close();
    dir.remove();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
