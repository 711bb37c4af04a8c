import { AppConfig } from '../config/config';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export function openEventStore(config: AppConfig, command?: string): EventStore {
  if (config.eventStore === 'eventstoredb') {
    // loadConfig guarantees the connection string when EVENT_STORE=eventstoredb.
    return EventStoreDbEventStore.fromConnectionString(config.eventStoreConnectionString as string);
  }
  return SqliteEventStore.open({ dataDir: config.dataDir, command });
}
