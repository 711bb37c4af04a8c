import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from '../support/temp-dir';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('sqlite', () => {
  const dir = makeTempDir();
  const store = SqliteEventStore.open({ dataDir: dir.path, pollIntervalMs: 200 });
  return Promise.resolve({
    store,
    cleanup: async () => {
      await store.close();
      dir.remove();
    },
  });
});
