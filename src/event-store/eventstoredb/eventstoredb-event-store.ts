import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendResult as EsdbAppendResult,
  Position,
  ReadPosition,
} from '@eventstore/db-client';
import { v5 as uuidv5 } from 'uuid';
import { assertValidAppend } from '../append-validation';
import { chainEvents, GENESIS_HASH, hashOf } from '../hash-chain';
import {
  AppendOptions,
  AppendResult,
  CommandRecord,
  CurrentRevision,
  DuplicateCommandError,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StoredCommand,
  StoreUnavailableError,
  SubscribeToAllOptions,
  Subscription,
  JsonObject,
  SubscriptionMessage,
  WrongExpectedVersionError,
} from '../event-store.port';
import { resumingSubscription } from '../resuming-subscription';
import { decodeEsdbPosition, encodeEsdbPosition } from './esdb-position';

export * from './esdb-client';
import { EsdbClientLike, EsdbReadLike } from './esdb-client';
import { esdbSubscription } from './esdb-subscription';
export {
  toEsdbExpectedRevision,
  toEsdbMetadata,
  fromEsdbMetadata,
  isUnavailableError,
  mapError,
} from './esdb-mapping';
import {
  beyond,
  cancelling,
  describeError,
  EsdbRecorded,
  errorType,
  firstOf,
  isSystemEvent,
  isUsablePosition,
  mapAppendError,
  mapError,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toRecordedEvent,
} from './esdb-mapping';

const MIN_PAGE = 32;
const COMMAND_NAMESPACE = '4f9d1c2e-6a53-4e0f-9a4b-7c1d2b3e5f60';
const commandStream = (key: string) => `command-${key}`;
const MAX_PAGE = 4_096;

export interface EventStoreDbEventStoreOptions {
  /** Back-off between resubscription attempts after a dropped subscription. */
  resubscribe?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  /** Called when a subscription drops and is about to be resumed. */
  onSubscriptionDrop?: (error: unknown, attempt: number) => void;
  /** How long health() waits for the server. */
  healthTimeoutMs?: number;
}

