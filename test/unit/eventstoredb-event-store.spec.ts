import { collect, rejectionOf } from '../support/async';
import { PassThrough } from 'node:stream';
import {
  AccessDeniedError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  AllStreamJSONRecordedEvent,
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult as EsdbAppendResult,
  AppendToStreamOptions,
  EventData as EsdbEventData,
  Position,
  ReadAllOptions as EsdbReadAllOptions,
  ReadStreamOptions as EsdbReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions as EsdbSubscribeToAllOptions,
} from '@eventstore/db-client';
import { v4 as uuidv4 } from 'uuid';
import {
  EsdbClientLike,
  EsdbReadLike,
  EsdbSubscriptionLike,
  EventStoreDbEventStore,
} from '@src/event-store/eventstoredb/eventstoredb-event-store';
import {
  decodeEsdbPosition,
  encodeEsdbPosition,
} from '@src/event-store/eventstoredb/esdb-position';
import {
  EventData,
  InvalidAppendError,
  RecordedEvent,
  StoreUnavailableError,
  Subscription,
  SubscriptionMessage,
  WrongExpectedVersionError,
  JsonObject,
} from '@src/event-store/event-store.port';
import { eventHash, GENESIS_HASH, verifyChains } from '@src/event-store/hash-chain';

const HEX_64 = expect.stringMatching(/^[0-9a-f]{64}$/) as unknown;

// ---------------------------------------------------------------------------------------------
// A hand-written fake of the client: an in-memory $all with EventStoreDB's read semantics
// (forward reads include the start position, backward reads exclude it; subscriptions exclude it).

type Entry = AllStreamJSONRecordedEvent;

class FakeRead<E> implements EsdbReadLike<E> {
  readonly cancel = jest.fn(() => Promise.resolve());
  constructor(private readonly produce: () => AsyncGenerator<E>) {}
  [Symbol.asyncIterator](): AsyncIterator<E> {
    return this.produce();
  }
}

class FakeSubscription extends PassThrough implements EsdbSubscriptionLike {
  unsubscribed = false;
  /** Live events go out only once the catch-up part has been sent, as on the server. */
  replayed = false;
  readonly unsubscribe = jest.fn(() => {
    this.unsubscribed = true;
    return Promise.resolve();
  });
  constructor(readonly options: EsdbSubscribeToAllOptions) {
    super({ objectMode: true });
  }
  get live(): boolean {
    return !this.unsubscribed && !this.destroyed;
  }
  deliver(entry: Entry): void {
    this.write({ event: entry } satisfies AllStreamResolvedEvent);
  }
  checkpoint(position: Position): void {
    void this.options.filter?.checkpointReached?.(this, position);
  }
}

class FakeClient implements EsdbClientLike {
  readonly log: Entry[] = [];
  readonly appendCalls: {
    stream: string;
    events: EsdbEventData[];
    options?: AppendToStreamOptions;
  }[] = [];
  readonly readAllCalls: EsdbReadAllOptions[] = [];
  readonly readStreamCalls: { stream: string; options?: EsdbReadStreamOptions }[] = [];
  readonly reads: FakeRead<unknown>[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  /** Server 23.10+ sends CaughtUp; older servers do not. */
  signalsCaughtUp = true;
  /** Replays the log into new subscriptions (set false to drive a subscription by hand). */
  replays = true;
  /** The next append fails with this. */
  appendFailure: Error | undefined;
  /** Every read fails with this once iterated. */
  readFailure: Error | undefined;
  /** Idempotent appends come back without a position, as the server may send them. */
  omitPositionOnRetry = true;
  disposed = false;
  private commit = 1_000n;

  appendToStream(
    stream: string,
    events: EsdbEventData[],
    options?: AppendToStreamOptions,
  ): Promise<EsdbAppendResult> {
    this.appendCalls.push({ stream, events, options });
    if (this.appendFailure !== undefined) {
      const failure = this.appendFailure;
      this.appendFailure = undefined;
      return Promise.reject(failure);
    }
    const expected: AppendExpectedRevision = options?.expectedRevision ?? 'any';
    const existing = this.log.filter((e) => e.streamId === stream);
    const current = existing.length === 0 ? 'no_stream' : BigInt(existing.length - 1);
    const after =
      expected === 'no_stream' ? -1n : typeof expected === 'bigint' ? expected : undefined;
    if (after !== undefined && existing.length > Number(after) + 1) {
      const retried = existing.slice(Number(after) + 1, Number(after) + 1 + events.length);
      if (retried.length === events.length && retried.every((e, i) => e.id === events[i].id)) {
        const last = retried[retried.length - 1];
        return Promise.resolve({
          success: true,
          nextExpectedRevision: last.revision,
          position: this.omitPositionOnRetry ? undefined : last.position,
        });
      }
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === 'no_stream') ||
      (expected === 'stream_exists' && current !== 'no_stream') ||
      expected === current;
    if (!ok) {
      return Promise.reject(
        new EsdbWrongExpectedVersionError(undefined, { streamName: stream, expected, current }),
      );
    }
    for (const e of events) this.record(stream, e.type, e.data as Entry['data'], e.metadata, e.id);
    const last = this.log[this.log.length - 1];
    return Promise.resolve({
      success: true,
      nextExpectedRevision: last.revision,
      position: last.position,
    });
  }

  readStream(stream: string, options?: EsdbReadStreamOptions): FakeRead<ResolvedEvent> {
    this.readStreamCalls.push({ stream, options });
    const failure = this.readFailure;
    const events = this.log.filter((e) => e.streamId === stream);
    const backwards = options?.direction === 'backwards';
    const from = options?.fromRevision ?? (backwards ? 'end' : 'start');
    const max = Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER);
    const read = new FakeRead<ResolvedEvent>(async function* () {
      await Promise.resolve();
      if (failure !== undefined) throw failure;
      if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
      let selected: Entry[];
      if (backwards) {
        const top = from === 'end' ? events.length - 1 : from === 'start' ? 0 : Number(from);
        selected = events.slice(0, top + 1).reverse();
      } else {
        selected = from === 'end' ? [] : events.slice(from === 'start' ? 0 : Number(from));
      }
      for (const event of selected.slice(0, max)) yield { event };
    });
    this.reads.push(read);
    return read;
  }

