import type { ProjectionStatus } from '../live-feed';
import type { RebuildProgress } from '../rebuild';

/** What the serving thread gives the projection worker when it starts it. */
export interface ProjectionWorkerData {
  dataDir: string;
  pollIntervalMs: number;
  /**
   * One Int32, 1 while an `appended` message is on its way: the serving thread posts one only when
   * none is, and the worker clears it before it reads on, so commits never go unseen and a burst
   * of them costs one message.
   */
  appendedFlag: SharedArrayBuffer;
}

/** Serving thread → projection worker. */
export type ToWorker =
  { type: 'appended' } | { type: 'rebuild'; id: number; names: string[] } | { type: 'stop' };

/** Projection worker → serving thread. */
export type FromWorker =
  /** A batch was committed (or a projection changed state): where every projection stands. */
  | { type: 'status'; statuses: ProjectionStatus[]; applied: boolean }
  | { type: 'log'; level: 'log' | 'error' | 'warn' | 'debug' | 'verbose'; message: string }
  | { type: 'progress'; id: number; progress: RebuildProgress }
  | { type: 'rebuilt'; id: number; result: RebuildProgress }
  | { type: 'rebuildFailed'; id: number; message: string; busy?: string[] };
