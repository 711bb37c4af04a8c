import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '@src/app.module';
import { configureApp } from '@src/app.factory';
import { AppConfig, loadConfig } from '@src/config/config';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from '../../support/temp-dir';
import { bearer, TEST_JWT_SECRET, TestIdentity } from '../../support/tokens';

export interface TestApp {
  app: NestExpressApplication;
  store: SqliteEventStore;
  /** Requests as an identity: by default the MPS officer of tests/support/tokens.ts. */
  http: (identity?: Partial<TestIdentity>) => ReturnType<typeof request.agent>;
  close: () => Promise<void>;
}

/** The real application on the real embedded store, in a temporary data directory. */
export async function startTestApp(
  extraModules: Type[] = [],
  env: Record<string, string> = {},
  options: Pick<AppConfig, 'projectionsInWorker'> = {},
): Promise<TestApp> {
  const dir = makeTempDir('poca-e2e-');
  const config = loadConfig({
    LEDGER_DATA_DIR: dir.path,
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    // Quiet, and not throttled: suites about logging or rate limits set their own.
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  Object.assign(config, options);
  const store = SqliteEventStore.open({ dataDir: dir.path });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, store), ...extraModules],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.init();
  return {
    app,
    store,
    http: (identity = {}) => request.agent(app.getHttpServer()).set(bearer(identity)),
    close: async () => {
      await app.close();
      dir.remove();
    },
  };
}
