import { Logger, LoggerService } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteLogReader } from '../../event-store/sqlite/sqlite-log-reader';
import { ledgerUpcasters } from '../../ledger/upcasting/ledger-upcasters';
import { ledgerProjections } from '../ledger-projections';
import { ProjectionRunner, RebuildInProgressError } from '../projection-runner';
import { SqliteReadModelDb } from '../read-model-db';
import { FromWorker, ProjectionWorkerData, ToWorker } from './worker-protocol';

/**
 * The projection worker: a thread of the serving process that keeps the read models current, so
 * the thread answering requests does not spend its time on them (P2). It reads the log on a
 * read-only connection of its own, writes the read models on another, and tells the serving
 * thread after every batch where each projection stands; the serving thread queries the same
 * read-model file (WAL: readers never wait for the writer).
 */
const port = parentPort;
if (!port) throw new Error('projection-worker runs as a worker thread');
const { dataDir, pollIntervalMs, appendedFlag } = workerData as ProjectionWorkerData;
const appended = new Int32Array(appendedFlag);
const post = (message: FromWorker) => port.postMessage(message);

// Nest's loggers here (all of context Projections) go to the serving thread's logger.
const forward = (level: Extract<FromWorker, { type: 'log' }>['level']) => (message: unknown) =>
  post({ type: 'log', level, message: String(message) });
const forwarding: LoggerService = {
  log: forward('log'),
  error: forward('error'),
  warn: forward('warn'),
  debug: forward('debug'),
  verbose: forward('verbose'),
};
Logger.overrideLogger(forwarding);

const log = new SqliteLogReader(dataDir, pollIntervalMs);
const db = new SqliteReadModelDb(dataDir);
let lastStatus = '';
const report = (applied: boolean) => {
  const statuses = runner.status();
  const text = JSON.stringify(statuses);
  if (!applied && text === lastStatus) return;
  lastStatus = text;
  post({ type: 'status', statuses, applied });
};
const runner = new ProjectionRunner(log, db, ledgerUpcasters(), ledgerProjections(), {
  onApplied: () => report(true),
});
// States that change between batches (caught up, failed, rebuilding) reach /health too.
const watch = setInterval(() => report(false), 250);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'appended':
      // Cleared before reading on: a commit after this point sends another message.
      Atomics.store(appended, 0, 0);
      log.appended();
      return;
    case 'rebuild':
      runner
        .rebuildAll(message.names, (progress) =>
          post({ type: 'progress', id: message.id, progress }),
        )
        .then(
          (result) => post({ type: 'rebuilt', id: message.id, result }),
          (error: unknown) =>
            post({
              type: 'rebuildFailed',
              id: message.id,
              message: String(error instanceof Error ? error.message : error),
              ...(error instanceof RebuildInProgressError ? { busy: error.names } : {}),
            }),
        );
      return;
    case 'stop':
      clearInterval(watch);
      void runner
        .stop()
        .then(() => log.close())
        .finally(() => {
          // Closing the port lets the thread end: the serving thread waits for its exit.
          db.close();
          port.close();
        });
      return;
  }
});

runner.start();
report(false);
