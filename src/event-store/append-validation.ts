import { validate as isUuid } from 'uuid';
import { EventData, ExpectedRevision, InvalidAppendError } from './event-store.port';

const MAX_STREAM_NAME = 500;

/** Rejects a malformed append before any adapter touches storage, so every adapter refuses alike. */
export function assertValidAppend(
  stream: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > MAX_STREAM_NAME) {
    throw new InvalidAppendError(`stream name must be 1..${MAX_STREAM_NAME} characters`);
  }
  if (stream.startsWith('$')) {
    throw new InvalidAppendError(`stream name ${stream} is reserved (starts with $)`);
  }
  if (typeof expected === 'bigint' && expected < 0n) {
    throw new InvalidAppendError(`expected revision must be >= 0, got ${expected}`);
  }
  const seen = new Set<string>();
  events.forEach((event, index) => {
    if (!isUuid(event.id)) {
      throw new InvalidAppendError(`events[${index}].id must be a UUID`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) {
      throw new InvalidAppendError(`events[${index}].id ${event.id} repeats within the append`);
    }
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(
        `events[${index}].type must be a non-empty name not starting with $`,
      );
    }
    if (!isPlainObject(event.data)) {
      throw new InvalidAppendError(`events[${index}].data must be a JSON object`);
    }
    if (event.metadata !== undefined && !isPlainObject(event.metadata)) {
      throw new InvalidAppendError(`events[${index}].metadata must be a JSON object`);
    }
  });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
