import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { ProjectedEvent, Projection, TableNames } from './projection';
import { dropTables, ProjectionCatalog, tableNames } from './projection-catalog';
import { toProjected } from './projected-event';
import { streamRouter } from './stream-router';
import { ReadModelDb } from './read-model-db';
import type { LogSource } from './live-feed';

export interface RebuildProgress {
  /** The projections rebuilt, comma-separated (one pass over the log for all of them). */
  name: string;
  names: string[];
  /** Events of the log read so far (each read once, whatever the number of projections). */
  events: number;
  position: string | null;
  seconds: number;
  /** `events` / `seconds`: events of the log per second for the whole rebuild. */
  eventsPerSecond: number;
  done: boolean;
}

export interface RebuildContext {
  store: LogSource;
  db: ReadModelDb;
  upcasters: UpcasterRegistry;
  catalog: ProjectionCatalog;
}

export interface RebuildOptions {
  onProgress?: (p: RebuildProgress) => void;
  /** Called once the new generations have caught up with the log as it was: pause the old ones. */
  beforeSwap?: () => Promise<void>;
  /** Events per transaction (default 5,000). */
  batch?: number;
}

const BATCH = 5_000;

/** The name that asks the admin route for every projection at once (one pass over the log). */
export const REBUILD_ALL = 'all';

interface Target {
  projection: Projection;
  generation: number;
  t: TableNames;
}

/**
 * Builds generation n+1 of each projection from position 0 while generation n keeps serving, in
 * one pass over the log: every event is read, parsed and upcast once and handed to each projection
 * that reads its stream (event by event, so projections that fold the same aggregate share the
 * fold: asset-folds.ts). Each batch is one transaction: every projection's `apply`, then each one's
 * `endBatch`. The new tables' secondary indexes are dropped while they fill (nothing reads them
 * yet) and built once over every row before the catch-up. Then (after `beforeSwap`, where a live
 * runner pauses the old generations) it catches up to the head and swaps every projection in one
 * transaction. A crash at any point before the swap leaves generation n serving; the half-built
 * tables are dropped by the next rebuild.
 */
export async function rebuildProjections(
  context: RebuildContext,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const { store, db, upcasters, catalog } = context;
  if (projections.length === 0) throw new Error('Nothing to rebuild');
  const targets: Target[] = projections.map((projection) => {
    const generation = catalog.install(projection).generation + 1;
    return { projection, generation, t: tableNames(generation) };
  });
  db.transaction(() => {
    for (const { projection, generation, t } of targets) {
      dropTables(db, projection, generation);
      projection.createTables(db, t);
    }
  });
  // Nothing reads the new tables before the swap: their indexes are built once, at the end.
  const createIndexes = db.deferIndexes?.(
    targets.flatMap(({ projection, t }) => projection.tables.map((table) => t(table))),
  );
  const names = projections.map((p) => p.name);
  const batchSize = options.batch ?? BATCH;
  const route = streamRouter(targets, (x) => x.projection.streams);

  const started = process.hrtime.bigint();
  let events = 0;
  let position: bigint | null = null;
  let buffer: ProjectedEvent[] = [];
  let routes: Target[][] = [];
  const progress = (done: boolean): RebuildProgress => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      name: names.join(', '),
      names,
      events,
      position: position?.toString() ?? null,
      seconds,
      eventsPerSecond: seconds > 0 ? events / seconds : 0,
      done,
    };
  };
  const flush = () => {
    const batch = buffer;
    const to = routes;
    buffer = [];
    routes = [];
    if (batch.length > 0) {
      db.transaction(() => {
        for (let i = 0; i < batch.length; i++) {
          for (const { projection, t } of to[i]) projection.apply(db, t, batch[i]);
        }
        for (const { projection, t } of targets) projection.endBatch?.(db, t);
      });
    }
    options.onProgress?.(progress(false));
  };
  const readFrom = async (from: bigint | null) => {
    for await (const event of store.readAll(from === null ? {} : { fromPosition: from })) {
      if (from !== null && event.position === from) continue;
      position = event.position;
      events += 1;
      const to = route(event.streamId);
      if (to.length === 0) continue;
      buffer.push(toProjected(event, upcasters));
      routes.push(to);
      if (buffer.length >= batchSize) flush();
    }
    flush();
  };

  await readFrom(null);
  createIndexes?.();
  await options.beforeSwap?.();
  await readFrom(position);
  const checkpoint: bigint | null = position;
  db.transaction(() => {
    for (const { projection, generation } of targets)
      catalog.swap(projection, generation, checkpoint);
  });
  const result = progress(true);
  options.onProgress?.(result);
  return result;
}

/** One projection: `rebuildProjections` with a list of one. */
export function rebuildProjection(
  context: RebuildContext,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  return rebuildProjections(context, [projection], options);
}
