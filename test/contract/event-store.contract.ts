import { collect, rejectionOf } from '../support/async';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import {
  DuplicateCommandError,
  EventData,
  EventStore,
  InvalidAppendError,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
  WrongExpectedVersionError,
} from '@src/event-store/event-store.port';

export interface StoreUnderTest {
  store: EventStore;
  cleanup: () => Promise<void>;
}

/**
 * The one semantics every adapter must have (docs/architecture.md, "The event store port").
 * Stream names are unique per test so the suite can run against a shared EventStoreDB server.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<StoreUnderTest>,
): void {
  describe(`event store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    const run = uuidv7().replace(/-/g, '').slice(-12);
    let streamCounter = 0;
    const newStream = (kind = 'asset') => `${kind}-${run}x${++streamCounter}`;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    describe('append and read a stream', () => {
      it('numbers revisions from 0 and reads back data, metadata and type in order', async () => {
        const stream = newStream();
        const events = [
          event(
            'AssetSeized',
            { exhibitRef: 'JB/1', declared: { amount: '25000.00', currency: 'GBP' } },
            { actor: 'officer-1', correlationId: 'c-1', causationId: 'c-1' },
          ),
          event('AssetValued', { gbpValue: '24999.99' }),
          event('CustodyTransferred', { to: 'Property store, Hendon', unicode: 'Zoë — £ € ₿' }),
        ];
        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2n);

        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.type)).toEqual([
          'AssetSeized',
          'AssetValued',
          'CustodyTransferred',
        ]);
        expect(read[0].data).toEqual(events[0].data);
        // The caller's metadata, plus the hash chain the store adds (prevHash of revision 0 is
        // 64 zeros; each prevHash is the previous event's hash).
        const hex64 = expect.stringMatching(/^[0-9a-f]{64}$/) as unknown;
        expect(read[0].metadata).toEqual({
          ...events[0].metadata,
          prevHash: '0'.repeat(64),
          hash: hex64,
        });
        expect(read[1].metadata).toEqual({ prevHash: read[0].metadata.hash, hash: hex64 });
        expect(read[2].metadata.prevHash).toBe(read[1].metadata.hash);
        expect(new Set(read.map((e) => e.metadata.hash)).size).toBe(3);
        expect(read[2].data).toEqual(events[2].data);
        expect(read.every((e) => e.streamId === stream)).toBe(true);
        expect(read[2].position).toBe(result.position);
        expect(new Date(read[0].recordedAt).toISOString()).toBe(read[0].recordedAt);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await collect(store.readStream(newStream()))).toEqual([]);
        expect(await collect(store.readStream(newStream(), { direction: 'backwards' }))).toEqual(
          [],
        );
      });

      it('reads from a revision, backwards, and at most maxCount events', async () => {
        const stream = newStream();
        await store.append(
          stream,
          range(10).map((i) => event('E', { i })),
        );
        const fromSeven = await collect(store.readStream(stream, { fromRevision: 7n }));
        expect(fromSeven.map((e) => e.data.i)).toEqual([7, 8, 9]);
        const lastTwo = await collect(
          store.readStream(stream, { direction: 'backwards', maxCount: 2 }),
        );
        expect(lastTwo.map((e) => e.revision)).toEqual([9n, 8n]);
        const backFromThree = await collect(
          store.readStream(stream, { direction: 'backwards', fromRevision: 3n }),
        );
        expect(backFromThree.map((e) => e.revision)).toEqual([3n, 2n, 1n, 0n]);
        const firstFour = await collect(store.readStream(stream, { maxCount: 4 }));
        expect(firstFour.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
        expect(await collect(store.readStream(stream, { fromRevision: 'end' }))).toEqual([]);
      });

      it('reads forward from past the last revision as empty, then finds what is appended later', async () => {
        // What a command handler's snapshot relies on: read on from the revision it has folded.
        const stream = newStream();
        await store.append(stream, [event('E', { i: 0 }), event('E', { i: 1 })]);
        expect(await collect(store.readStream(stream, { fromRevision: 2n }))).toEqual([]);
        expect(await collect(store.readStream(stream, { fromRevision: 50n }))).toEqual([]);
        await store.append(stream, [event('E', { i: 2 })], { expectedRevision: 1n });
        const after = await collect(store.readStream(stream, { fromRevision: 2n }));
        expect(after.map((e) => [e.revision, e.data.i])).toEqual([[2n, 2]]);
        expect(await collect(store.readStream(newStream(), { fromRevision: 3n }))).toEqual([]);
      });

      it('returns the revision to pass as the next expected revision', async () => {
        const stream = newStream();
        const first = await store.append(stream, [event('A'), event('B')], {
          expectedRevision: 'no_stream',
        });
        const second = await store.append(stream, [event('C')], {
          expectedRevision: first.nextExpectedRevision,
        });
        expect(first.nextExpectedRevision).toBe(1n);
        expect(second.nextExpectedRevision).toBe(2n);
        expect(second.position > first.position).toBe(true);
      });
    });

    describe('expected revision', () => {
      it('no_stream: succeeds on a new stream and fails on an existing one, naming the actual revision', async () => {
        const stream = newStream();
        await store.append(stream, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const error = await rejectionOf(
          store.append(stream, [event('C')], { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1n });
      });

      it('stream_exists: fails on a new stream with actual no_stream and succeeds on an existing one', async () => {
        const stream = newStream();
        const error = await rejectionOf(
          store.append(stream, [event('A')], { expectedRevision: 'stream_exists' }),
        );
        expect(error).toMatchObject({
          streamId: stream,
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        await store.append(stream, [event('A')]);
        const result = await store.append(stream, [event('B')], {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('exact revision: succeeds when current, fails when stale or ahead or when the stream is missing', async () => {
        const stream = newStream();
        const missing = await rejectionOf(
          store.append(stream, [event('A')], { expectedRevision: 0n }),
        );
        expect(missing).toMatchObject({ expected: 0n, actual: 'no_stream' });
        await store.append(stream, [event('A'), event('B'), event('C')]);
        const stale = await rejectionOf(
          store.append(stream, [event('D')], { expectedRevision: 1n }),
        );
        expect(stale).toBeInstanceOf(WrongExpectedVersionError);
        expect(stale).toMatchObject({ streamId: stream, expected: 1n, actual: 2n });
        const ahead = await rejectionOf(
          store.append(stream, [event('D')], { expectedRevision: 5n }),
        );
        expect(ahead).toMatchObject({ expected: 5n, actual: 2n });
        const ok = await store.append(stream, [event('D')], { expectedRevision: 2n });
        expect(ok.nextExpectedRevision).toBe(3n);
      });

      it('any: appends whatever the stream holds', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')], { expectedRevision: 'any' });
        const result = await store.append(stream, [event('B')], { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('a rejected append writes nothing', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')]);
        await rejectionOf(
          store.append(stream, [event('B'), event('C')], { expectedRevision: 'no_stream' }),
        );
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A']);
      });

      it('an empty append still checks the expected revision', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')]);
        await expect(store.append(stream, [], { expectedRevision: 0n })).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
        const error = await rejectionOf(
          store.append(stream, [], { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
      });
    });

    describe('concurrency', () => {
      it('of N writers racing on one stream at one revision, exactly one wins', async () => {
        const stream = newStream();
        await store.append(stream, [event('Opened')], { expectedRevision: 'no_stream' });
        const writers = 24;
        const results = await Promise.allSettled(
          range(writers).map((i) =>
            store.append(stream, [event('Raced', { writer: i })], { expectedRevision: 0n }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(writers - 1);
        for (const loss of lost) {
          expect(loss.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(loss.reason).toMatchObject({ expected: 0n, actual: 1n });
        }
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('writers that retry on conflict all land once each, with contiguous revisions', async () => {
        const stream = newStream();
        const writers = 12;
        await Promise.all(
          range(writers).map(async (i) => {
            const mine = event('Counted', { writer: i });
            for (;;) {
              const last = await collect(
                store.readStream(stream, { direction: 'backwards', maxCount: 1 }),
              );
              const expectedRevision = last.length ? last[0].revision : ('no_stream' as const);
              try {
                await store.append(stream, [mine], { expectedRevision });
                return;
              } catch (error) {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
              }
            }
          }),
        );
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.revision)).toEqual(range(writers).map((i) => BigInt(i)));
        expect(new Set(read.map((e) => e.data.writer)).size).toBe(writers);
      });

      it('a conflicting append does not stop others committed at the same moment', async () => {
        const [a, b, c] = [newStream(), newStream(), newStream()];
        await store.append(b, [event('Existing')]);
        const results = await Promise.allSettled([
          store.append(a, [event('A1'), event('A2')], { expectedRevision: 'no_stream' }),
          store.append(b, [event('B1')], { expectedRevision: 'no_stream' }),
          store.append(c, [event('C1')], { expectedRevision: 'no_stream' }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await collect(store.readStream(a))).toHaveLength(2);
        expect((await collect(store.readStream(b))).map((e) => e.type)).toEqual(['Existing']);
        expect(await collect(store.readStream(c))).toHaveLength(1);
      });
    });

    describe('idempotent retry by event id', () => {
      it('the same ids with the same expected revision write nothing new and succeed', async () => {
        const stream = newStream();
        const events = [event('A'), event('B')];
        const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(retry.position).toBe(first.position);
        await store.append(stream, [event('C')], { expectedRevision: 1n });
        const lateRetry = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(lateRetry.nextExpectedRevision).toBe(1n);
        expect(await collect(store.readStream(stream))).toHaveLength(3);
      });

      it('with an exact revision and with any', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')]);
        const exact = [event('B')];
        await store.append(stream, exact, { expectedRevision: 0n });
        await store.append(stream, exact, { expectedRevision: 0n });
        const anyEvents = [event('C'), event('D')];
        await store.append(stream, anyEvents, { expectedRevision: 'any' });
        const again = await store.append(stream, anyEvents, { expectedRevision: 'any' });
        expect(again.nextExpectedRevision).toBe(3n);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual([
          'A',
          'B',
          'C',
          'D',
        ]);
      });

      it('other ids at the expected revision are a conflict, not a retry', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')], { expectedRevision: 'no_stream' });
        const error = await rejectionOf(
          store.append(stream, [event('A')], { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
      });
    });

    describe('command records (Idempotency-Key)', () => {
      const command = (key: string, body = 'first') => ({
        key,
        requestHash: `hash-of-${body}`,
        response: { id: 'asset-1', events: ['AssetSeized'], body },
      });

      it('are kept with the events and found by key, with the append result', async () => {
        const stream = newStream();
        const key = uuidv4();
        expect(await store.findCommand(key)).toBeUndefined();
        const result = await store.append(stream, [event('A'), event('B')], {
          expectedRevision: 'no_stream',
          command: command(key),
        });
        expect(await store.findCommand(key)).toEqual({
          ...command(key),
          streamId: stream,
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position,
        });
      });

      it('a second append under a taken key is refused and writes nothing', async () => {
        const [first, second] = [newStream(), newStream()];
        const key = uuidv4();
        await store.append(first, [event('A')], { command: command(key) });
        const error = await rejectionOf(
          store.append(second, [event('B')], { command: command(key, 'second') }),
        );
        expect(error).toBeInstanceOf(DuplicateCommandError);
        expect(await collect(store.readStream(second))).toEqual([]);
        expect((await store.findCommand(key))?.response).toMatchObject({ body: 'first' });
      });

      it('a command that appended nothing is recorded too, so it is not decided again', async () => {
        const stream = newStream();
        await store.append(stream, [event('A')]);
        const key = uuidv4();
        const result = await store.append(stream, [], {
          expectedRevision: 0n,
          command: command(key),
        });
        expect(result.nextExpectedRevision).toBe(0n);
        expect(await store.findCommand(key)).toMatchObject({
          streamId: stream,
          nextExpectedRevision: 0n,
        });
      });

      it('an idempotent retry of the same append keeps the one record', async () => {
        const stream = newStream();
        const key = uuidv4();
        const events = [event('A')];
        const first = await store.append(stream, events, {
          expectedRevision: 'no_stream',
          command: command(key),
        });
        const retry = await store.append(stream, events, {
          expectedRevision: 'no_stream',
          command: command(key),
        });
        expect(retry).toEqual(first);
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });
    });

    describe('atomicity and validation', () => {
      it('refuses a malformed append whole: nothing of it is written', async () => {
        const stream = newStream();
        const bad = { ...event('B'), id: 'not-a-uuid' };
        const error = await rejectionOf(store.append(stream, [event('A'), bad]));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect((error as Error).message).toContain('events[1].id');
        const duplicate = event('C');
        await expect(store.append(stream, [duplicate, duplicate])).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        expect(await collect(store.readStream(stream))).toEqual([]);
      });

      it('the events of one append are contiguous in the stream and in the log', async () => {
        const [a, b] = [newStream(), newStream()];
        await Promise.all([
          store.append(
            a,
            range(5).map((i) => event('A', { i })),
          ),
          store.append(
            b,
            range(5).map((i) => event('B', { i })),
          ),
        ]);
        const fromA = await collect(store.readStream(a));
        const positions = fromA.map((e) => e.position);
        const all = await collect(store.readAll({ fromPosition: positions[0], maxCount: 5 }));
        expect(all.map((e) => e.id)).toEqual(fromA.map((e) => e.id));
      });
    });

    describe('the global log', () => {
      it('orders events across streams by strictly increasing position', async () => {
        const head = await headPosition(store);
        const streams = range(6).map(() => newStream());
        const appended: string[] = [];
        for (const [i, stream] of streams.entries()) {
          const events = [event('X', { i }), event('Y', { i })];
          await store.append(stream, events);
          appended.push(...events.map((e) => e.id));
        }
        const ours = (
          await collect(store.readAll(head === null ? {} : { fromPosition: head }))
        ).filter((e) => streams.includes(e.streamId));
        expect(ours.map((e) => e.id)).toEqual(appended);
        for (let i = 1; i < ours.length; i++) {
          expect(ours[i].position > ours[i - 1].position).toBe(true);
        }
        const backwards = await collect(store.readAll({ direction: 'backwards', maxCount: 3 }));
        expect(backwards).toHaveLength(3);
        expect(backwards[0].position > backwards[1].position).toBe(true);
      });

      it('reads from a position inclusively and stops at maxCount', async () => {
        const stream = newStream();
        await store.append(
          stream,
          range(4).map((i) => event('E', { i })),
        );
        const events = await collect(store.readStream(stream));
        const fromSecond = await collect(
          store.readAll({ fromPosition: events[1].position, maxCount: 2 }),
        );
        expect(fromSecond.map((e) => e.id)).toEqual([events[1].id, events[2].id]);
      });

      it('streams a large stream and lets the reader stop early', async () => {
        const stream = newStream();
        const total = 6_000;
        let expected: bigint | 'no_stream' = 'no_stream';
        for (let i = 0; i < total; i += 500) {
          const result = await store.append(
            stream,
            range(500).map((j) => event('Bulk', { n: i + j, pad: 'x'.repeat(200) })),
            { expectedRevision: expected },
          );
          expected = result.nextExpectedRevision;
        }
        let count = 0;
        let lastN = -1;
        for await (const e of store.readStream(stream)) {
          expect(e.data.n).toBe(lastN + 1);
          lastN = e.data.n as number;
          count++;
        }
        expect(count).toBe(total);
        const firstTen: RecordedEvent[] = [];
        for await (const e of store.readStream(stream)) {
          firstTen.push(e);
          if (firstTen.length === 10) break;
        }
        expect(firstTen.map((e) => e.revision)).toEqual(range(10).map((i) => BigInt(i)));
      });
    });

    describe('subscriptions to all', () => {
      it('catch up, say so, then receive live events', async () => {
        const stream = newStream('sub');
        const before = await headPosition(store);
        await store.append(stream, [event('One'), event('Two'), event('Three')]);
        const subscription = store.subscribeToAll({
          fromPosition: before ?? 'start',
          filter: { streamNamePrefixes: [stream] },
        });
        try {
          const reader = messages(subscription);
          const caughtUp = await reader.until((m) => m.kind === 'caughtUp');
          expect(typesOf(caughtUp)).toEqual(['One', 'Two', 'Three']);
          await store.append(stream, [event('Four'), event('Five')]);
          const live = await reader.until((m) => m.kind === 'event' && m.event.type === 'Five');
          expect(typesOf(live)).toEqual(['Four', 'Five']);
        } finally {
          await subscription.close();
        }
      });

      it('resume after a drop from the checkpoint: no event lost, none twice', async () => {
        const stream = newStream('sub');
        const before = await headPosition(store);
        await store.append(
          stream,
          range(5).map((i) => event('Before', { i })),
        );
        const first = store.subscribeToAll({
          fromPosition: before ?? 'start',
          filter: { streamNamePrefixes: [stream] },
        });
        const seen: RecordedEvent[] = [];
        const firstReader = messages(first);
        const got = await firstReader.until((m) => m.kind === 'event' && m.event.data.i === 2);
        seen.push(...eventsOf(got));
        const checkpoint = seen[seen.length - 1].position;
        await first.close();

        await store.append(
          stream,
          range(3).map((i) => event('WhileDown', { i })),
        );
        const second = store.subscribeToAll({
          fromPosition: checkpoint,
          filter: { streamNamePrefixes: [stream] },
        });
        try {
          const rest = await messages(second).until(
            (m) => m.kind === 'event' && m.event.type === 'WhileDown' && m.event.data.i === 2,
          );
          seen.push(...eventsOf(rest));
        } finally {
          await second.close();
        }
        expect(seen.map((e) => `${e.type}${JSON.stringify(e.data.i)}`)).toEqual([
          'Before0',
          'Before1',
          'Before2',
          'Before3',
          'Before4',
          'WhileDown0',
          'WhileDown1',
          'WhileDown2',
        ]);
      });

      it('from the end delivers only what is appended afterwards', async () => {
        const stream = newStream('sub');
        await store.append(stream, [event('Old')]);
        const subscription = store.subscribeToAll({
          fromPosition: 'end',
          filter: { streamNamePrefixes: [stream] },
        });
        try {
          const reader = messages(subscription);
          await reader.until((m) => m.kind === 'caughtUp');
          await store.append(stream, [event('New')]);
          const got = await reader.until((m) => m.kind === 'event');
          expect(typesOf(got)).toEqual(['New']);
        } finally {
          await subscription.close();
        }
      });

      it('filters by event type prefix', async () => {
        const stream = newStream('sub');
        const before = await headPosition(store);
        const marker = `Zq${run}`;
        await store.append(stream, [
          event(`${marker}Seized`),
          event('Other'),
          event(`${marker}Valued`),
        ]);
        const subscription = store.subscribeToAll({
          fromPosition: before ?? 'start',
          filter: { eventTypePrefixes: [marker] },
        });
        try {
          const got = await messages(subscription).until(
            (m) => m.kind === 'event' && m.event.type === `${marker}Valued`,
          );
          expect(typesOf(got)).toEqual([`${marker}Seized`, `${marker}Valued`]);
        } finally {
          await subscription.close();
        }
      });

      it('close() ends an iteration that is waiting for live events', async () => {
        const subscription = store.subscribeToAll({ fromPosition: 'end' });
        const iterator = subscription[Symbol.asyncIterator]();
        let next = await iterator.next();
        while (!next.done && next.value.kind !== 'caughtUp') next = await iterator.next();
        const pending = iterator.next();
        await subscription.close();
        await expect(pending).resolves.toMatchObject({ done: true });
      });
    });
  });
}

export function event(
  type: string,
  data: Record<string, unknown> = {},
  metadata?: Record<string, unknown>,
): EventData {
  return {
    id: uuidv4(),
    type,
    data: data as EventData['data'],
    ...(metadata ? { metadata: metadata as EventData['metadata'] } : {}),
  };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

async function headPosition(store: EventStore): Promise<bigint | null> {
  for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) return e.position;
  return null;
}

/** Pulls messages from a subscription until one matches, with a timeout so a hang fails. */
function messages(subscription: Subscription, timeoutMs = 10_000) {
  const iterator = subscription[Symbol.asyncIterator]();
  return {
    async until(done: (m: SubscriptionMessage) => boolean): Promise<SubscriptionMessage[]> {
      const got: SubscriptionMessage[] = [];
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const remaining = deadline - Date.now();
        const next = await Promise.race([
          iterator.next(),
          new Promise<'timeout'>((resolve) =>
            setTimeout(() => resolve('timeout'), Math.max(remaining, 0)).unref(),
          ),
        ]);
        if (next === 'timeout')
          throw new Error(`subscription timed out; got ${JSON.stringify(got.map((m) => m.kind))}`);
        if (next.done) throw new Error('subscription ended early');
        got.push(next.value);
        if (done(next.value)) return got;
      }
    },
  };
}

function eventsOf(messages: SubscriptionMessage[]): RecordedEvent[] {
  return messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
}

function typesOf(messages: SubscriptionMessage[]): string[] {
  return eventsOf(messages).map((e) => e.type);
}
