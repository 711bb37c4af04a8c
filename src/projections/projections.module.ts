import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { AssetFolds } from './asset-folds';
import { AssetRegisterProjection } from './asset-register/asset-register.projection';
import { CaseAccessProjection } from './case-access/case-access.projection';
import { RegisterController } from './asset-register/register.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DeadlinesProjection } from './deadlines/deadlines.projection';
import { ProjectionRunner } from './projection-runner';
import { ProjectionsAdminController } from './projections-admin.controller';
import { READ_MODEL_DB } from './projections.tokens';
import { ReadModelDb, SqliteReadModelDb } from './read-model-db';
import { RecoveryTotalsProjection } from './recovery-totals/recovery-totals.projection';
import { TotalsController } from './recovery-totals/totals.controller';

/** Every projection; those that fold assets share one fold (asset-folds.ts). */
export function ledgerProjections() {
  const folds = new AssetFolds();
  return [
    new AssetRegisterProjection({ folds }),
    new DeadlinesProjection({ folds }),
    new RecoveryTotalsProjection({ folds }),
    new CaseAccessProjection(),
  ];
}

/** The read side: projections kept current in the serving process, and the query routes. */
@Module({
  controllers: [
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
      inject: [EVENT_STORE, READ_MODEL_DB, UpcasterRegistry],
      useFactory: (store: EventStore, db: ReadModelDb, upcasters: UpcasterRegistry) =>
        new ProjectionRunner(store, db, upcasters, ledgerProjections()),
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
