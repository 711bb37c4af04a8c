import { EventStore } from '../event-store/event-store.port';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { ProjectedEvent, Projection } from './projection';
import { dropTables, ProjectionCatalog, tableNames } from './projection-catalog';
import { reads, toProjected } from './projected-event';
import { ReadModelDb } from './read-model-db';

export interface RebuildProgress {
  name: string;
  events: number;
  position: string | null;
  seconds: number;
  eventsPerSecond: number;
  done: boolean;
}

export interface RebuildContext {
  store: EventStore;
  db: ReadModelDb;
  upcasters: UpcasterRegistry;
  catalog: ProjectionCatalog;
}

const BATCH = 5_000;

/**
 * Builds generation n+1 of a projection from position 0 while generation n keeps serving, then
 * (after `beforeSwap`, where a live runner pauses) catches up to the head and swaps in one
 * transaction. A crash at any point before the swap leaves generation n serving; the half-built
 * tables are dropped by the next rebuild.
 */
export async function rebuildProjection(
  context: RebuildContext,
  projection: Projection,
  options: { onProgress?: (p: RebuildProgress) => void; beforeSwap?: () => Promise<void> } = {},
): Promise<RebuildProgress> {
  const { store, db, upcasters, catalog } = context;
  const current = catalog.install(projection);
  const generation = current.generation + 1;
  const t = tableNames(generation);
  db.transaction(() => {
    dropTables(db, projection, generation);
    projection.createTables(db, t);
  });

  const started = process.hrtime.bigint();
  let events = 0;
  let position: bigint | null = null;
  let buffer: ProjectedEvent[] = [];
  const progress = (done: boolean): RebuildProgress => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      name: projection.name,
      events,
      position: position?.toString() ?? null,
      seconds,
      eventsPerSecond: seconds > 0 ? events / seconds : 0,
      done,
    };
  };
  const flush = () => {
    const batch = buffer;
    buffer = [];
    if (batch.length > 0) {
      db.transaction(() => {
        batch.forEach((e) => projection.apply(db, t, e));
        projection.endBatch?.(db, t);
      });
    }
    options.onProgress?.(progress(false));
  };
  const readFrom = async (from: bigint | null) => {
    for await (const event of store.readAll(from === null ? {} : { fromPosition: from })) {
      if (from !== null && event.position === from) continue;
      position = event.position;
      events += 1;
      if (!reads(projection, event.streamId)) continue;
      buffer.push(toProjected(event, upcasters));
      if (buffer.length >= BATCH) flush();
    }
    flush();
  };

  await readFrom(null);
  await options.beforeSwap?.();
  await readFrom(position);
  catalog.swap(projection, generation, position);
  const result = progress(true);
  options.onProgress?.(result);
  return result;
}