  readAll(options?: EsdbReadAllOptions): FakeRead<AllStreamResolvedEvent> {
    this.readAllCalls.push(options ?? {});
    const failure = this.readFailure;
    const backwards = options?.direction === 'backwards';
    const from = options?.fromPosition ?? (backwards ? 'end' : 'start');
    const max = Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER);
    const log = [...this.log];
    const read = new FakeRead<AllStreamResolvedEvent>(async function* () {
      await Promise.resolve();
      if (failure !== undefined) throw failure;
      let selected: Entry[];
      if (backwards) {
        selected =
          from === 'start'
            ? []
            : from === 'end'
              ? log.slice().reverse()
              : log.filter((e) => comparePositions(e.position, from) < 0).reverse();
      } else {
        selected =
          from === 'end'
            ? []
            : from === 'start'
              ? log
              : log.filter((e) => comparePositions(e.position, from) >= 0);
      }
      for (const event of selected.slice(0, max))
        yield { event, commitPosition: event.position.commit };
    });
    this.reads.push(read);
    return read;
  }

  subscribeToAll(options: EsdbSubscribeToAllOptions = {}): FakeSubscription {
    const subscription = new FakeSubscription(options);
    this.subscriptions.push(subscription);
    if (this.replays) {
      const from = options.fromPosition ?? 'start';
      const endAtStart = this.log.length;
      setImmediate(() => {
        if (!subscription.live) return;
        subscription.emit('confirmation');
        const backlog =
          from === 'end'
            ? this.log.slice(endAtStart)
            : from === 'start'
              ? [...this.log]
              : this.log.filter((e) => comparePositions(e.position, from) > 0);
        for (const entry of backlog) subscription.deliver(entry);
        // Emitted right after the writes, while they may still sit in the stream's buffer.
        if (this.signalsCaughtUp) subscription.emit('caughtUp');
        subscription.replayed = true;
      });
    }
    return subscription;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  /** Appends straight to the log (also system events) and feeds live subscriptions. */
  record(
    streamId: string,
    type: string,
    data: Entry['data'] = {},
    metadata?: unknown,
    id: string = uuidv4(),
  ): Entry {
    this.commit += 137n;
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    const entry: Entry = {
      streamId,
      id,
      isJson: true,
      revision,
      type,
      created: new Date(Date.UTC(2026, 0, 13, 9, 30, 0, 123) + this.log.length * 1000),
      data,
      metadata: metadata as Entry['metadata'],
      position: { commit: this.commit, prepare: this.commit - 7n },
    };
    this.log.push(entry);
    for (const subscription of this.subscriptions) {
      if (subscription.live && subscription.replayed) subscription.deliver(entry);
    }
    return entry;
  }

  get lastSubscription(): FakeSubscription {
    return this.subscriptions[this.subscriptions.length - 1];
  }
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function event(
  type: string,
  data: EventData['data'] = {},
  metadata?: EventData['metadata'],
): EventData {
  return { id: uuidv4(), type, data, ...(metadata ? { metadata } : {}) };
}

/** Reads messages until `done` matches; fails instead of hanging. */
function reader(subscription: Subscription) {
  const iterator = subscription[Symbol.asyncIterator]();
  return {
    iterator,
    async until(
      done: (m: SubscriptionMessage) => boolean,
      timeoutMs = 2_000,
    ): Promise<SubscriptionMessage[]> {
      const got: SubscriptionMessage[] = [];
      for (;;) {
        let timer: NodeJS.Timeout | undefined;
        const next = await Promise.race([
          iterator.next(),
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (next === 'timeout') throw new Error(`timed out; got ${kinds(got)}`);
        if (next.done) throw new Error(`ended; got ${kinds(got)}`);
        got.push(next.value);
        if (done(next.value)) return got;
      }
    },
  };
}

function kinds(messages: SubscriptionMessage[]): string {
  return messages.map((m) => (m.kind === 'event' ? m.event.type : m.kind)).join(',');
}

const isCaughtUp = (m: SubscriptionMessage) => m.kind === 'caughtUp';
const isEvent = (type: string) => (m: SubscriptionMessage) =>
  m.kind === 'event' && m.event.type === type;

function setup(configure?: (client: FakeClient) => void) {
  const client = new FakeClient();
  configure?.(client);
  const store = new EventStoreDbEventStore(client, {
    resubscribe: { initialDelayMs: 1, maxDelayMs: 5 },
  });
  return { client, store };
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await tick();
  }
}

// ---------------------------------------------------------------------------------------------

describe('EventStoreDB positions', () => {
  it('packs {commit, prepare} into one bigint and back', () => {
    const samples = [
      { commit: 0n, prepare: 0n },
      { commit: 1_000n, prepare: 993n },
      { commit: 2n ** 40n + 5n, prepare: 2n ** 40n },
      { commit: 2n ** 63n - 1n, prepare: 2n ** 64n - 1n },
    ];
    for (const position of samples) {
      expect(decodeEsdbPosition(encodeEsdbPosition(position))).toEqual(position);
    }
    expect(encodeEsdbPosition({ commit: 1n, prepare: 2n })).toBe((1n << 64n) + 2n);
  });

  it('keeps the order of $all: commit first, then prepare', () => {
    const pairs = [
      { commit: 5n, prepare: 9n },
      { commit: 5n, prepare: 2n },
      { commit: 4n, prepare: 2n ** 64n - 1n },
      { commit: 6n, prepare: 0n },
      { commit: 0n, prepare: 3n },
    ];
    const byPair = [...pairs].sort(comparePositions);
    const byEncoding = [...pairs].sort((a, b) => {
      const [x, y] = [encodeEsdbPosition(a), encodeEsdbPosition(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    expect(byEncoding).toEqual(byPair);
  });

  it('refuses positions it cannot pack losslessly', () => {
    expect(() => encodeEsdbPosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodeEsdbPosition({ commit: 0n, prepare: 2n ** 64n })).toThrow(RangeError);
    expect(() => decodeEsdbPosition(-5n)).toThrow(RangeError);
  });
});

describe('EventStoreDbEventStore.append', () => {
  const succeed = (client: FakeClient) => {
    jest.spyOn(client, 'appendToStream').mockResolvedValue({
      success: true,
      nextExpectedRevision: 7n,
      position: { commit: 10n, prepare: 9n },
    });
  };

  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [5n, 5n],
    [0n, 0n],
  ] as const)('maps expected revision %p to the client’s %p', async (expected, sent) => {
    const { client, store } = setup(succeed);
    const result = await store.append('asset-1', [event('AssetSeized')], {
      expectedRevision: expected,
    });
    expect(client.appendToStream).toHaveBeenCalledWith('asset-1', expect.any(Array), {
      expectedRevision: sent,
    });
    expect(result).toEqual({ nextExpectedRevision: 7n, position: (10n << 64n) | 9n });
  });

  it('defaults to any', async () => {
    const { client, store } = setup(succeed);
    await store.append('asset-1', [event('AssetSeized')]);
    expect(client.appendToStream).toHaveBeenCalledWith('asset-1', expect.any(Array), {
      expectedRevision: 'any',
    });
  });

  it('sends JSON events with their ids, and $correlationId / $causationId beside the plain fields', async () => {
    const { client, store } = setup();
    const first = event(
      'AssetSeized',
      { exhibitRef: 'JB/1', amount: '25000.00' },
      {
        correlationId: 'cmd-1',
        causationId: 'cmd-0',
        actor: 'officer-7',
      },
    );
    const second = event('AssetValued', { gbpValue: '1.00' });
    const third = event(
      'AssetValued',
      {},
      { correlationId: 'cmd-2', $correlationId: 'upstream-9', causationId: 42 },
    );
    await store.append('asset-1', [first, second, third], { expectedRevision: 'no_stream' });

    const sent = client.appendCalls[0].events;
    expect(sent).toHaveLength(3);
    expect(sent[0]).toEqual({
      id: first.id,
      type: 'AssetSeized',
      contentType: 'application/json',
      data: { exhibitRef: 'JB/1', amount: '25000.00' },
      metadata: {
        correlationId: 'cmd-1',
        causationId: 'cmd-0',
        actor: 'officer-7',
        $correlationId: 'cmd-1',
        $causationId: 'cmd-0',
        prevHash: GENESIS_HASH,
        hash: HEX_64,
      },
    });
    expect(sent[1]).toMatchObject({
      id: second.id,
      contentType: 'application/json',
      metadata: { prevHash: (sent[0].metadata as JsonObject).hash, hash: HEX_64 },
    });
    // An explicit $correlationId is kept; a non-string causationId is not copied.
    expect(sent[2].metadata).toEqual({
      correlationId: 'cmd-2',
      $correlationId: 'upstream-9',
      causationId: 42,
      prevHash: (sent[1].metadata as JsonObject).hash,
      hash: HEX_64,
    });
    // The caller's metadata object is not modified.
    expect(first.metadata).not.toHaveProperty('$correlationId');
  });

  it('adds the hash chain: linked to the stream head, recomputable, verified over $all', async () => {
    const { client, store } = setup();
    const first = [event('A', { n: 1 }), event('B', { n: 2 })];
    await store.append('asset-1', first, { expectedRevision: 'no_stream' });
    await store.append('asset-1', [event('C', { n: 3 })], { expectedRevision: 1n });
    await store.append('asset-1', [event('D', { n: 4 })]);
    await store.append('asset-2', [event('E')], { expectedRevision: 'any' });

    const read = await collect(store.readStream('asset-1'));
    expect(read.map((e) => e.metadata.prevHash)).toEqual([
      GENESIS_HASH,
      read[0].metadata.hash,
      read[1].metadata.hash,
      read[2].metadata.hash,
    ]);
    for (const e of read) {
      expect(e.metadata.hash).toBe(eventHash(e.streamId, e.revision, e.type, e.data, e.metadata));
    }
    // The hashes are in what was sent, not only in what was read.
    expect(client.appendCalls[2].events[0].metadata).toMatchObject({
      prevHash: read[2].metadata.hash,
      hash: read[3].metadata.hash,
    });
    // Stream 2 starts its own chain.
    const [other] = await collect(store.readStream('asset-2'));
    expect(other.metadata.prevHash).toBe(GENESIS_HASH);
    // The caller's events are not modified.
    expect(first[0].metadata).toBeUndefined();
    await expect(verifyChains(store.readAll())).resolves.toEqual({
      ok: true,
      streams: 2,
      events: 5,
    });
  });

  it('validates before touching the server', async () => {
    const { client, store } = setup();
    const error = await rejectionOf(
      store.append('asset-1', [event('A'), { ...event('B'), id: 'nope' }]),
    );
    expect(error).toBeInstanceOf(InvalidAppendError);
    await expect(store.append('$system', [event('A')])).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(
      store.append('asset-1', [event('A')], { expectedRevision: -1n }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    expect(client.appendCalls).toHaveLength(0);
  });

  it('maps the client’s wrong expected version, actual a revision', async () => {
    const { store } = setup((client) => {
      client.appendFailure = new EsdbWrongExpectedVersionError(undefined, {
        streamName: 'asset-1',
        expected: 'no_stream',
        current: 3n,
      });
    });
    const error = await rejectionOf(
      store.append('asset-1', [event('A')], { expectedRevision: 'no_stream' }),
    );
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({
      streamId: 'asset-1',
      expected: 'no_stream',
      actual: 3n,
      code: 'wrong_expected_version',
    });
  });

  it('maps the client’s wrong expected version, actual no_stream (also the legacy -1)', async () => {
    const { store } = setup((client) => {
      client.appendFailure = new EsdbWrongExpectedVersionError(undefined, {
        streamName: 'asset-1',
        expected: 'stream_exists',
        current: 'no_stream',
      });
    });
    const error = await rejectionOf(
      store.append('asset-1', [event('A')], { expectedRevision: 'stream_exists' }),
    );
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({
      streamId: 'asset-1',
      expected: 'stream_exists',
      actual: 'no_stream',
    });

    const { store: legacy } = setup((client) => {
      client.appendFailure = new EsdbWrongExpectedVersionError(undefined, {
        streamName: 'asset-1',
        expected: 4n,
        current: -1n,
      });
    });
    await expect(
      legacy.append('asset-1', [event('A')], { expectedRevision: 4n }),
    ).rejects.toMatchObject({
      expected: 4n,
      actual: 'no_stream',
    });
  });

  it('detects a conflict end to end through the fake server', async () => {
    const { store } = setup();
    await store.append('asset-1', [event('A'), event('B')], { expectedRevision: 'no_stream' });
    await expect(
      store.append('asset-1', [event('C')], { expectedRevision: 0n }),
    ).rejects.toMatchObject({
      streamId: 'asset-1',
      expected: 0n,
      actual: 1n,
    });
    const ok = await store.append('asset-1', [event('C')], { expectedRevision: 1n });
    expect(ok.nextExpectedRevision).toBe(2n);
  });

  it.each([
    ['unavailable', () => new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113')],
    [
      'not leader',
      () =>
        new NotLeaderError({
          code: 5,
          details: 'Leader info available',
          message: '5 NOT_FOUND: Leader info available',
          name: 'Error',
          metadata: {
            getMap: () => ({
              'leader-endpoint-host': 'esdb-node2',
              'leader-endpoint-port': '2113',
            }),
          },
        } as never),
    ],
    ['deadline exceeded', () => new DeadlineExceededError(undefined, 'deadline')],
    ['discovery failure', () => new Error('Failed to discover after 10 attempts.')],
    [
      'a raw gRPC UNAVAILABLE',
      () =>
        Object.assign(new Error('14 UNAVAILABLE: connection lost'), {
          code: 14,
          details: 'connection lost',
        }),
    ],
  ] as [string, () => Error][])(
    'turns %s into a retryable StoreUnavailableError',
    async (_, makeError) => {
      const failure = makeError();
      const { store } = setup((client) => {
        client.appendFailure = failure;
      });
      const error = await rejectionOf(store.append('asset-1', [event('A')]));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ retryable: true, code: 'store_unavailable' });
      expect((error as Error).cause).toBe(failure);
    },
  );

  it('passes other errors through unchanged', async () => {
    const failure = new AccessDeniedError(undefined, 'access denied');
    const { store } = setup((client) => {
      client.appendFailure = failure;
    });
    await expect(store.append('asset-1', [event('A')])).rejects.toBe(failure);
  });

  it('an empty append checks the expected revision without writing', async () => {
    const { client, store } = setup();
    const [only] = [client.record('asset-1', 'A')];
    await expect(store.append('asset-1', [], { expectedRevision: 0n })).resolves.toEqual({
      nextExpectedRevision: 0n,
      position: encodeEsdbPosition(only.position),
    });
    await expect(
      store.append('asset-1', [], { expectedRevision: 'stream_exists' }),
    ).resolves.toMatchObject({
      nextExpectedRevision: 0n,
    });
    await expect(
      store.append('asset-1', [], { expectedRevision: 'no_stream' }),
    ).rejects.toMatchObject({
      expected: 'no_stream',
      actual: 0n,
    });
    await expect(store.append('asset-1', [], { expectedRevision: 3n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(
      store.append('asset-2', [], { expectedRevision: 'stream_exists' }),
    ).rejects.toMatchObject({
      streamId: 'asset-2',
      actual: 'no_stream',
    });
    await expect(store.append('asset-2', [], { expectedRevision: 'no_stream' })).resolves.toEqual({
      nextExpectedRevision: -1n,
      position: 0n,
    });
    expect(client.appendCalls).toHaveLength(0);
    expect(client.log).toHaveLength(1);
  });

  it('looks up the position when the server leaves it out of an idempotent retry', async () => {
    const { store } = setup();
    const events = [event('A'), event('B')];
    const first = await store.append('asset-1', events, { expectedRevision: 'no_stream' });
    const retry = await store.append('asset-1', events, { expectedRevision: 'no_stream' });
    expect(retry).toEqual(first);
  });
});

describe('EventStoreDbEventStore.readStream', () => {
  it('maps each event: bigint revision and position, data, recordedAt from created', async () => {
    const { client, store } = setup();
    const entry = client.record(
      'asset-1',
      'AssetSeized',
      { exhibitRef: 'JB/1' },
      { actor: 'officer-1' },
    );
    const [read] = await collect(store.readStream('asset-1'));
    expect(read).toEqual<RecordedEvent>({
      id: entry.id,
      streamId: 'asset-1',
      type: 'AssetSeized',
      revision: 0n,
      position: (entry.position.commit << 64n) | entry.position.prepare,
      data: { exhibitRef: 'JB/1' },
      metadata: { actor: 'officer-1' },
      recordedAt: '2026-01-13T09:30:00.123Z',
    });
    expect(typeof read.revision).toBe('bigint');
    expect(typeof read.position).toBe('bigint');
  });

  it('round-trips metadata exactly, without the $correlationId / $causationId it added', async () => {
    const { client, store } = setup();
    const metadata = {
      commandId: 'k-1',
      correlationId: 'c-1',
      causationId: 'c-0',
      actor: 'a',
      schemaVersion: 1,
    };
    const withOwnDollar = { correlationId: 'c-2', $correlationId: 'other' };
    await store.append('asset-1', [
      event('A', {}, metadata),
      event('B'),
      event('C', {}, withOwnDollar),
    ]);
    expect(client.log[0].metadata).toMatchObject({ $correlationId: 'c-1', $causationId: 'c-0' });
    const read = await collect(store.readStream('asset-1'));
    // Exactly as written, plus the hash chain the store adds.
    const chain = (i: number) => ({ prevHash: read[i].metadata.prevHash, hash: HEX_64 });
    expect(read[0].metadata).toEqual({ ...metadata, ...chain(0) });
    expect(read[1].metadata).toEqual(chain(1));
    expect(read[2].metadata).toEqual({ ...withOwnDollar, ...chain(2) });
  });

  it('passes revision, direction and maxCount through; defaults to start forwards, end backwards', async () => {
    const { client, store } = setup();
    for (let i = 0; i < 10; i++) client.record('asset-1', 'E', { i });
    const fromSeven = await collect(store.readStream('asset-1', { fromRevision: 7n }));
    expect(fromSeven.map((e) => e.revision)).toEqual([7n, 8n, 9n]);
    const lastTwo = await collect(
      store.readStream('asset-1', { direction: 'backwards', maxCount: 2 }),
    );
    expect(lastTwo.map((e) => e.revision)).toEqual([9n, 8n]);
    expect(client.readStreamCalls.map((c) => c.options)).toEqual([
      { direction: 'forwards', fromRevision: 7n },
      { direction: 'backwards', fromRevision: 'end', maxCount: 2 },
    ]);
    await collect(store.readStream('asset-1'));
    expect(client.readStreamCalls[2].options).toEqual({
      direction: 'forwards',
      fromRevision: 'start',
    });
  });

  it('reads a missing stream as empty (StreamNotFound)', async () => {
    const { store } = setup();
    expect(await collect(store.readStream('asset-missing'))).toEqual([]);
    expect(await collect(store.readStream('asset-missing', { direction: 'backwards' }))).toEqual(
      [],
    );
  });

  it('skips unresolved links', async () => {
    const { client, store } = setup();
    const entry = client.record('asset-1', 'A');
    jest.spyOn(client, 'readStream').mockReturnValue(
      new FakeRead<ResolvedEvent>(async function* () {
        await Promise.resolve();
        yield {};
        yield { event: entry };
      }),
    );
    expect((await collect(store.readStream('asset-1'))).map((e) => e.id)).toEqual([entry.id]);
  });

  it('turns an unavailable server into StoreUnavailableError', async () => {
    const { store } = setup((client) => {
      client.readFailure = new UnavailableError(undefined, 'no connection');
    });
    await expect(collect(store.readStream('asset-1'))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('cancels the gRPC read when the reader stops early', async () => {
    const { client, store } = setup();
    for (let i = 0; i < 5; i++) client.record('asset-1', 'E', { i });
    for await (const e of store.readStream('asset-1')) {
      expect(e.revision).toBe(0n);
      break;
    }
    expect(client.reads[0].cancel).toHaveBeenCalled();
    await collect(store.readStream('asset-1'));
    expect(client.reads[1].cancel).not.toHaveBeenCalled();
  });
});

describe('EventStoreDbEventStore.readAll', () => {
  it('leaves out system events and counts only returned events towards maxCount, paging past them', async () => {
    const { client, store } = setup();
    const u1 = client.record('asset-1', 'A');
    for (let i = 0; i < 40; i++) client.record(`$stats-${i}`, i % 2 ? '$statsCollected' : 'Stats');
    client.record('asset-2', '$metadata');
    const u2 = client.record('asset-2', 'B');
    const u3 = client.record('asset-3', 'C');
    client.record('asset-3', 'D');

    const read = await collect(store.readAll({ maxCount: 3 }));
    expect(read.map((e) => e.id)).toEqual([u1.id, u2.id, u3.id]);
    expect(client.readAllCalls.length).toBeGreaterThan(1);
    // The next page starts where the previous one ended, so nothing is skipped or repeated.
    const firstPage = client.readAllCalls[0];
    expect(client.readAllCalls[1].fromPosition).toEqual(
      client.log[Number(firstPage.maxCount) - 1].position,
    );

    const all = await collect(store.readAll());
    expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reads from a position inclusively, forwards and backwards', async () => {
    const { client, store } = setup();
    const entries = ['A', 'B', 'C', 'D', 'E'].map((type) => client.record('asset-1', type));
    const from = encodeEsdbPosition(entries[2].position);
    const forwards = await collect(store.readAll({ fromPosition: from, maxCount: 2 }));
    expect(forwards.map((e) => e.type)).toEqual(['C', 'D']);
    expect(client.readAllCalls[0].fromPosition).toEqual(entries[2].position);
    const backwards = await collect(store.readAll({ fromPosition: from, direction: 'backwards' }));
    expect(backwards.map((e) => e.type)).toEqual(['C', 'B', 'A']);
    expect(backwards.map((e) => e.position)).toEqual(
      [2, 1, 0].map((i) => encodeEsdbPosition(entries[i].position)),
    );
  });

  it('reads backwards from the end, skipping trailing system events', async () => {
    const { client, store } = setup();
    ['A', 'B', 'C'].forEach((type) => client.record('asset-1', type));
    client.record('$scavenges', '$scavengeStarted');
    const lastTwo = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));
    expect(lastTwo.map((e) => e.type)).toEqual(['C', 'B']);
    expect(await collect(store.readAll({ maxCount: 0 }))).toEqual([]);
  });
});

describe('EventStoreDbEventStore.subscribeToAll', () => {
  it('delivers events in order, then caughtUp once, then live events; no system events', async () => {
    const { client, store } = setup();
    const a = client.record('asset-1', 'A');
    client.record('$settings', '$settings');
    const b = client.record('asset-2', 'B');
    const subscription = store.subscribeToAll();
    try {
      const messages = reader(subscription);
      const first = await messages.until(isCaughtUp);
      expect(first).toEqual([
        { kind: 'event', event: expect.objectContaining({ id: a.id, type: 'A' }) },
        { kind: 'event', event: expect.objectContaining({ id: b.id, type: 'B' }) },
        { kind: 'caughtUp', position: encodeEsdbPosition(b.position) },
      ]);
      expect(client.lastSubscription.options).toMatchObject({
        fromPosition: 'start',
        filter: { filterOn: 'eventType', regex: '^[^$].*' },
      });
      await store.append('asset-3', [event('C')]);
      client.record('$stats', '$statsCollected');
      await store.append('asset-3', [event('D')]);
      const live = await messages.until(isEvent('D'));
      expect(kinds(live)).toBe('C,D');
      client.lastSubscription.emit('caughtUp'); // e.g. after falling behind: not repeated
      await store.append('asset-3', [event('E')]);
      expect(kinds(await messages.until(isEvent('E')))).toBe('E');
    } finally {
      await subscription.close();
    }
  });

  it('does not report caught up before events still buffered in the client stream', async () => {
    const { client, store } = setup((c) => {
      c.replays = false;
    });
    const entries = ['A', 'B', 'C'].map((type) => client.record('asset-1', type));
    const subscription = store.subscribeToAll({ fromPosition: 'start' });
    const messages = reader(subscription);
    const pending = messages.until(isCaughtUp);
    await waitFor(() => client.subscriptions.length > 0);
    const sub = client.lastSubscription;
    sub.emit('confirmation');
    sub.pause(); // the three events sit in the stream's buffer when the server says caught up
    entries.forEach((e) => sub.deliver(e));
    sub.emit('caughtUp');
    sub.resume();
    expect(kinds(await pending)).toBe('A,B,C,caughtUp');
    await subscription.close();
  });

  it('on a server without the caught-up signal, reports caught up at the head read before subscribing', async () => {
    const { client, store } = setup((c) => {
      c.signalsCaughtUp = false;
    });
    ['A', 'B'].forEach((type) => client.record('asset-1', type));
    const head = client.record('asset-1', 'C');
    client.record('$stats', '$statsCollected');
    const subscription = store.subscribeToAll();
    try {
      const got = await reader(subscription).until(isCaughtUp);
      expect(kinds(got)).toBe('A,B,C,caughtUp');
      expect(got[3]).toEqual({ kind: 'caughtUp', position: encodeEsdbPosition(head.position) });
    } finally {
      await subscription.close();
    }
  });

  it('on an empty store (or from the end), reports caught up once the server confirms', async () => {
    const { client, store } = setup((c) => {
      c.signalsCaughtUp = false;
    });
    const empty = store.subscribeToAll();
    const got = await reader(empty).until(isCaughtUp);
    expect(got).toEqual([{ kind: 'caughtUp', position: null }]);
    await empty.close();

    const old = client.record('asset-1', 'Old');
    const fromEnd = store.subscribeToAll({ fromPosition: 'end' });
    const messages = reader(fromEnd);
    expect(await messages.until(isCaughtUp)).toEqual([
      { kind: 'caughtUp', position: encodeEsdbPosition(old.position) },
    ]);
    expect(client.lastSubscription.options.fromPosition).toBe('end');
    await store.append('asset-1', [event('New')]);
    expect(kinds(await messages.until(isEvent('New')))).toBe('New');
    await fromEnd.close();
  });

  it('subscribes after an exclusive position and applies a stream-name filter', async () => {
    const { client, store } = setup();
    const a = client.record('asset-1', 'A');
    client.record('case-1', 'CaseOpened');
    client.record('asset-1', 'B');
    const subscription = store.subscribeToAll({
      fromPosition: encodeEsdbPosition(a.position),
      filter: { streamNamePrefixes: ['asset-'] },
    });
    try {
      const got = await reader(subscription).until(isCaughtUp);
      expect(kinds(got)).toBe('B,caughtUp');
      expect(client.lastSubscription.options).toMatchObject({
        fromPosition: a.position,
        filter: { filterOn: 'streamName', prefixes: ['asset-'] },
      });
    } finally {
      await subscription.close();
    }
  });

  it('forwards filter checkpoints in order, never behind a delivered event', async () => {
    const { client, store } = setup((c) => {
      c.replays = false;
    });
    const subscription = store.subscribeToAll({ filter: { eventTypePrefixes: ['Asset'] } });
    const messages = reader(subscription);
    const pending = messages.until((m) => m.kind === 'checkpoint');
    await waitFor(() => client.subscriptions.length > 0);
    const sub = client.lastSubscription;
    expect(sub.options.filter).toMatchObject({ filterOn: 'eventType', prefixes: ['Asset'] });
    const seized = client.record('asset-1', 'AssetSeized');
    const other = client.record('case-1', 'CaseOpened');
    sub.pause();
    sub.deliver(seized);
    sub.deliver(other);
    sub.checkpoint({ commit: 1n, prepare: 1n }); // behind the event: not forwarded
    sub.checkpoint(other.position);
    sub.resume();
    expect(await pending).toEqual([
      { kind: 'event', event: expect.objectContaining({ type: 'AssetSeized' }) },
      { kind: 'checkpoint', position: encodeEsdbPosition(other.position) },
    ]);
    await subscription.close();
  });

  it('resumes a dropped subscription from the last delivered position: nothing lost, nothing twice', async () => {
    const drops: unknown[] = [];
    const client = new FakeClient();
    const store = new EventStoreDbEventStore(client, {
      resubscribe: { initialDelayMs: 1 },
      onSubscriptionDrop: (error) => drops.push(error),
    });
    const entries = ['A', 'B', 'C'].map((type) => client.record('asset-1', type));
    const subscription = store.subscribeToAll();
    try {
      const messages = reader(subscription);
      expect(kinds(await messages.until(isCaughtUp))).toBe('A,B,C,caughtUp');
      await store.append('asset-1', [event('D')]);
      const d = client.log[client.log.length - 1];
      expect(kinds(await messages.until(isEvent('D')))).toBe('D');

      client.lastSubscription.destroy(new UnavailableError(undefined, 'connection reset'));
      await store.append('asset-1', [event('E')]); // written while no subscription is open
      // The drop surfaces (and the resubscription happens) as the consumer reads on.
      const resumed = messages.until(isEvent('F'));
      await waitFor(() => client.subscriptions.length === 2);
      expect(client.subscriptions[1].options.fromPosition).toEqual(d.position);
      await store.append('asset-1', [event('F')]);
      // E from the new subscription's catch-up, F live; A-D not again, and no second caughtUp.
      expect(kinds(await resumed)).toBe('E,F');
      expect(drops).toHaveLength(1);
      expect(drops[0]).toBeInstanceOf(StoreUnavailableError);
      expect(client.subscriptions[0].unsubscribe).toHaveBeenCalled();
      expect(entries).toHaveLength(3);
    } finally {
      await subscription.close();
    }
  });

  it('never delivers an event at or before the position it subscribed after', async () => {
    const { client, store } = setup((c) => {
      c.replays = false;
    });
    const [a, b] = ['A', 'B'].map((type) => client.record('asset-1', type));
    const subscription = store.subscribeToAll({ fromPosition: encodeEsdbPosition(a.position) });
    const pending = reader(subscription).until(isEvent('B'));
    await waitFor(() => client.subscriptions.length > 0);
    const sub = client.lastSubscription;
    sub.emit('confirmation');
    sub.deliver(a); // a server or proxy replaying the boundary event
    sub.deliver(b);
    sub.deliver(b);
    expect(kinds(await pending)).toBe('B');
    await subscription.close();
  });

  it('stops taking events from the client while the consumer is behind, and resumes', async () => {
    const { client, store } = setup((c) => {
      c.replays = false;
    });
    const subscription = store.subscribeToAll({ fromPosition: 'end' });
    const messages = reader(subscription);
    const first = messages.until(isCaughtUp);
    await waitFor(() => client.subscriptions.length > 0);
    const sub = client.lastSubscription;
    sub.emit('confirmation');
    await first;
    const entries = Array.from({ length: 700 }, (_, i) => client.record('asset-1', 'E', { i }));
    entries.forEach((e) => sub.deliver(e));
    await waitFor(() => sub.isPaused());
    const got = await messages.until((m) => m.kind === 'event' && m.event.data.i === 699);
    expect(got.map((m) => (m.kind === 'event' ? m.event.data.i : m.kind))).toEqual(
      entries.map((_, i) => i),
    );
    expect(sub.isPaused()).toBe(false);
    await subscription.close();
  });

  it('ends with the error when the failure is not retryable', async () => {
    const { client, store } = setup();
    const subscription = store.subscribeToAll();
    const messages = reader(subscription);
    await messages.until(isCaughtUp);
    const denied = new AccessDeniedError(undefined, 'access denied');
    client.lastSubscription.destroy(denied);
    await expect(messages.iterator.next()).rejects.toBe(denied);
    expect(client.subscriptions).toHaveLength(1);
    await subscription.close();
  });

  it('close() ends a pending iteration promptly and unsubscribes', async () => {
    const { client, store } = setup();
    const subscription = store.subscribeToAll({ fromPosition: 'end' });
    const messages = reader(subscription);
    await messages.until(isCaughtUp);
    const pending = messages.iterator.next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(client.lastSubscription.unsubscribe).toHaveBeenCalled();
    await expect(messages.iterator.next()).resolves.toMatchObject({ done: true });
  });

  it('close() before the first message still ends iteration', async () => {
    const { client, store } = setup((c) => {
      c.replays = false;
    });
    const subscription = store.subscribeToAll();
    const pending = subscription[Symbol.asyncIterator]().next();
    await waitFor(() => client.subscriptions.length > 0);
    await subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
    expect(client.lastSubscription.unsubscribe).toHaveBeenCalled();
  });
});

describe('EventStoreDbEventStore.health and close', () => {
  it('reports ok with the head position', async () => {
    const { client, store } = setup();
    const entry = client.record('asset-1', 'A');
    await expect(store.health()).resolves.toEqual({
      ok: true,
      kind: 'eventstoredb',
      detail: `connected; $all head position ${encodeEsdbPosition(entry.position)}`,
    });
  });

  it('never throws: failures, synchronous throws and timeouts are reported as not ok', async () => {
    const { store } = setup((client) => {
      client.readFailure = new UnavailableError(
        undefined,
        '14 UNAVAILABLE: No connection established',
      );
    });
    const failed = await store.health();
    expect(failed).toMatchObject({ ok: false, kind: 'eventstoredb' });
    expect(failed.detail).toContain('No connection established');

    const { client: throwing, store: throwingStore } = setup();
    jest.spyOn(throwing, 'readAll').mockImplementation(() => {
      throw new Error('client disposed');
    });
    await expect(throwingStore.health()).resolves.toEqual({
      ok: false,
      kind: 'eventstoredb',
      detail: 'client disposed',
    });

    const hanging = new FakeClient();
    const never = new FakeRead<AllStreamResolvedEvent>(async function* () {
      await new Promise(() => undefined);
      yield* [];
    });
    jest.spyOn(hanging, 'readAll').mockReturnValue(never);
    const slow = new EventStoreDbEventStore(hanging, { healthTimeoutMs: 20 });
    const result = await slow.health();
    expect(result).toMatchObject({
      ok: false,
      detail: expect.stringContaining('20 ms') as unknown,
    });
    expect(never.cancel).toHaveBeenCalled();
  });

  it('close() closes open subscriptions, disposes the client and refuses further use', async () => {
    const { client, store } = setup();
    const subscription = store.subscribeToAll();
    const messages = reader(subscription);
    await messages.until(isCaughtUp);
    await store.close();
    expect(client.disposed).toBe(true);
    await expect(messages.iterator.next()).resolves.toMatchObject({ done: true });
    await expect(store.append('asset-1', [event('A')])).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.health()).resolves.toMatchObject({ ok: false });
    await store.close();
  });

  it('builds a client from single-node and cluster connection strings without connecting', async () => {
    for (const cs of [
      'esdb://localhost:2113?tls=false',
      'esdb+discover://n1:2113,n2:2113,n3:2113?tls=false',
    ]) {
      const store = EventStoreDbEventStore.fromConnectionString(cs);
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      await store.close();
    }
  });
});
