import { createHash } from 'node:crypto';
import { EventData, JsonObject, RecordedEvent } from './event-store.port';

/** The prevHash of revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * SHA-256 (hex) of `JSON.stringify([stream, revision (decimal string), type])`, a newline, the data's
 * JSON text, a newline, and the JSON text of the metadata without `hash` (so `prevHash` is covered).
 * Plain JSON.stringify, not a sorted canonical form: stored JSON keeps its key order through every
 * read (JSON.parse and JSON.stringify preserve it), so the text is reproducible from what is stored,
 * and the append path hashes the very text it stores (a sorted encoding halved P1).
 */
export function eventHashOfText(
  stream: string,
  revision: bigint,
  type: string,
  dataText: string,
  coveredMetadataText: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([stream, revision.toString(), type]))
    .update('\n')
    .update(dataText)
    .update('\n')
    .update(coveredMetadataText)
    .digest('hex');
}

export function eventHash(
  stream: string,
  revision: bigint,
  type: string,
  data: JsonObject,
  metadata: JsonObject,
): string {
  const covered: JsonObject = { ...metadata };
  delete covered.hash;
  return eventHashOfText(stream, revision, type, JSON.stringify(data), JSON.stringify(covered));
}

/** An event ready to store: its data and metadata (with prevHash and hash) as JSON text. */
export interface ChainedText {
  event: EventData;
  dataText: string;
  metadataText: string;
}

/** Like chainEvents, but serialising each event once: the texts hashed are the texts stored. */
export function chainEventsAsText(
  stream: string,
  firstRevision: bigint,
  prevHash: string,
  events: EventData[],
): ChainedText[] {
  let previous = prevHash;
  return events.map((event, i) => {
    const covered: JsonObject = { ...(event.metadata ?? {}), prevHash: previous };
    delete covered.hash;
    const dataText = JSON.stringify(event.data);
    const coveredText = JSON.stringify(covered);
    const hash = eventHashOfText(
      stream,
      firstRevision + BigInt(i),
      event.type,
      dataText,
      coveredText,
    );
    previous = hash;
    // The same keys in the same order, with hash last: removing it gives back the covered text.
    const metadataText = `${coveredText.slice(0, -1)}${coveredText.length > 2 ? ',' : ''}"hash":${JSON.stringify(hash)}}`;
    return { event, dataText, metadataText };
  });
}

/**
 * The events with `prevHash` and `hash` added to their metadata (copies; the caller's objects are
 * not modified), chained from `prevHash` with the first at `firstRevision`.
 */
export function chainEvents(
  stream: string,
  firstRevision: bigint,
  prevHash: string,
  events: EventData[],
): EventData[] {
  let previous = prevHash;
  return events.map((event, i) => {
    const metadata: JsonObject = { ...(event.metadata ?? {}), prevHash: previous };
    delete metadata.hash;
    const hash = eventHash(stream, firstRevision + BigInt(i), event.type, event.data, metadata);
    previous = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

/** The hash an event carries, if it carries a well-formed one. */
export function hashOf(metadata: JsonObject | undefined): string | undefined {
  const hash = metadata?.hash;
  return typeof hash === 'string' && HEX_64.test(hash) ? hash : undefined;
}

export type ChainBreakReason = 'hash mismatch' | 'prevHash mismatch' | 'missing revision';

export interface ChainBreak {
  stream: string;
  revision: bigint;
  reason: ChainBreakReason;
  detail: string;
}

export type ChainVerification =
  | { ok: true; streams: number; events: number }
  | { ok: false; streams: number; events: number; broken: ChainBreak };

/**
 * Checks every link of every stream in a read of $all (in position order): revisions contiguous
 * from 0, each prevHash the previous event's hash (GENESIS_HASH at 0), each hash recomputed.
 * Stops at the first broken link.
 */
export async function verifyChains(
  events: AsyncIterable<RecordedEvent>,
  onEvent?: (count: number) => void,
): Promise<ChainVerification> {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  let count = 0;
  const fail = (stream: string, revision: bigint, reason: ChainBreakReason, detail: string) => ({
    ok: false as const,
    streams: heads.size,
    events: count,
    broken: { stream, revision, reason, detail },
  });
  for await (const event of events) {
    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1n : 0n;
    if (event.revision !== expectedRevision) {
      return fail(
        event.streamId,
        expectedRevision,
        'missing revision',
        `revision ${expectedRevision} is missing (next found: ${event.revision})`,
      );
    }
    const expectedPrev = head ? head.hash : GENESIS_HASH;
    if (event.metadata.prevHash !== expectedPrev) {
      return fail(
        event.streamId,
        event.revision,
        'prevHash mismatch',
        `prevHash ${JSON.stringify(event.metadata.prevHash ?? null)} is not the previous hash ${expectedPrev}`,
      );
    }
    const stored = hashOf(event.metadata);
    const computed = eventHash(
      event.streamId,
      event.revision,
      event.type,
      event.data,
      event.metadata,
    );
    if (stored !== computed) {
      return fail(
        event.streamId,
        event.revision,
        'hash mismatch',
        `stored hash ${JSON.stringify(event.metadata.hash ?? null)}, recomputed ${computed}`,
      );
    }
    heads.set(event.streamId, { revision: event.revision, hash: computed });
    count += 1;
    onEvent?.(count);
  }
  return { ok: true, streams: heads.size, events: count };
}
