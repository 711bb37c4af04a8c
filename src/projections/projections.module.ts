import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { CaseFileController } from './asset-register/case-file.controller';
import { RegisterController } from './asset-register/register.controller';
import { CasesModule } from '../ledger/cases/http/cases.module';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { ledgerProjections } from './ledger-projections';
import { ProjectionRunner } from './projection-runner';
import { ProjectionsAdminController } from './projections-admin.controller';
import { READ_MODEL_DB } from './projections.tokens';
import { ReadModelDb, SqliteReadModelDb } from './read-model-db';
import { TotalsController } from './recovery-totals/totals.controller';

export { ledgerProjections } from './ledger-projections';

/** The read side: projections kept current in the serving process, and the query routes. */
@Module({
  imports: [CasesModule],
  controllers: [
    CaseFileController,
    RegisterController,
    ProjectionsAdminController,
    DeadlinesController,
    TotalsController,
  ],
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SqliteReadModelDb(config.dataDir),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_DB, UpcasterRegistry, APP_CONFIG],
      useFactory: (
        store: EventStore,
        db: ReadModelDb,
        upcasters: UpcasterRegistry,
        config: AppConfig,
      ) =>
        new ProjectionRunner(store, db, upcasters, ledgerProjections(), {
          worker:
            config.projectionsInWorker && store instanceof SqliteEventStore
              ? {
                  dataDir: store.dataDir,
                  onAppended: (listener) => store.onAppended(listener),
                }
              : undefined,
        }),
    },
  ],
  exports: [ProjectionRunner, READ_MODEL_DB],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }
}
