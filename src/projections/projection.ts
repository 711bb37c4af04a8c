import { JsonObject } from '../event-store/event-store.port';
import { ReadModelDb } from './read-model-db';

/** An event as projections see it: upcast to its current shape, with where it stands in the log. */
export interface ProjectedEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  streamId: string;
  revision: bigint;
  position: bigint;
  recordedAt: string;
}

/** Logical table name → the physical table of the generation being written or read. */
export type TableNames = (logical: string) => string;

/**
 * A read model built from the log. `apply` is synchronous and deterministic: the same events in
 * the same order give byte-identical tables (R6), whether applied live or in a rebuild.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or the logic change: the runner then rebuilds from position 0. */
  readonly version: number;
  /** The logical tables it owns. */
  readonly tables: readonly string[];
  /** Stream name prefixes it reads (the subscription filter). */
  readonly streams: readonly string[];
  createTables(db: ReadModelDb, t: TableNames): void;
  apply(db: ReadModelDb, t: TableNames, event: ProjectedEvent): void;
  /**
   * Called once at the end of each batch, in the same transaction, after `apply` has seen every
   * event of it: where a projection writes what it accumulated (one write per aggregate per batch
   * instead of one per event). apply and endBatch of one batch always run without interruption.
   */
  endBatch?(db: ReadModelDb, t: TableNames): void;
}
