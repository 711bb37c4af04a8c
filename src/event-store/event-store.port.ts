/**
 * The event store port. Its semantics mirror EventStoreDB so that the embedded SQLite store and
 * EventStoreDB are interchangeable by configuration. docs/architecture.md describes each rule; the
 * contract suite in test/contract/ holds every adapter to them.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** What the writer believes about the stream before appending. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The revision a stream is at; `no_stream` when it has no events. */
export type CurrentRevision = 'no_stream' | bigint;

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** An event to append. `id` is a UUID; a retried command must send the same ids. */
export interface EventData {
  id: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

/** An event as stored. Revisions start at 0 per stream; positions order the whole log. */
export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  /** Global, strictly increasing, not consecutive: never compute `position + 1`. */
  position: bigint;
  data: JsonObject;
  metadata: JsonObject;
  /** When the store recorded it (the store's clock), ISO 8601 UTC. */
  recordedAt: string;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
  /**
   * Remember the command these events answer (Idempotency-Key), written with the events where the
   * store allows it: a retried command then gets its first response even after the stream moved on.
   * Recorded for an empty append too: a command that decided nothing must not decide again.
   */
  command?: CommandRecord;
}

/** What is kept of an accepted command, keyed by its idempotency key. */
export interface CommandRecord {
  key: string;
  /** Hash of what was asked (method, route, body): the same key with another request is refused. */
  requestHash: string;
  /** The response body, less the revision and position the append itself decides. */
  response: JsonObject;
}

export interface StoredCommand extends CommandRecord {
  streamId: string;
  nextExpectedRevision: bigint;
  position: bigint;
}

export interface AppendResult {
  /** The revision of the last event appended; pass it as the next expected revision. */
  nextExpectedRevision: bigint;
  /** The position of the last event appended. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Default `start` forwards, `end` backwards. */
  fromRevision?: 'start' | 'end' | bigint;
  direction?: Direction;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive. Default `start` forwards, `end` backwards. */
  fromPosition?: 'start' | 'end' | bigint;
  direction?: Direction;
  maxCount?: number;
}

/** One kind of filter at a time, as EventStoreDB allows. Prefixes are matched literally. */
export type SubscriptionFilter =
  | { streamNamePrefixes: string[]; eventTypePrefixes?: never }
  | { eventTypePrefixes: string[]; streamNamePrefixes?: never };

export interface SubscribeToAllOptions {
  /**
   * Exclusive: the subscription delivers events after this position (a checkpoint is the position
   * of the last event handled). `start` delivers everything; `end` only events appended from now.
   */
  fromPosition?: 'start' | 'end' | bigint;
  filter?: SubscriptionFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Every event that existed when the subscription started has been delivered; live from here. */
  | { kind: 'caughtUp'; position: bigint | null }
  /** The log has been read up to here (filtered subscriptions): safe to store as a checkpoint. */
  | { kind: 'checkpoint'; position: bigint };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends the subscription; a pending iteration finishes with `done`. */
  close(): Promise<void>;
}

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'eventstoredb';
  detail?: string;
}

export interface EventStore {
  append(stream: string, events: EventData[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The command recorded under this idempotency key, if any. */
  findCommand(key: string): Promise<StoredCommand | undefined>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export function describeRevision(revision: ExpectedRevision | CurrentRevision): string {
  return typeof revision === 'bigint' ? revision.toString() : revision;
}

/** Thrown when the stream is not where the writer expected it to be. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(
      `Stream ${streamId}: expected revision ${describeRevision(expected)}, actual ${describeRevision(actual)}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** Another request with the same idempotency key got there first; nothing of this one was written. */
export class DuplicateCommandError extends Error {
  readonly code = 'duplicate_command';
  constructor(readonly key: string) {
    super(`A command with idempotency key ${key} has already been recorded`);
    this.name = 'DuplicateCommandError';
  }
}

/** The store could not be reached or is not the leader; the operation may be retried. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Another process holds the embedded store's data directory. */
export class StoreLockedError extends Error {
  readonly code = 'store_locked';
  constructor(message: string) {
    super(message);
    this.name = 'StoreLockedError';
  }
}

/** The append itself is malformed (bad id, empty type, non-object data). Nothing was written. */
export class InvalidAppendError extends Error {
  readonly code = 'invalid_append';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
