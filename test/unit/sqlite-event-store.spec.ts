import { v4 as uuidv4 } from 'uuid';
import { StoreLockedError } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { collect } from '../support/async';
import { event, range } from '../contract/event-store.contract';
import { killHard, spawnTs, waitForLine } from '../support/child-process';
import { makeTempDir } from '../support/temp-dir';

describe('SQLite event store (embedded)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('runs WAL with synchronous=FULL, read back from SQLite', async () => {
    const store = SqliteEventStore.open({ dataDir: dir.path });
    expect(store.diagnostics()).toMatchObject({ journalMode: 'wal', synchronous: 2 });
    await store.close();
  });

  it('group-commits appends that arrive together: one transaction, each checked alone', async () => {
    const store = SqliteEventStore.open({ dataDir: dir.path });
    const before = store.diagnostics();
    const results = await Promise.allSettled(
      range(64).map((i) =>
        store.append(`asset-g${i % 63}`, [event('Seized', { i })], {
          expectedRevision: 'no_stream',
        }),
      ),
    );
    const after = store.diagnostics();
    expect(after.appends - before.appends).toBe(64);
    expect(after.transactions - before.transactions).toBe(1);
    // asset-g0 was named twice with no_stream: the second is refused, the other 63 commit.
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await collect(store.readAll())).toHaveLength(63);
    await store.close();
  });

  it('knows where a stream ends: a read from there asks SQLite nothing, and sees a later append', async () => {
    const store = SqliteEventStore.open({ dataDir: dir.path });
    const reader = (store as unknown as { reader: { readStream: () => unknown } }).reader;
    const queries = jest.spyOn(reader, 'readStream');
    try {
      await store.append('asset-e', [event('A'), event('B'), event('C')]);
      expect(await collect(store.readStream('asset-e', { fromRevision: 3n }))).toEqual([]);
      expect(queries).not.toHaveBeenCalled();
      await store.append('asset-e', [event('D')]);
      const later = await collect(store.readStream('asset-e', { fromRevision: 3n }));
      expect(later.map((e) => e.type)).toEqual(['D']);
      expect(queries).toHaveBeenCalledTimes(1);

      // An append rolled back after its rows were inserted (the command key was taken): the
      // stream still reads as empty, then takes its first event.
      const taken = { key: uuidv4(), requestHash: 'h', response: {} };
      await store.append('asset-x', [event('X')], { command: taken });
      await expect(store.append('asset-y', [event('Y')], { command: taken })).rejects.toThrow();
      expect(await collect(store.readStream('asset-y'))).toEqual([]);
      await store.append('asset-y', [event('Y')], { expectedRevision: 'no_stream' });
      expect((await collect(store.readStream('asset-y'))).map((e) => e.type)).toEqual(['Y']);
    } finally {
      await store.close();
    }

    // After a restart, a read to the end teaches it the end again.
    const reopened = SqliteEventStore.open({ dataDir: dir.path });
    const again = jest.spyOn(
      (reopened as unknown as { reader: { readStream: () => unknown } }).reader,
      'readStream',
    );
    try {
      expect(await collect(reopened.readStream('asset-e'))).toHaveLength(4);
      expect(await collect(reopened.readStream('asset-e', { fromRevision: 4n }))).toEqual([]);
      expect(await collect(reopened.readStream('asset-e', { fromRevision: 9n }))).toEqual([]);
      expect(again).toHaveBeenCalledTimes(1);
      const backwards = await collect(
        reopened.readStream('asset-e', { direction: 'backwards', maxCount: 1 }),
      );
      expect(backwards.map((e) => e.type)).toEqual(['D']);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a second opener of the same data directory, naming the holder', async () => {
    const first = SqliteEventStore.open({ dataDir: dir.path, command: 'poca-ledger serve' });
    expect(() => SqliteEventStore.open({ dataDir: dir.path })).toThrow(StoreLockedError);
    expect(() => SqliteEventStore.open({ dataDir: dir.path })).toThrow(
      new RegExp(`in use by process ${process.pid} .*poca-ledger serve`),
    );
    await first.close();
    const again = SqliteEventStore.open({ dataDir: dir.path });
    await again.close();
  });

  it('refuses while another process holds the store, and is free again once it is killed', async () => {
    const child = spawnTs('hold-lock-child.ts', [dir.path]);
    try {
      await waitForLine(child, (line) => line === 'holding');
      let refusal: unknown;
      try {
        SqliteEventStore.open({ dataDir: dir.path });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(StoreLockedError);
      expect((refusal as Error).message).toContain(`process ${child.pid}`);
      expect((refusal as Error).message).toContain('hold-lock-child');
    } finally {
      await killHard(child);
    }
    const store = SqliteEventStore.open({ dataDir: dir.path });
    await store.close();
  });

  it('survives kill -9 mid-append: every acknowledged append is there, no append is partial', async () => {
    const kills = Number(process.env.CRASH_KILLS ?? 3);
    const acknowledged = new Map<string, number[]>();
    for (let round = 0; round < kills; round++) {
      const runId = `r${round}${uuidv4().slice(0, 4)}`;
      const acks: number[] = [];
      acknowledged.set(runId, acks);
      const child = spawnTs('append-crash-child.ts', [dir.path, runId, '16']);
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
      });
      const ended = new Promise<void>((resolve) => child.stdout?.on('end', () => resolve()));
      const threshold = 50 + Math.floor(Math.random() * 400);
      await waitForLine(child, () => acks.length >= threshold, 60_000);
      await killHard(child);
      await ended;
      expect(acks.length).toBeGreaterThanOrEqual(threshold);
    }

    const store = SqliteEventStore.open({ dataDir: dir.path });
    try {
      const perStream = new Map<string, number[]>();
      for await (const e of store.readAll()) {
        const list = perStream.get(e.streamId) ?? [];
        list.push(Number(e.revision));
        perStream.set(e.streamId, list);
      }
      for (const [stream, revisions] of perStream) {
        expect({ stream, revisions }).toEqual({ stream, revisions: [0, 1, 2, 3, 4] });
      }
      for (const [runId, acks] of acknowledged) {
        for (const n of acks) expect(perStream.has(`crash-${runId}-${n}`)).toBe(true);
      }
    } finally {
      await store.close();
    }
  });
});
