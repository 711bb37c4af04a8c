/**
 * R1 (docs/quality.md): kill -9 the real server during a load of concurrent commands,
 * restart it, and check that every acknowledged command is in the log as answered, nothing is
 * half-written, the read models equal a full rebuild, and the integrity chain verifies.
 *
 * `SERVER_CRASH_KILLS` kills (default 3, as in `npm test`; `npm run test:crash` does 20);
 * `SERVER_CRASH_TRACE=1` prints each phase with its time. See "Crash safety (R1)" in
 * docs/operations.md.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { SqliteReader } from '@src/event-store/sqlite/sqlite-reader';
import { EVENTS_FILE } from '@src/event-store/sqlite/sqlite-schema';
import {
  chainProblem,
  checkCommands,
  checkReservations,
  checkRetries,
  indexDataDir,
  indexLog,
  LogIndex,
  liveAndRebuiltReadModels,
  snapshotBeforeRetry,
  waitUntilQuiet,
} from '../support/crash-checks';
import { CrashLoad } from '../support/crash-load';
import { LedgerClient, ServerProcess } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

const KILLS = Number(process.env.SERVER_CRASH_KILLS ?? 3);
const TRACE = process.env.SERVER_CRASH_TRACE === '1';
/** Commands in flight at once. */
const CONCURRENCY = 24;
/** The kill comes at a random moment this long after the first acknowledgements of a round. */
const KILL_WITHIN_MS = 1_500;
/** A restart must serve again within this (it replays nothing: projections resume from checkpoints). */
const RESTART_BUDGET_MS = 15_000;

