import { v4 as uuidv4 } from 'uuid';
import { EventStore, ReadStreamOptions } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { caseAggregate } from '@src/ledger/cases/case.aggregate';
import { CaseCommand } from '@src/ledger/cases/case.commands';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { Aggregate } from '@src/ledger/decider';
import { CommandEnvelope, newEnvelope } from '@src/ledger/command-handling/command-metadata';
import { deepFreeze, SnapshotCache } from '@src/ledger/command-handling/snapshot-cache';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { collect } from '../../../support/async';
import { makeTempDir } from '../../../support/temp-dir';

const now = '2026-11-27T12:00:00.000Z';
const envelope = (): CommandEnvelope =>
  newEnvelope({ id: 'officer-7', agency: 'MPS', roles: ['investigator'] }, 'investigator', now);
const open = (caseId: string): CaseCommand => ({
  type: 'OpenCase',
  now,
  data: {
    caseId,
    reference: `R/${caseId.slice(0, 8)}`,
    title: 'T',
    leadAgency: 'MPS',
    jurisdiction: 'E&W',
  },
});
const addSubject = (i: number): CaseCommand => ({
  type: 'AddSubject',
  now,
  data: { subjectId: `s${i}`, name: `Subject ${i}`, role: 'suspect' },
});
const subjectsOf = (state: { subjects: Record<string, unknown> }) => Object.keys(state.subjects);

describe('snapshot cache', () => {
  const entry = (revision: bigint, state: object = { n: Number(revision) }) => ({
    state,
    revision,
    position: revision + 100n,
    decider: null,
  });

  it('given three streams and room for two, when a third is kept, then the least recently used goes', () => {
    const cache = new SnapshotCache({ maxEntries: 2 });
    cache.set('a', entry(0n));
    cache.set('b', entry(0n));
    cache.get('a'); // a is now the most recently used
    cache.set('c', entry(0n));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.revision).toBe(0n);
    expect(cache.get('c')?.revision).toBe(0n);
    expect(cache.stats()).toMatchObject({ entries: 2, evictions: 1 });
  });

  it('given a bound on events folded, when long streams are kept, then older ones go and one longer than the bound is not kept', () => {
    const cache = new SnapshotCache({ maxEvents: 100 });
    cache.set('a', entry(59n)); // 60 events
    cache.set('b', entry(29n)); // 30 events
    cache.set('c', entry(19n)); // 20 events: 110 in all, so a goes
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 2, events: 50 });
    cache.set('d', entry(100n)); // 101 events alone
    expect(cache.get('d')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 2, events: 50 });
  });

  it('never goes back to an earlier revision of a stream (commands finishing out of order)', () => {
    const cache = new SnapshotCache();
    cache.set('a', entry(5n));
    cache.set('a', entry(3n));
    expect(cache.get('a')?.revision).toBe(5n);
    cache.set('a', entry(6n));
    expect(cache.get('a')?.revision).toBe(6n);
    expect(cache.stats()).toMatchObject({ entries: 1, events: 7 });
  });

  it('keeps states frozen all the way down, but leaves class instances alone', () => {
    class Amount {
      constructor(public value: string) {}
    }
    const amount = new Amount('1.00');
    const state = deepFreeze({ list: [{ a: 1 }], nested: { deep: { x: 1 } }, amount });
    expect(Object.isFrozen(state.list[0])).toBe(true);
    expect(Object.isFrozen(state.nested.deep)).toBe(true);
    expect(Object.isFrozen(amount)).toBe(false);
    expect(() => {
      (state.list as unknown[]).push(2);
    }).toThrow(TypeError);
  });
});

/** A store whose reads and appends go to whichever store is current (to fake a store behind). */
function switchable(initial: EventStore) {
  let current = initial;
  const reads: Array<{ stream: string; options?: ReadStreamOptions }> = [];
  const store: EventStore = {
    append: (...args) => current.append(...args),
    readStream: (stream, options) => {
      reads.push({ stream, options });
      return current.readStream(stream, options);
    },
    readAll: (options) => current.readAll(options),
    subscribeToAll: (options) => current.subscribeToAll(options),
    findCommand: (key) => current.findCommand(key),
    health: () => current.health(),
    close: () => current.close(),
  };
  return { store, reads, use: (next: EventStore) => (current = next) };
}

