/** Child process that opens the embedded store and holds it until killed. */
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

SqliteEventStore.open({ dataDir: process.argv[2], command: 'hold-lock-child' });
process.stdout.write('holding\n');
setInterval(() => undefined, 1_000);
