import { setImmediate as nextTurn } from 'node:timers/promises';
import { filterMatcher } from '../subscription-filter';
import { EventEmitter } from 'node:events';
import { Subscription, SubscriptionFilter, SubscriptionMessage } from '../event-store.port';
import { SqliteReader, toRecorded } from './sqlite-reader';

const PAGE_SIZE = 500;

export interface SqliteSubscriptionOptions {
  reader: SqliteReader;
  /** Emits 'appended' after each commit in this process. */
  notifier: EventEmitter;
  /** Catches appends made by another process (a read-only CLI beside a running server). */
  pollIntervalMs: number;
  fromPosition: 'start' | 'end' | bigint;
  filter?: SubscriptionFilter;
  onClose: () => void;
}

/**
 * Catch-up then live: pages through the log from the checkpoint, says `caughtUp` when a page comes
 * back short, then waits for the next commit (or the poll interval) and reads on from there.
 */
export function sqliteSubscription(options: SqliteSubscriptionOptions): Subscription {
  const { reader, notifier, pollIntervalMs, filter } = options;
  const matches = filterMatcher(filter);
  let closed = false;
  let wake: (() => void) | undefined;

  const waitForAppend = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        notifier.off('appended', done);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, pollIntervalMs);
      notifier.on('appended', done);
      wake = done;
    });

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let after: bigint | null =
      options.fromPosition === 'start'
        ? null
        : options.fromPosition === 'end'
          ? reader.headPosition()
          : options.fromPosition;
    let caughtUp = false;
    while (!closed) {
      const page = reader.rowsAfter(after ?? 0n, PAGE_SIZE);
      let skippedLast = false;
      for (const row of page) {
        after = row.position;
        // Matched on the row's stream and type: events nobody here reads are never parsed.
        skippedLast = !matches({ streamId: row.stream_id, type: row.type });
        if (!skippedLast) yield { kind: 'event', event: toRecorded(row) };
        if (closed) return;
      }
      if (skippedLast && after !== null) yield { kind: 'checkpoint', position: after };
      if (page.length === PAGE_SIZE) {
        // Pages are read synchronously: let requests and commits run between pages of a catch-up.
        await nextTurn();
      } else {
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: after };
        }
        if (closed) return;
        // A commit may have landed while the consumer held the last message: look before waiting.
        const head = reader.headPosition();
        if (head === null || (after !== null && head <= after)) await waitForAppend();
      }
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      if (closed) return;
      closed = true;
      wake?.();
      options.onClose();
      await iterator.return(undefined);
    },
  };
}
