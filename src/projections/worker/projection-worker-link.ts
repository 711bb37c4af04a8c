import { Logger } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProjectionStatus } from '../live-feed';
import type { RebuildProgress } from '../rebuild';
import { FromWorker, ProjectionWorkerData, ToWorker } from './worker-protocol';

export interface ProjectionWorkerOptions {
  dataDir: string;
  /** How often the worker's subscription looks for commits it was not told of (default 1 s). */
  pollIntervalMs?: number;
  /** Subscribes to the store's commits (SqliteEventStore.onAppended); returns how to stop. */
  onAppended: (listener: () => void) => () => void;
}

interface PendingRebuild {
  resolve: (result: RebuildProgress) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: RebuildProgress) => void;
}

/** A rebuild the worker refused because these projections are being rebuilt already. */
export class WorkerRebuildRefused extends Error {
  constructor(
    message: string,
    readonly busy: string[],
  ) {
    super(message);
  }
}

/**
 * The serving thread's end of the projection worker (projection-worker.ts): starts it, tells it of
 * every commit, keeps the statuses it reports, and carries rebuilds to it and their results back.
 */
export class ProjectionWorkerLink {
  private readonly logger = new Logger('Projections');
  private worker: Worker | undefined;
  private statuses: ProjectionStatus[] = [];
  private readonly rebuilds = new Map<number, PendingRebuild>();
  private nextId = 1;
  private stopping: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private lostReason: string | undefined;
  private readonly appendedFlag = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly options: ProjectionWorkerOptions,
    /** After each batch the worker committed: read-your-writes waiters look again. */
    private readonly onApplied: () => void,
  ) {}

  start(): void {
    const file = join(__dirname, `projection-worker${extname(__filename)}`);
    const data: ProjectionWorkerData = {
      dataDir: this.options.dataDir,
      pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
      appendedFlag: this.appendedFlag.buffer,
    };
    // Under ts-jest the sources are TypeScript: the worker compiles them with SWC as it loads.
    const execArgv = file.endsWith('.ts') ? ['-r', '@swc-node/register'] : undefined;
    const worker = new Worker(file, { workerData: data, execArgv });
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.lost(`the projection worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.stopping) this.lost(`the projection worker exited (code ${code})`);
      this.worker = undefined;
    });
    this.unsubscribe = this.options.onAppended(() => {
      if (Atomics.exchange(this.appendedFlag, 0, 1) === 0) this.send({ type: 'appended' });
    });
  }

  /** Where each projection stands, as the worker last said. */
  status(): ProjectionStatus[] {
    return this.statuses;
  }

  /** Why the worker is gone, if it died. */
  failure(): string | undefined {
    return this.lostReason;
  }

  rebuild(names: string[], onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    if (!this.worker) return Promise.reject(new Error('The projection worker is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.rebuilds.set(id, { resolve, reject, onProgress });
      this.send({ type: 'rebuild', id, names });
    });
  }

  stop(): Promise<void> {
    this.stopping ??= this.halt();
    return this.stopping;
  }

  private async halt(): Promise<void> {
    this.unsubscribe?.();
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    // What it has read is applied first; a worker that does not finish in time is ended.
    const timer = setTimeout(() => void worker.terminate(), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'status':
        this.statuses = message.statuses;
        if (message.applied) this.onApplied();
        return;
      case 'log':
        this.logger[message.level](message.message);
        return;
      case 'progress':
        this.rebuilds.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'rebuilt':
        this.settle(message.id)?.resolve(message.result);
        return;
      case 'rebuildFailed': {
        const error = message.busy
          ? new WorkerRebuildRefused(message.message, message.busy)
          : new Error(message.message);
        this.settle(message.id)?.reject(error);
        return;
      }
    }
  }

  private settle(id: number): PendingRebuild | undefined {
    const pending = this.rebuilds.get(id);
    this.rebuilds.delete(id);
    return pending;
  }

  /** The worker is gone: every projection stops following (failed), rebuilds in flight fail. */
  private lost(reason: string): void {
    this.logger.error(reason);
    this.lostReason = reason;
    this.statuses = this.statuses.map((s) => ({ ...s, state: 'failed', error: reason }));
    for (const pending of this.rebuilds.values()) pending.reject(new Error(reason));
    this.rebuilds.clear();
  }
}
