import { Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventStore, StoreUnavailableError } from '../event-store/event-store.port';
import { resumingSubscription } from '../event-store/resuming-subscription';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { ProjectedEvent, Projection } from './projection';
import { ProjectionCatalog, tableNames } from './projection-catalog';
import { toProjected } from './projected-event';
import { ReadModelDb } from './read-model-db';
import { rebuildProjections, RebuildProgress } from './rebuild';

export interface ProjectionStatus {
  name: string;
  version: number;
  generation: number;
  checkpoint: string | null;
  caughtUp: boolean;
  state: 'running' | 'rebuilding' | 'stopped' | 'failed';
  error?: string;
}

interface Live {
  projection: Projection;
  status: ProjectionStatus;
  stop: () => Promise<void>;
  done: Promise<void>;
}

const BATCH = 1_000;

/** A rebuild asked for a projection that is being rebuilt already. */
export class RebuildInProgressError extends Error {
  constructor(names: readonly string[]) {
    super(`Already being rebuilt: ${names.join(', ')}`);
    this.name = 'RebuildInProgressError';
  }
}

/**
 * Keeps each projection's tables up to date: subscribes after its checkpoint, applies events in
 * order in batches, and commits every batch together with the checkpoint it reaches (exactly-once
 * effect: a crash loses a whole batch or none of it, and the batch is applied again on restart).
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private readonly live = new Map<string, Live>();
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly catalog: ProjectionCatalog;
  /** Projections being rebuilt now (two rebuilds of one projection would write the same tables). */
  private readonly rebuilding = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly upcasters: UpcasterRegistry,
    readonly projections: readonly Projection[],
  ) {
    this.catalog = new ProjectionCatalog(db);
  }

  /**
   * Starts every projection; those whose version changed are rebuilt (together, in one pass over
   * the log) while their old tables serve.
   */
  start(): void {
    const changed: string[] = [];
    for (const projection of this.projections) {
      const record = this.catalog.install(projection);
      this.live.set(projection.name, this.follow(projection));
      if (record.version !== projection.version) {
        this.logger.warn(
          `${projection.name}: version ${record.version} → ${projection.version}, rebuilding`,
        );
        changed.push(projection.name);
      }
    }
    if (changed.length > 0) {
      void this.rebuildAll(changed).catch((error: unknown) =>
        this.logger.error(`${changed.join(', ')}: rebuild failed: ${String(error)}`),
      );
    }
  }

  async stop(): Promise<void> {
    const all = [...this.live.values()];
    await Promise.all(all.map((l) => l.stop()));
    await Promise.all(all.map((l) => l.done));
    this.live.clear();
  }

  /** The physical table names of a projection's live generation (for queries). */
  tables(name: string): (logical: string) => string {
    const record = this.catalog.get(name);
    if (!record) throw new Error(`Unknown projection ${name}`);
    return tableNames(record.generation);
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => {
      const record = this.catalog.get(p.name);
      const live = this.live.get(p.name)?.status;
      return {
        name: p.name,
        version: p.version,
        generation: record?.generation ?? 0,
        checkpoint: record?.checkpoint?.toString() ?? null,
        caughtUp: live?.caughtUp ?? false,
        state: live?.state ?? 'stopped',
        ...(live?.error ? { error: live.error } : {}),
      };
    });
  }

  /** Resolves when every projection has applied the log up to `position`; false on timeout. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.push(waiter);
      setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          resolve(false);
        }
      }, timeoutMs).unref();
    });
  }

  /**
   * Rebuilds one projection from position 0 into a new generation while the current one serves
   * and keeps following the log; then pauses it, catches the new generation up, and swaps.
   */
  rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    return this.rebuildAll([name], onProgress);
  }

  /**
   * Rebuilds several projections (default: every one) in one pass over the log: each event is
   * read once and handed to every projection being rebuilt. Their current generations serve and
   * follow the log meanwhile; then they are paused, the new generations catch up, and all swap
   * in one transaction.
   */
  async rebuildAll(
    names: readonly string[] = this.projections.map((p) => p.name),
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<RebuildProgress> {
    const projections = names.map((name) => {
      const projection = this.projections.find((p) => p.name === name);
      if (!projection) throw new Error(`Unknown projection ${name}`);
      return projection;
    });
    const busy = names.filter((name) => this.rebuilding.has(name));
    if (busy.length > 0) throw new RebuildInProgressError(busy);
    names.forEach((name) => this.rebuilding.add(name));
    try {
      const current = projections.map((p) => this.live.get(p.name));
      for (const live of current) if (live) live.status.state = 'rebuilding';
      const result = await rebuildProjections(
        { store: this.store, db: this.db, upcasters: this.upcasters, catalog: this.catalog },
        projections,
        {
          onProgress,
          beforeSwap: async () => {
            const paused = current.filter((live): live is Live => live !== undefined);
            await Promise.all(paused.map((live) => live.stop()));
            await Promise.all(paused.map((live) => live.done));
          },
        },
      );
      projections.forEach((projection, i) => {
        if (current[i]) this.live.set(projection.name, this.follow(projection));
      });
      this.notify();
      return result;
    } finally {
      names.forEach((name) => this.rebuilding.delete(name));
    }
  }

  private follow(projection: Projection): Live {
    const record = this.catalog.get(projection.name);
    const status: ProjectionStatus = {
      name: projection.name,
      version: projection.version,
      generation: record?.generation ?? 1,
      checkpoint: record?.checkpoint?.toString() ?? null,
      caughtUp: false,
      state: 'running',
    };
    const t = tableNames(status.generation);
    let buffer: ProjectedEvent[] = [];
    let flushScheduled = false;

    const flush = (upTo?: bigint) => {
      const batch = buffer;
      buffer = [];
      const last = upTo ?? batch[batch.length - 1]?.position;
      if (last === undefined) return;
      this.db.transaction(() => {
        for (const event of batch) projection.apply(this.db, t, event);
        projection.endBatch?.(this.db, t);
        this.catalog.setCheckpoint(projection.name, last);
      });
      status.checkpoint = last.toString();
      this.notify();
    };
    // A projection that throws on an event stops (state failed, in /health and /metrics) with its
    // last batch rolled back; it never takes the process, and the other projections, down.
    const fail = (error: unknown) => {
      status.state = 'failed';
      status.error = String(error);
      this.logger.error(`${projection.name} stopped: ${String(error)}`);
    };
    const scheduleFlush = () => {
      if (flushScheduled) return;
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        if (status.state === 'failed') return;
        try {
          flush();
        } catch (error) {
          fail(error);
          void subscription.close();
        }
      });
    };

    const subscription = resumingSubscription({
      fromPosition: record?.checkpoint ?? 'start',
      open: (from) =>
        this.store.subscribeToAll({
          fromPosition: from,
          filter: { streamNamePrefixes: [...projection.streams] },
        }),
      isRetryable: (error) => error instanceof StoreUnavailableError,
      onDrop: (error) =>
        this.logger.warn(`${projection.name}: subscription dropped (${String(error)}), resuming`),
    });
    let count = 0;
    const done = (async () => {
      try {
        for await (const message of subscription) {
          if (status.state === 'failed') break;
          if (message.kind === 'event') {
            buffer.push(toProjected(message.event, this.upcasters));
            if (buffer.length >= BATCH) flush();
            else scheduleFlush();
            // Let queries run between batches of a long catch-up.
            if (++count % BATCH === 0) await nextTurn();
          } else if (message.kind === 'checkpoint') {
            flush(message.position);
          } else {
            flush(message.position ?? undefined);
            status.caughtUp = true;
          }
        }
        flush();
      } catch (error) {
        fail(error);
      }
    })();
    return {
      projection,
      status,
      stop: async () => {
        if (status.state !== 'failed') status.state = 'stopped';
        await subscription.close();
      },
      done,
    };
  }

  /** The position every projection has applied: what a read reflects. */
  position(): bigint | null {
    let least: bigint | null = null;
    for (const p of this.projections) {
      const checkpoint = this.catalog.get(p.name)?.checkpoint ?? null;
      if (checkpoint === null) return null;
      if (least === null || checkpoint < least) least = checkpoint;
    }
    return least;
  }

  private reached(position: bigint): boolean {
    return this.projections.every((p) => {
      const checkpoint = this.catalog.get(p.name)?.checkpoint;
      return checkpoint !== null && checkpoint !== undefined && checkpoint >= position;
    });
  }

  private notify(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.reached(this.waiters[i].position)) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
