import { ANY, ErrorType, NO_STREAM, STREAM_EXISTS, jsonEvent } from '@eventstore/db-client';
import type {
  AppendExpectedRevision,
  EventData as EsdbEventData,
  Position,
} from '@eventstore/db-client';

import {
  CurrentRevision,
  EventData,
  ExpectedRevision,
  JsonObject,
  RecordedEvent,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '../event-store.port';

import { encodeEsdbPosition } from './esdb-position';
import { EsdbReadLike } from './esdb-client';

const UNAVAILABLE_TYPES: ReadonlySet<unknown> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.NOT_LEADER,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
]);
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const UNAVAILABLE_CODES: ReadonlySet<unknown> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export interface EsdbRecorded {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export const DOLLAR_KEYS = [
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

export function toEsdbEvent(event: EventData): EsdbEventData {
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

export function toRecordedEvent(event: EsdbRecorded): RecordedEvent {
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

export function toData(event: EsdbRecorded): JsonObject {
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

export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

export function isUsablePosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.prepare >= 0n;
}

/** Whether `position` lies past `bound` in the direction of the read. */
export function beyond(
  position: bigint,
  bound: { position: bigint; inclusive: boolean },
  backwards: boolean,
): boolean {
  if (position === bound.position) return bound.inclusive;
  return backwards ? position < bound.position : position > bound.position;
}

// ---------------------------------------------------------------------------------------------
// Errors

export function errorType(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { type?: unknown }).type
    : undefined;
}

/** Whether the error means the server could not be reached or could not serve us right now. */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (UNAVAILABLE_TYPES.has(errorType(error))) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (UNAVAILABLE_CODES.has(code)) return true;
  // A raw gRPC error the client did not convert: UNAVAILABLE or DEADLINE_EXCEEDED.
  if ((code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) && 'details' in error)
    return true;
  return /Failed to discover|No connection established|Connection dropped/i.test(error.message);
}

/** Unavailability becomes the port's retryable StoreUnavailableError; anything else passes through. */
export function mapError(error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  if (isUnavailableError(error)) {
    return new StoreUnavailableError(`EventStoreDB unavailable: ${describeError(error)}`, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(describeError(error));
}

export function mapAppendError(error: unknown, stream: string, expected: ExpectedRevision): Error {
  if (errorType(error) === ErrorType.WRONG_EXPECTED_VERSION) {
    const actual = (error as { actualVersion?: unknown }).actualVersion;
    const current: CurrentRevision =
      typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream';
    return new WrongExpectedVersionError(stream, expected, current);
  }
  return mapError(error);
}

export function describeError(error: unknown): string {
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
export async function* cancelling<E>(read: EsdbReadLike<E>): AsyncGenerator<E> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(() => undefined);
  }
}

export async function firstOf<E>(read: EsdbReadLike<E>): Promise<E | undefined> {
  for await (const item of cancelling(read)) return item;
  return undefined;
}
