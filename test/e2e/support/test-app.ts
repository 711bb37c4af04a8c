import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../../src/app.module';
import { configureApp } from '../../../src/app.factory';
import { loadConfig } from '../../../src/config/config';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from '../../support/temp-dir';

export interface TestApp {
  app: NestExpressApplication;
  store: SqliteEventStore;
  close: () => Promise<void>;
}

/** The real application on the real embedded store, in a temporary data directory. */
export async function startTestApp(extraModules: Type[] = []): Promise<TestApp> {
  const dir = makeTempDir('poca-e2e-');
  const config = loadConfig({ LEDGER_DATA_DIR: dir.path, NODE_ENV: 'test' });
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
    close: async () => {
      await app.close();
      dir.remove();
    },
  };
}
