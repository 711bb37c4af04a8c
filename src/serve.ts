import type { Logger } from 'pino';
import { createApp } from './app.factory';
import { AppConfig } from './config/config';
import { openEventStore } from './event-store/open-event-store';
import { developmentSecret } from './auth/development-secret';
import { ROOT_LOGGER } from './logging/loggers';

/** `poca-ledger serve`: opens the configured store, serves the API, says where everything is. */
export async function serve(config: AppConfig): Promise<void> {
  const store = openEventStore(config, 'poca-ledger serve');
  const auth = authBanner(config);
  const app = await createApp(
    { ...config, projectionsInWorker: config.eventStore === 'sqlite' },
    { store },
  );
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  const where =
    config.eventStore === 'sqlite'
      ? `embedded SQLite store in ${config.dataDir}`
      : `EventStoreDB at ${redact(config.eventStoreConnectionString ?? '')}`;
  app
    .get<Logger>(ROOT_LOGGER)
    .info(
      { context: 'PocaLedger', url: base, eventStore: config.eventStore, dataDir: config.dataDir },
      [
        `POCA Ledger is serving on ${base}`,
        `  API:         ${base}/`,
        `  Swagger UI:  ${base}/docs  (OpenAPI document: ${base}/docs-json)`,
        `  Health:      ${base}/health`,
        `  Event store: ${where}`,
        `  Data dir:    ${config.dataDir}`,
        ...auth,
      ].join('\n'),
    );
}

/** How tokens are verified, and in development how to get one. Never prints a secret. */
function authBanner(config: AppConfig): string[] {
  if (config.auth.jwksUrl)
    return [`  Auth:        bearer tokens verified against ${config.auth.jwksUrl}`];
  if (config.auth.jwtSecret) return ['  Auth:        bearer tokens (HS256, AUTH_JWT_SECRET)'];
  const dev = developmentSecret(config.dataDir);
  return [
    `  Auth:        bearer tokens (HS256, development secret ${dev.generated ? 'generated into' : 'kept in'} ${dev.path})`,
    '  Get a token: node dist/cli.js token --sub DC-4411 --agency MPS --role investigator --role supervisor',
    '               then send  Authorization: Bearer <token>',
  ];
}

/** Connection strings may carry credentials (esdb://user:pass@host); never print them. */
function redact(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]+@/, '//***@');
}