describe('command handler with snapshots (on the real embedded store)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sqlite: SqliteEventStore;
  let proxy: ReturnType<typeof switchable>;
  let handler: CommandHandler;
  beforeEach(() => {
    dir = makeTempDir();
    sqlite = SqliteEventStore.open({ dataDir: dir.path });
    proxy = switchable(sqlite);
    handler = new CommandHandler(proxy.store, ledgerUpcasters());
  });
  afterEach(async () => {
    await sqlite.close();
    dir.remove();
  });

  it('given a stream it wrote, when the next command comes, then it reads only after the revision it knows', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    await handler.handle(caseAggregate, id, addSubject(1), envelope());
    proxy.reads.length = 0;
    const outcome = await handler.handle(caseAggregate, id, addSubject(2), envelope());
    expect(outcome.revision).toBe(2n);
    expect(proxy.reads).toEqual([{ stream: `case-${id}`, options: { fromRevision: 2n } }]);
    expect(handler.snapshotStats()).toMatchObject({ entries: 1 });
    // The kept state is what folding the whole stream gives.
    const full = await handler.load(caseAggregate, id);
    const kept = await handler.loadState(caseAggregate, id);
    expect(kept.state).toEqual(full.state);
    expect([kept.revision, kept.position]).toEqual([full.revision, full.position]);
  });

  it('given a cached stream, when another writer appends, then the next command sees its events', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    await handler.handle(caseAggregate, id, addSubject(1), envelope());
    // Another process (its own handler and cache) adds subject 2.
    const other = new CommandHandler(sqlite, ledgerUpcasters());
    await other.handle(caseAggregate, id, addSubject(2), envelope());

    const loaded = await handler.loadState(caseAggregate, id);
    expect(loaded.revision).toBe(2n);
    expect(subjectsOf(loaded.state)).toEqual(['s1', 's2']);
    await expect(
      handler.handle(caseAggregate, id, addSubject(2), envelope()),
    ).rejects.toMatchObject({ code: 'already_exists' });
    const outcome = await handler.handle(caseAggregate, id, addSubject(3), envelope());
    expect(outcome.revision).toBe(3n);
  });

  it('given a snapshot past maxPosition, when loading as known at that position, then it folds exactly up to it', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    const first = await handler.handle(caseAggregate, id, addSubject(1), envelope());
    await handler.handle(caseAggregate, id, addSubject(2), envelope()); // the snapshot is at 2
    proxy.reads.length = 0;

    const asKnown = await handler.loadState(caseAggregate, id, { maxPosition: first.position });
    expect(asKnown.revision).toBe(1n);
    expect(asKnown.position).toBe(first.position);
    expect(subjectsOf(asKnown.state)).toEqual(['s1']);
    expect(proxy.reads[0].options).toEqual({ fromRevision: 'start' });
    // ...and that read did not replace the later snapshot.
    expect(subjectsOf((await handler.loadState(caseAggregate, id)).state)).toEqual(['s1', 's2']);
    expect(proxy.reads[1].options).toEqual({ fromRevision: 3n });
  });

  it('given a snapshot before maxPosition, when loading as known at a later position, then it reads on from the snapshot and stops there', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope()); // the snapshot is at 0
    const other = new CommandHandler(sqlite, ledgerUpcasters());
    const second = await other.handle(caseAggregate, id, addSubject(1), envelope());
    await other.handle(caseAggregate, id, addSubject(2), envelope());
    proxy.reads.length = 0;

    const asKnown = await handler.loadState(caseAggregate, id, { maxPosition: second.position });
    expect(proxy.reads[0].options).toEqual({ fromRevision: 1n });
    expect([asKnown.revision, subjectsOf(asKnown.state)]).toEqual([1n, ['s1']]);
    expect(asKnown.state).toEqual(
      (await handler.load(caseAggregate, id, { maxPosition: second.position })).state,
    );
  });

  it('given a snapshot evicted, when the next command comes, then it folds the stream from the start', async () => {
    handler = new CommandHandler(proxy.store, ledgerUpcasters(), { snapshots: { maxEntries: 1 } });
    const [a, b] = [uuidv4(), uuidv4()];
    await handler.handle(caseAggregate, a, open(a), envelope());
    await handler.handle(caseAggregate, b, open(b), envelope()); // a is evicted
    proxy.reads.length = 0;
    await handler.handle(caseAggregate, a, addSubject(1), envelope());
    expect(proxy.reads[0]).toEqual({ stream: `case-${a}`, options: { fromRevision: 'start' } });
    expect(handler.snapshotStats()).toMatchObject({ entries: 1, evictions: 2 });
  });

  it('given a snapshot ahead of the store, when the append is refused, then the snapshot is dropped and the retry folds from the start', async () => {
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    await handler.handle(caseAggregate, id, addSubject(1), envelope()); // snapshot at 1
    // A store that only has the first event of that stream (it should never happen; but then
    // the snapshot must not be trusted).
    const otherDir = makeTempDir();
    const behind = SqliteEventStore.open({ dataDir: otherDir.path });
    try {
      const [opened] = await collect(sqlite.readStream(`case-${id}`));
      const { prevHash: _prev, hash: _hash, ...metadata } = opened.metadata;
      await behind.append(`case-${id}`, [
        { id: opened.id, type: opened.type, data: opened.data, metadata },
      ]);
      proxy.use(behind);
      const outcome = await handler.handle(caseAggregate, id, addSubject(2), envelope());
      expect(outcome.revision).toBe(1n);
      expect(subjectsOf((await handler.loadState(caseAggregate, id)).state)).toEqual(['s2']);
    } finally {
      proxy.use(sqlite);
      await behind.close();
      otherDir.remove();
    }
  });

  it('upcasts events read on from a snapshot as it does from the start', async () => {
    const id = uuidv4();
    await sqlite.append(`case-${id}`, [
      {
        id: uuidv4(),
        type: 'CaseOpened',
        data: { caseId: id, reference: 'R/1', title: 'T', leadAgency: 'MPS' },
        metadata: { schemaVersion: 1 },
      },
    ]);
    const loaded = await handler.loadState(caseAggregate, id);
    expect(loaded.state.jurisdiction).toBe('E&W');
  });

  it('hands out frozen states: a decider that changes its state fails instead of corrupting the snapshot', async () => {
    interface Counter {
      items: string[];
    }
    type Add = { type: 'Add'; now: string; data: { item: string } };
    type Added = { type: 'Added'; data: { item: string } };
    const sloppy: Aggregate<Add, Added, Counter> = {
      name: 'counter',
      stream: (id) => `counter-${id}`,
      decider: {
        initialState: { items: [] },
        evolve: (state, event) => ({ items: [...state.items, event.data.item] }),
        decide: (command, state) => {
          state.items.push('oops');
          return [{ type: 'Added', data: { item: command.data.item } }];
        },
      },
    };
    const id = uuidv4();
    const add = (item: string): Add => ({ type: 'Add', now, data: { item } });
    await sqlite.append(`counter-${id}`, [{ id: uuidv4(), type: 'Added', data: { item: 'a' } }]);
    await expect(handler.handle(sloppy, id, add('b'), envelope())).rejects.toThrow(TypeError);
    expect((await handler.loadState(sloppy, id)).state.items).toEqual(['a']);
  });

  it('with snapshots off, reads the whole stream for every command', async () => {
    handler = new CommandHandler(proxy.store, ledgerUpcasters(), { snapshots: false });
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    proxy.reads.length = 0;
    await handler.handle(caseAggregate, id, addSubject(1), envelope());
    expect(proxy.reads[0].options).toEqual({ fromRevision: 'start' });
    expect(handler.snapshotStats()).toBeUndefined();
  });
});