/**
 * The event store port on EventStoreDB (gRPC client 6.x). Positions are EventStoreDB's
 * {commit, prepare} packed into one bigint (esdb-position.ts); system events ($-prefixed types or
 * streams) never reach the port; a dropped subscription resumes from the last position it delivered.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly client: EsdbClientLike,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {}

  /** `esdb://host:2113?tls=false` for one node, `esdb+discover://a:2113,b:2113,c:2113` for a cluster. */
  static fromConnectionString(
    connectionString: string,
    options?: EventStoreDbEventStoreOptions,
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      options,
    );
  }

  async append(
    stream: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    assertValidAppend(stream, events, expected);
    if (events.length === 0) {
      const checked = await this.checkEmptyAppend(stream, expected);
      if (options.command) await this.recordCommand(stream, options.command, checked);
      return checked;
    }

    const chained = await this.chain(stream, events, expected);
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(stream, chained.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      throw mapAppendError(error, stream, expected);
    }
    if (!result.success) {
      // Only when the client was built with throwOnAppendFailure=false.
      const current = result.nextExpectedRevision;
      throw new WrongExpectedVersionError(stream, expected, current < 0n ? 'no_stream' : current);
    }
    const position = isUsablePosition(result.position)
      ? encodeEsdbPosition(result.position)
      : await this.positionAt(stream, result.nextExpectedRevision);
    const appended = { nextExpectedRevision: result.nextExpectedRevision, position };
    if (options.command) await this.recordCommand(stream, options.command, appended);
    return appended;
  }

  /**
   * EventStoreDB has no transaction across streams, so the command record follows the events in a
   * stream of its own (`command-{key}`, expected no_stream). A crash between the two appends loses
   * the record, not the events: a retry then re-decides (docs/architecture.md says when that matters).
   */
  private async recordCommand(
    stream: string,
    command: CommandRecord,
    appended: AppendResult,
  ): Promise<void> {
    const record: JsonObject = {
      requestHash: command.requestHash,
      response: command.response,
      streamId: stream,
      nextExpectedRevision: appended.nextExpectedRevision.toString(),
      position: appended.position.toString(),
    };
    try {
      await this.client.appendToStream(
        commandStream(command.key),
        chainEvents(commandStream(command.key), 0n, GENESIS_HASH, [
          {
            id: uuidv5(`${stream}@${appended.position}`, COMMAND_NAMESPACE),
            type: 'CommandRecorded',
            data: record,
          },
        ]).map(toEsdbEvent),
        { expectedRevision: toEsdbExpectedRevision('no_stream') },
      );
    } catch (error) {
      const mapped = mapAppendError(error, commandStream(command.key), 'no_stream');
      if (mapped instanceof WrongExpectedVersionError) {
        const existing = await this.findCommand(command.key);
        if (existing && existing.streamId === stream && existing.position === appended.position)
          return;
        throw new DuplicateCommandError(command.key);
      }
      throw mapped;
    }
  }

  async findCommand(key: string): Promise<StoredCommand | undefined> {
    for await (const event of this.readStream(commandStream(key), { maxCount: 1 })) {
      const data = event.data as {
        requestHash: string;
        response: JsonObject;
        streamId: string;
        nextExpectedRevision: string;
        position: string;
      };
      return {
        key,
        requestHash: data.requestHash,
        response: data.response,
        streamId: data.streamId,
        nextExpectedRevision: BigInt(data.nextExpectedRevision),
        position: BigInt(data.position),
      };
    }
    return undefined;
  }

  async *readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    if (options.maxCount !== undefined && !(options.maxCount > 0)) return;
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === 'start' ? START : from === 'end' ? END : from,
      ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
    });
    try {
      for await (const resolved of cancelling(read)) {
        if (resolved.event === undefined) continue;
        yield toRecordedEvent(resolved.event);
      }
    } catch (error) {
      if (errorType(error) === ErrorType.STREAM_NOT_FOUND) return;
      throw mapError(error);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (!(remaining > 0)) return;

    // Forwards from a position includes the event there; EventStoreDB's backward read does not,
    // so fetch that event first.
    if (backwards && typeof from === 'bigint') {
      for await (const { event, position } of this.readAllPage(
        decodeEsdbPosition(from),
        FORWARDS,
        1,
      )) {
        if (position === from && !isSystemEvent(event)) {
          yield toRecordedEvent(event);
          remaining -= 1;
        }
      }
      if (remaining <= 0) return;
    }

    let cursor: ReadPosition =
      from === 'start' ? START : from === 'end' ? END : decodeEsdbPosition(from);
    // Events on the wrong side of this bound were already returned (or precede an inclusive start).
    let bound: { position: bigint; inclusive: boolean } | undefined =
      typeof from === 'bigint' ? { position: from, inclusive: !backwards } : undefined;
    for (;;) {
      const pageSize = Number.isFinite(remaining)
        ? Math.min(MAX_PAGE, Math.max(MIN_PAGE, remaining))
        : undefined;
      let read = 0;
      let last: Position | undefined;
      const page = this.readAllPage(cursor, backwards ? BACKWARDS : FORWARDS, pageSize);
      for await (const { event, position } of page) {
        read += 1;
        last = event.position;
        if (bound && !beyond(position, bound, backwards)) continue;
        if (isSystemEvent(event)) continue;
        yield toRecordedEvent(event);
        remaining -= 1;
        if (remaining <= 0) return;
      }
      if (pageSize === undefined || read < pageSize || last === undefined) return;
      cursor = last;
      bound = { position: encodeEsdbPosition(last), inclusive: false };
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const filter = options.filter;
    const resubscribe = this.options.resubscribe ?? {};
    const inner = resumingSubscription({
      fromPosition: options.fromPosition ?? 'start',
      open: (fromPosition) =>
        esdbSubscription({
          client: this.client,
          fromPosition,
          filter,
          readHead: () => this.headPosition(),
        }),
      isRetryable: (error) => error instanceof StoreUnavailableError,
      initialDelayMs: resubscribe.initialDelayMs,
      maxDelayMs: resubscribe.maxDelayMs,
      maxAttempts: resubscribe.maxAttempts,
      onDrop: this.options.onSubscriptionDrop,
    });
    // Each underlying subscription reports catching up; after a resume that is not news.
    async function* caughtUpOnce(): AsyncGenerator<SubscriptionMessage> {
      let caughtUp = false;
      for await (const message of inner) {
        if (message.kind === 'caughtUp') {
          if (caughtUp) continue;
          caughtUp = true;
        }
        yield message;
      }
    }
    const iterator = caughtUpOnce();
    const subscriptions = this.subscriptions;
    const tracked: Subscription = {
      [Symbol.asyncIterator]: () => iterator,
      async close() {
        subscriptions.delete(tracked);
        await inner.close();
        await iterator.return(undefined);
      },
    };
    subscriptions.add(tracked);
    return tracked;
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, kind: 'eventstoredb', detail: 'store is closed' };
    const timeoutMs = this.options.healthTimeoutMs ?? 5_000;
    let read: EsdbReadLike<AllStreamResolvedEvent> | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      const probe = firstOf(read);
      probe.catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer from EventStoreDB within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      const last = await Promise.race([probe, timeout]);
      const head = last?.event ? encodeEsdbPosition(last.event.position) : null;
      return {
        ok: true,
        kind: 'eventstoredb',
        detail:
          head === null ? 'connected; $all is empty' : `connected; $all head position ${head}`,
      };
    } catch (error) {
      void read?.cancel().catch(() => undefined);
      return { ok: false, kind: 'eventstoredb', detail: describeError(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close().catch(() => undefined)));
    await this.client.dispose();
  }

  /** The position of the last non-system event in $all, or null when there is none. */
  private async headPosition(): Promise<bigint | null> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) {
      return event.position;
    }
    return null;
  }

  /** EventStoreDB checks an empty append's expectation without writing; we check it the same way. */
  private async checkEmptyAppend(
    stream: string,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let last: RecordedEvent | undefined;
    for await (const event of this.readStream(stream, { direction: 'backwards', maxCount: 1 })) {
      last = event;
    }
    const actual: CurrentRevision = last ? last.revision : 'no_stream';
    const satisfied =
      expected === 'any' ||
      (expected === 'no_stream' && actual === 'no_stream') ||
      (expected === 'stream_exists' && actual !== 'no_stream') ||
      (typeof expected === 'bigint' && actual === expected);
    if (!satisfied) throw new WrongExpectedVersionError(stream, expected, actual);
    return {
      nextExpectedRevision: last ? last.revision : -1n,
      position: last ? last.position : 0n,
    };
  }

  /**
   * The events with their hash chain, linked to the event they are expected to follow: the one at
   * the expected revision, or the stream's last for any / stream_exists. Should the stream move
   * on meanwhile, the append fails its expected revision (or, for any, links to a stale head; an
   * idempotent retry is recognised by its ids and keeps what was first written).
   */
  private async chain(
    stream: string,
    events: EventData[],
    expected: ExpectedRevision,
  ): Promise<EventData[]> {
    if (expected === 'no_stream') return chainEvents(stream, 0n, GENESIS_HASH, events);
    const read =
      typeof expected === 'bigint'
        ? this.readStream(stream, { fromRevision: expected, maxCount: 1 })
        : this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    let previous: RecordedEvent | undefined;
    for await (const event of read) previous = event;
    if (!previous) return chainEvents(stream, 0n, GENESIS_HASH, events);
    return chainEvents(
      stream,
      previous.revision + 1n,
      hashOf(previous.metadata) ?? GENESIS_HASH,
      events,
    );
  }

  /** The server leaves out the position of an idempotent (repeated) append: look it up. */
  private async positionAt(stream: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      if (event.revision === revision) return event.position;
    }
    throw new Error(`EventStoreDB reported no position for ${stream}@${revision}`);
  }

  private async *readAllPage(
    fromPosition: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number | undefined,
  ): AsyncGenerator<{ event: EsdbRecorded & { position: Position }; position: bigint }> {
    const read = this.client.readAll({
      fromPosition,
      direction,
      resolveLinkTos: false,
      ...(maxCount !== undefined ? { maxCount } : {}),
    });
    try {
      for await (const resolved of cancelling(read)) {
        const event = resolved.event;
        if (event === undefined) continue;
        yield { event, position: encodeEsdbPosition(event.position) };
      }
    } catch (error) {
      throw mapError(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}