describe('R1: kill -9 the server under concurrent commands, restart, nothing lost or half-written', () => {
  it(
    `survives ${KILLS} kill -9s: acknowledged commands present, none partial, read models = rebuild, chain verifies`,
    async () => {
      const began = Date.now();
      const trace = (what: string) => {
        if (TRACE)
          process.stdout.write(`[R1 ${((Date.now() - began) / 1000).toFixed(1)} s] ${what}\n`);
      };
      const dir = makeTempDir('poca-r1-');
      const load = new CrashLoad(Math.random().toString(36).slice(2, 8).toUpperCase());
      const figures = {
        kills: 0,
        inFlightAtKill: 0,
        committedBeforeKill: 0,
        reservedOnly: 0,
        restartMs: [] as number[],
      };
      const spawned: Promise<ServerProcess>[] = [];
      const spawn = () => {
        const warming = ServerProcess.spawnWarm(dir.path);
        warming.catch(() => undefined);
        spawned.push(warming);
        return warming;
      };

      /** Everything wrong with the log: its shape, each command sent, reservations, the chain. */
      const logProblems = async (index: LogIndex): Promise<string[]> => {
        const reader = new SqliteReader(join(dir.path, EVENTS_FILE));
        try {
          const chain = await chainProblem(dir.path);
          return [
            ...load.unexpected,
            ...index.problems,
            ...checkCommands(index, load.commands, (key) => reader.findCommand(key)),
            ...checkReservations(index),
            ...(chain ? [`integrity chain: ${chain}`] : []),
          ];
        } finally {
          reader.close();
        }
      };

      /** After a restart: retry what was in flight, let the server come to rest, check everything. */
      const checkAfterRestart = async (
        server: ServerProcess,
        client: LedgerClient,
        kill: number,
      ) => {
        const inFlight = load.byOutcome('unacknowledged');
        const snapshot = snapshotBeforeRetry(await indexDataDir(dir.path), inFlight);
        const retried = await load.retryUnacknowledged(client);
        figures.committedBeforeKill += [...snapshot.before.values()].filter((e) => e.length).length;
        figures.reservedOnly += snapshot.reservedOnly;
        trace(`after kill ${kill}: ${retried.length} in-flight commands retried`);

        await waitUntilQuiet(client, dir.path, load.authorization()).catch((error: unknown) => {
          throw new Error(
            `after kill ${kill}: ${String(error)}\n--- server log (tail) ---\n${server.log().slice(-8000)}`,
          );
        });
        const problems = [
          ...checkRetries(snapshot, retried),
          ...(await logProblems(await indexDataDir(dir.path))),
        ];
        const { live, rebuilt } = await liveAndRebuiltReadModels(dir.path);
        if (live !== rebuilt)
          problems.push(
            `the live read models differ from a full rebuild: ${firstDifference(live, rebuilt)}`,
          );
        expect(live.length).toBeGreaterThan(1_000);
        if (problems.length > 0)
          throw new Error(
            `after kill ${kill}:\n  ${problems.slice(0, 30).join('\n  ')}` +
              `${problems.length > 30 ? `\n  … ${problems.length - 30} more` : ''}` +
              `\n--- server log (tail) ---\n${server.log().slice(-4000)}`,
          );
        trace(`after kill ${kill}: checked`);
      };

      try {
        // One server serves while the next one warms up (loads its code; it opens nothing).
        const first = spawn();
        let spare = KILLS > 0 ? spawn() : undefined;
        let server = await first;
        let client = new LedgerClient(0);
        for (let round = 0; ; round++) {
          const startMs = await server.go();
          client = new LedgerClient(server.port);
          trace(`round ${round}: serving ${startMs} ms after go`);
          if (round > 0) {
            figures.restartMs.push(startMs);
            expect(startMs).toBeLessThan(RESTART_BUDGET_MS);
            await checkAfterRestart(server, client, round);
          }
          if (round === KILLS) break;

          load.start(client, CONCURRENCY, round);
          await within(load.acknowledged(10), 120_000, () => `acknowledgement in round ${round}`);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * KILL_WITHIN_MS));
          load.halt();
          await server.kill9();
          client.destroy();
          await load.stop();
          figures.kills++;
          figures.inFlightAtKill += load.byOutcome('unacknowledged').length;
          trace(`round ${round}: killed, ${load.byOutcome('unacknowledged').length} in flight`);

          server = await spare!;
          spare = round + 1 < KILLS ? spawn() : undefined;
        }

        // The end: stop the last server cleanly; open the store as the next writer would; check.
        client.destroy();
        const lastLog = server.log();
        await server.stop();
        const store = SqliteEventStore.open({ dataDir: dir.path, command: 'r1 final check' });
        try {
          const index = await indexLog(store.readAll());
          const problems = await logProblems(index);
          if (problems.length > 0)
            throw new Error(
              `after the final stop:\n  ${problems.slice(0, 30).join('\n  ')}\n${lastLog}`,
            );

          const acknowledged = load.byOutcome('acknowledged').length;
          expect(figures.kills).toBe(KILLS);
          expect(acknowledged).toBeGreaterThan(KILLS * 10);
          const restart = [...figures.restartMs].sort((a, b) => a - b);
          process.stdout.write(
            `\nR1 server crash test: ${figures.kills} kill -9s; ${acknowledged} acknowledged commands checked ` +
              `(and ${load.byOutcome('refused').length} refused by a rule, checked to have written nothing); ` +
              `${figures.inFlightAtKill} in flight at the kills, all retried after the restart: ` +
              `${figures.committedBeforeKill} had been committed (answered from their idempotency record), ` +
              `${figures.reservedOnly} had written only their reservation; ` +
              `log: ${index.events} events in ${index.streams.size} streams; restart to serving: median ` +
              `${restart[Math.floor(restart.length / 2)] ?? '-'} ms, max ${restart[restart.length - 1] ?? '-'} ms; ` +
              `${((Date.now() - began) / 1000).toFixed(1)} s\n`,
          );
        } finally {
          await store.close();
        }
      } finally {
        for (const s of await Promise.allSettled(spawned))
          if (s.status === 'fulfilled') await s.value.kill9();
        dir.remove();
      }
    },
    180_000 + KILLS * 60_000,
  );
});

/** `promise`, or a failure naming what did not happen within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no ${what()} within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Where two dumps first differ, with some context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: live …${a.slice(Math.max(0, i - 200), i + 200)}…\nrebuilt …${b.slice(Math.max(0, i - 200), i + 200)}…`;
}
