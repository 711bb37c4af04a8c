import { Logger } from '@nestjs/common';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { FeedMember, LiveFeed, LogSource, ProjectionStatus } from './live-feed';
import { Projection } from './projection';
import { ProjectionCatalog, tableNames } from './projection-catalog';
import { ReadModelDb } from './read-model-db';
import { rebuildProjections, RebuildProgress } from './rebuild';
import {
  ProjectionWorkerLink,
  ProjectionWorkerOptions,
  WorkerRebuildRefused,
} from './worker/projection-worker-link';

export type { ProjectionStatus } from './live-feed';

/** A rebuild asked for a projection that is being rebuilt already. */
export class RebuildInProgressError extends Error {
  constructor(readonly names: string[]) {
    super(`Already being rebuilt: ${names.join(', ')}`);
    this.name = 'RebuildInProgressError';
  }
}

export interface ProjectionRunnerOptions {
  /**
   * Keep the read models current in a worker thread (the serving process on the embedded store):
   * this thread then only installs the tables, answers queries, and relays rebuilds.
   */
  worker?: ProjectionWorkerOptions;
  /** Called after every batch the live feed commits (the worker reports from here). */
  onApplied?: () => void;
}

/**
 * Keeps each projection's tables up to date: one live feed (live-feed.ts) reads the log after the
 * projections' checkpoints and applies events in order in batches, each committed together with
 * the checkpoint it reaches (exactly-once effect: a crash loses a whole batch or none of it, and
 * the batch is applied again on restart). Rebuilds run beside it and swap generations.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private readonly feed: LiveFeed;
  /** Whether `start` has run (a rebuild then rejoins the feed after its swap). */
  private following = false;
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly catalog: ProjectionCatalog;
  /** Projections being rebuilt now (two rebuilds of one projection would write the same tables). */
  private readonly rebuilding = new Set<string>();

  private readonly worker: ProjectionWorkerLink | undefined;

  constructor(
    private readonly store: LogSource,
    private readonly db: ReadModelDb,
    private readonly upcasters: UpcasterRegistry,
    readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.catalog = new ProjectionCatalog(db);
    this.feed = new LiveFeed({
      store,
      db,
      upcasters,
      catalog: this.catalog,
      onApplied: () => {
        this.notify();
        options.onApplied?.();
      },
    });
    this.worker = options.worker && new ProjectionWorkerLink(options.worker, () => this.notify());
  }

  /**
   * Starts every projection; those whose version changed are rebuilt (together, in one pass over
   * the log) while their old tables serve.
   */
  start(): void {
    if (this.worker) {
      // The tables exist before the first query; the worker follows and rebuilds what changed.
      for (const projection of this.projections) this.catalog.install(projection);
      this.following = true;
      this.worker.start();
      return;
    }
    const changed: string[] = [];
    const members: FeedMember[] = [];
    for (const projection of this.projections) {
      const record = this.catalog.install(projection);
      members.push(this.memberFor(projection));
      if (record.version !== projection.version) {
        this.logger.warn(
          `${projection.name}: version ${record.version} → ${projection.version}, rebuilding`,
        );
        changed.push(projection.name);
      }
    }
    this.following = true;
    void this.feed.join(members);
    if (changed.length > 0) {
      void this.rebuildAll(changed).catch((error: unknown) =>
        this.logger.error(`${changed.join(', ')}: rebuild failed: ${String(error)}`),
      );
    }
  }

  async stop(): Promise<void> {
    this.following = false;
    if (this.worker) await this.worker.stop();
    else await this.feed.stop();
  }

  /** The physical table names of a projection's live generation (for queries). */
  tables(name: string): (logical: string) => string {
    const record = this.catalog.get(name);
    if (!record) throw new Error(`Unknown projection ${name}`);
    return tableNames(record.generation);
  }

  status(): ProjectionStatus[] {
    const reported = this.worker?.status();
    const failure = this.worker?.failure();
    return this.projections.map((p) => {
      const record = this.catalog.get(p.name);
      const live = reported
        ? (reported.find((s) => s.name === p.name) ??
          (failure ? { caughtUp: false, state: 'failed' as const, error: failure } : undefined))
        : this.feed.member(p.name)?.status;
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
    if (this.worker) return this.rebuildInWorker(this.worker, [...names], onProgress);
    names.forEach((name) => this.rebuilding.add(name));
    const following = this.following;
    try {
      for (const p of projections) {
        const live = this.feed.member(p.name);
        if (live && live.status.state !== 'failed') live.status.state = 'rebuilding';
      }
      const result = await rebuildProjections(
        {
          store: this.store,
          db: this.db,
          upcasters: this.upcasters,
          catalog: this.catalog,
        },
        projections,
        {
          onProgress,
          beforeSwap: () => this.feed.leave(names),
        },
      );
      if (following) await this.feed.join(projections.map((p) => this.memberFor(p)));
      this.notify();
      return result;
    } catch (error) {
      // The generations that served go on serving: back to following, whether or not they had
      // already left the feed for the swap.
      if (following) {
        for (const p of projections) {
          const live = this.feed.member(p.name);
          if (live?.status.state === 'rebuilding') live.status.state = 'running';
        }
        const left = projections.filter((p) => !this.feed.member(p.name));
        if (left.length > 0) await this.feed.join(left.map((p) => this.memberFor(p)));
      }
      throw error;
    } finally {
      names.forEach((name) => this.rebuilding.delete(name));
    }
  }

  private async rebuildInWorker(
    worker: ProjectionWorkerLink,
    names: string[],
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<RebuildProgress> {
    try {
      const result = await worker.rebuild(names, onProgress);
      this.notify();
      return result;
    } catch (error) {
      if (error instanceof WorkerRebuildRefused) throw new RebuildInProgressError(error.busy);
      throw error;
    }
  }

  /** A live member for the projection's current generation, from its checkpoint. */
  private memberFor(projection: Projection): FeedMember {
    const record = this.catalog.get(projection.name);
    const generation = record?.generation ?? 1;
    return {
      projection,
      t: tableNames(generation),
      applied: record?.checkpoint ?? null,
      pending: [],
      status: {
        name: projection.name,
        version: projection.version,
        generation,
        checkpoint: record?.checkpoint?.toString() ?? null,
        caughtUp: false,
        state: 'running',
      },
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

  private reached(position: bigint, at = this.position()): boolean {
    return at !== null && at >= position;
  }

  private notify(): void {
    if (this.waiters.length === 0) return;
    const at = this.position();
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.reached(this.waiters[i].position, at)) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
