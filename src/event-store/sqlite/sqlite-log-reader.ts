import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import {
  ReadAllOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { EVENTS_FILE } from './sqlite-schema';
import { SqliteReader } from './sqlite-reader';
import { sqliteSubscription } from './sqlite-subscription';

/**
 * The log of an embedded store as read: reads and live subscriptions on a read-only connection of
 * its own, no lock, no writes. The store reads through one (`SqliteEventStore`), and so does the
 * projection worker from its own thread. Whoever writes says when it has committed
 * (`appended()`); a subscription also looks every `pollIntervalMs` (appends of another process).
 */
export class SqliteLogReader {
  readonly reader: SqliteReader;
  private readonly notifier = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    dataDir: string,
    private readonly pollIntervalMs = 1_000,
  ) {
    this.reader = new SqliteReader(join(dataDir, EVENTS_FILE));
    this.notifier.setMaxListeners(0);
  }

  /** The writer committed: live subscriptions read on. */
  appended(): void {
    this.notifier.emit('appended');
  }

  /** Calls `listener` after every commit it is told of; returns how to stop. */
  onAppended(listener: () => void): () => void {
    this.notifier.on('appended', listener);
    return () => this.notifier.off('appended', listener);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readAll(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = sqliteSubscription({
      reader: this.reader,
      notifier: this.notifier,
      pollIntervalMs: this.pollIntervalMs,
      fromPosition: options.fromPosition ?? 'start',
      filter: options.filter,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.reader.close();
  }
}
