import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig } from './config/config';
import { openEventStore } from './event-store/open-event-store';

/** `poca-ledger serve`: opens the configured store, serves the API, says where everything is. */
export async function serve(config: AppConfig): Promise<void> {
  const store = openEventStore(config, 'poca-ledger serve');
  const app = await createApp(config, { store });
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  const where =
    config.eventStore === 'sqlite'
      ? `embedded SQLite store in ${config.dataDir}`
      : `EventStoreDB at ${redact(config.eventStoreConnectionString ?? '')}`;
  new Logger('PocaLedger').log(
    [
      `POCA Ledger is serving on ${base}`,
      `  API:         ${base}/`,
      `  Swagger UI:  ${base}/docs  (OpenAPI document: ${base}/docs-json)`,
      `  Health:      ${base}/health`,
      `  Event store: ${where}`,
      `  Data dir:    ${config.dataDir}`,
    ].join('\n'),
  );
}

/** Connection strings may carry credentials (esdb://user:pass@host); never print them. */
function redact(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]+@/, '//***@');
}
