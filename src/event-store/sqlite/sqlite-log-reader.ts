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
 * The log of an embedded store read from another thread (the projection worker): reads and
 * subscriptions on a read-only connection of its own, no lock, no writes. The writing thread says
 * when it has committed (`appended()`); a subscription also looks every `pollIntervalMs`.
 */
export class SqliteLogReader {
  private readonly reader: SqliteReader;
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
