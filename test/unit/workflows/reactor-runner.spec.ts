import { v4 as uuidv4 } from 'uuid';
import { RecordedEvent } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { SqliteCheckpointStore } from '@src/workflows/checkpoint-store';
import { Reactor } from '@src/workflows/reactor';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { makeTempDir } from '../../support/temp-dir';

const ev = (type: string, n: number) => ({ id: uuidv4(), type, data: { n } });

function recordingReactor(failTimes = 0): Reactor & { seen: number[] } {
  let failures = 0;
  const seen: number[] = [];
  return {
    name: 'recorder',
    filter: { eventTypePrefixes: ['Watched'] },
    seen,
    handle(event: RecordedEvent) {
      if (failures < failTimes) {
        failures++;
        return Promise.reject(new Error('transient'));
      }
      seen.push(event.data.n as number);
      return Promise.resolve();
    },
  };
}

describe('reactor runner', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let checkpoints: SqliteCheckpointStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = SqliteEventStore.open({ dataDir: dir.path, pollIntervalMs: 50 });
    checkpoints = new SqliteCheckpointStore(dir.path);
  });
  afterEach(async () => {
    await store.close();
    checkpoints.close();
    dir.remove();
  });

  it('handles matching events in order, then live ones, and checkpoints past the rest', async () => {
    await store.append('s-1', [ev('Watched', 1), ev('Ignored', 0), ev('Watched', 2)]);
    const reactor = recordingReactor();
    const runner = new ReactorRunner(store, checkpoints, [reactor], 5);
    runner.start();
    const live = await store.append('s-2', [ev('Watched', 3), ev('Ignored', 0)]);
    await runner.waitFor(live.position);
    expect(reactor.seen).toEqual([1, 2, 3]);
    expect(checkpoints.get('recorder')).toBe(live.position);
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart: nothing handled twice, nothing missed', async () => {
    await store.append('s-1', [ev('Watched', 1), ev('Watched', 2)]);
    const first = recordingReactor();
    const runner1 = new ReactorRunner(store, checkpoints, [first], 5);
    runner1.start();
    const head = await store.append('s-1', [ev('Watched', 3)]);
    await runner1.waitFor(head.position);
    await runner1.stop();

    const whileDown = await store.append('s-2', [ev('Watched', 4), ev('Watched', 5)]);
    const second = recordingReactor();
    const runner2 = new ReactorRunner(store, checkpoints, [second], 5);
    runner2.start();
    await runner2.waitFor(whileDown.position);
    await runner2.stop();
    expect(first.seen).toEqual([1, 2, 3]);
    expect(second.seen).toEqual([4, 5]);
  });

  it('retries a failing handler without skipping the event', async () => {
    const reactor = recordingReactor(2);
    const runner = new ReactorRunner(store, checkpoints, [reactor], 5);
    runner.start();
    const result = await store.append('s-1', [ev('Watched', 1), ev('Watched', 2)]);
    await runner.waitFor(result.position);
    await runner.stop();
    expect(reactor.seen).toEqual([1, 2]);
    expect(runner.status()[0]).toMatchObject({ name: 'recorder', failures: 2, caughtUp: true });
  });
});
