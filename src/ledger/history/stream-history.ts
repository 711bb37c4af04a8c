import { EventStore, JsonObject } from '../../event-store/event-store.port';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** One event as `GET .../history` shows it: what happened, when, who recorded it, and when. */
export interface HistoryEntry {
  revision: string;
  position: string;
  eventId: string;
  type: string;
  data: JsonObject;
  occurredAt: string | null;
  recordedAt: string;
  actor: string | null;
  agency: string | null;
  role: string | null;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  schemaVersion: number;
  /** Tamper evidence: this event's hash and the previous event's (docs/architecture.md). */
  hash: string | null;
  prevHash: string | null;
}

/** The events of a stream in order, upcast to their current shape. */
export async function streamHistory(
  store: EventStore,
  upcasters: UpcasterRegistry,
  stream: string,
): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for await (const e of store.readStream(stream)) {
    const data = upcasters.upcast(e.type, e.data, e.metadata.schemaVersion);
    const text = (key: string) => (typeof e.metadata[key] === 'string' ? e.metadata[key] : null);
    entries.push({
      revision: e.revision.toString(),
      position: e.position.toString(),
      eventId: e.id,
      type: e.type,
      data,
      occurredAt: typeof data.occurredAt === 'string' ? data.occurredAt : null,
      recordedAt: e.recordedAt,
      actor: text('actor'),
      agency: text('agency'),
      role: text('role'),
      commandId: text('commandId'),
      correlationId: text('correlationId'),
      causationId: text('causationId'),
      schemaVersion: upcasters.currentVersion(e.type),
      hash: text('hash'),
      prevHash: text('prevHash'),
    });
  }
  return entries;
}
