import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendToStreamOptions,
  AppendResult as EsdbAppendResult,
  EventData as EsdbEventData,
  ReadAllOptions as EsdbReadAllOptions,
  ReadStreamOptions as EsdbReadStreamOptions,
  SubscribeToAllOptions as EsdbSubscribeToAllOptions,
  Filter,
  Position,
  ReadPosition,
  ResolvedEvent,
} from '@eventstore/db-client';
import { assertValidAppend } from '../append-validation';
import {
  AppendOptions,
  AppendResult,
  CurrentRevision,
  EventData,
  EventStore,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StoreUnavailableError,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionFilter,
  SubscriptionMessage,
  WrongExpectedVersionError,
} from '../event-store.port';
import { resumingSubscription } from '../resuming-subscription';
import { decodeEsdbPosition, encodeEsdbPosition } from './esdb-position';

/** A read as the client returns it: an async iterable of events that can be cancelled. */
export interface EsdbReadLike<E> extends AsyncIterable<E> {
  cancel(): Promise<void>;
}

/**
 * The part of the client's catch-up subscription (a Node stream in object mode) the adapter uses.
 * `readableLength` is how many events the stream holds that have not been emitted as `data` yet.
 */
export interface EsdbSubscriptionLike {
  readonly readableLength: number;
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'confirmation' | 'caughtUp' | 'end' | 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

/** The client methods the adapter calls; `EventStoreDBClient` satisfies it, unit tests stub it. */
export interface EsdbClientLike {
  appendToStream(
    streamName: string,
    events: EsdbEventData[],
    options?: AppendToStreamOptions,
  ): Promise<EsdbAppendResult>;
  readStream(streamName: string, options?: EsdbReadStreamOptions): EsdbReadLike<ResolvedEvent>;
  readAll(options?: EsdbReadAllOptions): EsdbReadLike<AllStreamResolvedEvent>;
  subscribeToAll(options?: EsdbSubscribeToAllOptions): EsdbSubscriptionLike;
  dispose(): Promise<void>;
}

export interface EventStoreDbEventStoreOptions {
  /** Back-off between resubscription attempts after a dropped subscription. */
  resubscribe?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  /** Called when a subscription drops and is about to be resumed. */
  onSubscriptionDrop?: (error: unknown, attempt: number) => void;
  /** How long health() waits for the server. */
  healthTimeoutMs?: number;
}

/** Checkpoints arrive every CHECKPOINT_INTERVAL × the server's search window (32) events read. */
const CHECKPOINT_INTERVAL = 32;
const MIN_PAGE = 32;
const MAX_PAGE = 4_096;
/** A subscription stops taking events from the client when this many wait for the consumer. */
const HIGH_WATER = 512;
const LOW_WATER = 128;

const UNAVAILABLE_TYPES: ReadonlySet<unknown> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.NOT_LEADER,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
]);
const UNAVAILABLE_CODES: ReadonlySet<unknown> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

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
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(
    stream: string,
    events: EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    assertValidAppend(stream, events, expected);
    if (events.length === 0) return this.checkEmptyAppend(stream, expected);

    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(stream, events.map(toEsdbEvent), {
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
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
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
      for await (const { event, position } of this.readAllPage(decodeEsdbPosition(from), FORWARDS, 1)) {
        if (position === from && !isSystemEvent(event)) {
          yield toRecordedEvent(event);
          remaining -= 1;
        }
      }
      if (remaining <= 0) return;
    }

    let cursor: ReadPosition = from === 'start' ? START : from === 'end' ? END : decodeEsdbPosition(from);
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
        detail: head === null ? 'connected; $all is empty' : `connected; $all head position ${head}`,
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
  private async checkEmptyAppend(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
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
    return { nextExpectedRevision: last ? last.revision : -1n, position: last ? last.position : 0n };
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

// ---------------------------------------------------------------------------------------------
// One underlying subscription (resumingSubscription opens a new one after a drop).

interface EsdbSubscriptionDeps {
  client: EsdbClientLike;
  fromPosition: 'start' | 'end' | bigint;
  filter?: SubscriptionFilter;
  readHead: () => Promise<bigint | null>;
}

type Item = { message: SubscriptionMessage } | { error: unknown } | { ended: true };

/**
 * Bridges the client's subscription stream to the port's messages. Events are taken with `data`
 * listeners (paused when the consumer falls behind). The client signals caught-up and checkpoints
 * out of band while earlier events may still sit in the stream's buffer, so such markers are queued
 * behind the `readableLength` events buffered at that moment: nothing is reported out of order.
 *
 * Caught up is reported once: on the server's signal (EventStoreDB 23.10+), or when an event or
 * checkpoint at or past the head of $all read before subscribing arrives (older servers), or on
 * confirmation when there was nothing to catch up with.
 */
function esdbSubscription(deps: EsdbSubscriptionDeps): Subscription {
  const { client, fromPosition, filter } = deps;
  const matches = matcher(filter);
  const items: Item[] = [];
  const markers: { after: number; run: () => void }[] = [];
  let subscription: EsdbSubscriptionLike | undefined;
  let unsubscribed: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let closed = false;
  let terminal = false;
  let paused = false;
  let received = 0;
  let head: bigint | null = null;
  let caughtUpSent = false;
  /** The last event delivered (or the exclusive start): anything at or before it is a duplicate. */
  let lastDelivered: bigint | null = typeof fromPosition === 'bigint' ? fromPosition : null;
  /** The furthest point of the log known to be handled (delivered, filtered out or checkpointed). */
  let progress: bigint | null = lastDelivered;
  let lastCheckpoint: bigint | null = null;

  const signal = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const push = (item: Item) => {
    if (closed || terminal) return;
    if (!('message' in item)) terminal = true;
    items.push(item);
    if (!paused && subscription && items.length >= HIGH_WATER) {
      paused = true;
      subscription.pause();
    }
    signal();
  };

  const advance = (position: bigint) => {
    if (progress === null || position > progress) progress = position;
  };

  const sendCaughtUp = () => {
    if (caughtUpSent) return;
    caughtUpSent = true;
    const position =
      head === null ? progress : progress === null || head > progress ? head : progress;
    push({ message: { kind: 'caughtUp', position } });
  };

  const reachedHead = (position: bigint) => {
    if (!caughtUpSent && head !== null && position >= head) sendCaughtUp();
  };

  /** Runs `run` once the events buffered in the client's stream right now have been taken. */
  const afterBuffered = (run: () => void) => {
    const after = received + (subscription?.readableLength ?? 0);
    if (markers.length === 0 && after <= received) run();
    else markers.push({ after, run });
  };

  const onData = (resolved: AllStreamResolvedEvent) => {
    received += 1;
    const recorded = resolved.event;
    if (recorded !== undefined) {
      try {
        const position = encodeEsdbPosition(recorded.position);
        if (lastDelivered === null || position > lastDelivered) {
          if (!isSystemEvent(recorded) && matches(recorded)) {
            const event = toRecordedEvent(recorded);
            lastDelivered = position;
            push({ message: { kind: 'event', event } });
          }
          advance(position);
          reachedHead(position);
        }
      } catch (error) {
        push({ error });
      }
    }
    while (markers.length > 0 && markers[0].after <= received) markers.shift()?.run();
  };

  const onCheckpoint = (raw: Position) => {
    afterBuffered(() => {
      const position = encodeEsdbPosition(raw);
      const ahead =
        (lastDelivered === null || position > lastDelivered) &&
        (lastCheckpoint === null || position > lastCheckpoint);
      if (filter && ahead) {
        lastCheckpoint = position;
        push({ message: { kind: 'checkpoint', position } });
      }
      advance(position);
      reachedHead(position);
    });
  };

  const unsubscribe = (): Promise<void> => {
    if (!subscription) return Promise.resolve();
    unsubscribed ??= subscription.unsubscribe().catch(() => undefined);
    return unsubscribed;
  };

  let closedSignal: () => void = () => undefined;
  const whenClosed = new Promise<undefined>((resolve) => {
    closedSignal = () => resolve(undefined);
  });

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    try {
      head = (await Promise.race([deps.readHead(), whenClosed])) ?? null;
      if (closed) return;
      const nothingToCatchUp =
        fromPosition === 'end' ||
        head === null ||
        (typeof fromPosition === 'bigint' && head <= fromPosition);
      const sub = client.subscribeToAll({
        fromPosition:
          fromPosition === 'start' ? START : fromPosition === 'end' ? END : decodeEsdbPosition(fromPosition),
        resolveLinkTos: false,
        filter: serverFilter(filter, onCheckpoint),
      });
      subscription = sub;
      sub.on('data', onData);
      sub.on('error', (error) => push({ error }));
      sub.on('end', () => push({ ended: true }));
      sub.on('close', () => push({ ended: true }));
      sub.on('caughtUp', () => afterBuffered(sendCaughtUp));
      sub.on('confirmation', () => {
        if (nothingToCatchUp) afterBuffered(sendCaughtUp);
      });

      for (;;) {
        while (items.length === 0 && !closed) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        if (closed) return;
        const item = items.shift() as Item;
        if ('error' in item) throw mapError(item.error);
        if ('ended' in item) throw new StoreUnavailableError('EventStoreDB ended the subscription');
        if (paused && items.length <= LOW_WATER) {
          paused = false;
          sub.resume();
        }
        yield item.message;
      }
    } finally {
      closed = true;
      await unsubscribe();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      closedSignal();
      signal();
      await unsubscribe();
      await iterator.return(undefined);
    },
  };
}

function serverFilter(
  filter: SubscriptionFilter | undefined,
  onCheckpoint: (position: Position) => void,
): Filter {
  const options = {
    checkpointInterval: CHECKPOINT_INTERVAL,
    checkpointReached: (_: unknown, position: Position) => onCheckpoint(position),
  };
  if (filter?.streamNamePrefixes && filter.streamNamePrefixes.length > 0) {
    return streamNameFilter({ ...options, prefixes: filter.streamNamePrefixes });
  }
  if (filter?.eventTypePrefixes && filter.eventTypePrefixes.length > 0) {
    return eventTypeFilter({ ...options, prefixes: filter.eventTypePrefixes });
  }
  // No filter, or an empty prefix list (which matches nothing on our side).
  return excludeSystemEvents(options);
}

function matcher(filter?: SubscriptionFilter): (event: EsdbRecorded) => boolean {
  if (!filter) return () => true;
  if (filter.streamNamePrefixes) {
    const prefixes = filter.streamNamePrefixes;
    return (event) => prefixes.some((p) => event.streamId.startsWith(p));
  }
  const prefixes = filter.eventTypePrefixes ?? [];
  return (event) => prefixes.some((p) => event.type.startsWith(p));
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** The fields of the client's RecordedEvent the adapter reads. */
interface EsdbRecorded {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

const DOLLAR_KEYS = [
  ['correlationId', '$correlationId'],
  ['causationId', '$causationId'],
] as const;

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

function toEsdbEvent(event: EventData): EsdbEventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: toEsdbMetadata(event.metadata),
  });
}

/** Adds `$correlationId` / `$causationId` (which EventStoreDB reads) beside the plain fields. */
export function toEsdbMetadata(metadata: JsonObject | undefined): JsonObject | undefined {
  if (metadata === undefined) return undefined;
  const out: JsonObject = { ...metadata };
  for (const [plain, dollar] of DOLLAR_KEYS) {
    const value = metadata[plain];
    if (typeof value === 'string' && !(dollar in metadata)) out[dollar] = value;
  }
  return out;
}

/** Removes what toEsdbMetadata added, so metadata reads back as it was written. */
export function fromEsdbMetadata(raw: unknown): JsonObject {
  if (!isJsonObject(raw)) return {};
  const out: JsonObject = { ...raw };
  for (const [plain, dollar] of DOLLAR_KEYS) {
    if (typeof out[plain] === 'string' && out[dollar] === out[plain]) delete out[dollar];
  }
  return out;
}

function toRecordedEvent(event: EsdbRecorded): RecordedEvent {
  if (!isUsablePosition(event.position)) {
    throw new Error(
      `EventStoreDB returned no position for ${event.streamId}@${event.revision}; EventStoreDB 22.10 or later is required`,
    );
  }
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    position: encodeEsdbPosition(event.position),
    data: toData(event),
    metadata: fromEsdbMetadata(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}

function toData(event: EsdbRecorded): JsonObject {
  let data = event.data;
  if (data instanceof Uint8Array) {
    try {
      data = JSON.parse(Buffer.from(data).toString('utf8'));
    } catch {
      // reported below
    }
  }
  if (!isJsonObject(data)) {
    throw new Error(`event ${event.id} in ${event.streamId} does not hold a JSON object`);
  }
  return data;
}

function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function isUsablePosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.prepare >= 0n;
}

/** Whether `position` lies past `bound` in the direction of the read. */
function beyond(
  position: bigint,
  bound: { position: bigint; inclusive: boolean },
  backwards: boolean,
): boolean {
  if (position === bound.position) return bound.inclusive;
  return backwards ? position < bound.position : position > bound.position;
}

// ---------------------------------------------------------------------------------------------
// Errors

function errorType(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
}

/** Whether the error means the server could not be reached or could not serve us right now. */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (UNAVAILABLE_TYPES.has(errorType(error))) return true;
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_CODES.has((error as { code?: unknown }).code)) return true;
  return /Failed to discover|No connection established|Connection dropped/i.test(error.message);
}

/** Unavailability becomes the port's retryable StoreUnavailableError; anything else passes through. */
export function mapError(error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  if (isUnavailableError(error)) {
    return new StoreUnavailableError(`EventStoreDB unavailable: ${describeError(error)}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(describeError(error));
}

function mapAppendError(error: unknown, stream: string, expected: ExpectedRevision): Error {
  if (errorType(error) === ErrorType.WRONG_EXPECTED_VERSION) {
    const actual = (error as { actualVersion?: unknown }).actualVersion;
    const current: CurrentRevision = typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream';
    return new WrongExpectedVersionError(stream, expected, current);
  }
  return mapError(error);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const type = errorType(error);
    const message = error.message || error.name;
    return typeof type === 'string' ? `${type}: ${message}` : message;
  }
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Iterates a client read; if the consumer stops early, cancels the gRPC call behind it. */
async function* cancelling<E>(read: EsdbReadLike<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(() => undefined);
  }
}

async function firstOf<E>(read: EsdbReadLike<E>): Promise<E | undefined> {
  for await (const item of cancelling(read)) return item;
  return undefined;
}
