import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CommandHandler } from '../ledger/command-handling/command-handler';
import { SqliteCheckpointStore } from './checkpoint-store';
import { RealisationPaymentReactor } from './realisation-payment.reactor';
import { ReactorRunner } from './reactor-runner';
import { RestraintLinksReactor } from './restraint-links.reactor';

/** Runs the reactors in the serving process; they catch up from their checkpoints at start. */
@Module({
  providers: [
    {
      provide: SqliteCheckpointStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SqliteCheckpointStore(config.dataDir),
    },
    {
      provide: ReactorRunner,
      inject: [EVENT_STORE, SqliteCheckpointStore, CommandHandler],
      useFactory: (
        store: EventStore,
        checkpoints: SqliteCheckpointStore,
        handler: CommandHandler,
      ) =>
        new ReactorRunner(store, checkpoints, [
          new RestraintLinksReactor(handler),
          new RealisationPaymentReactor(handler),
        ]),
    },
  ],
  exports: [ReactorRunner],
})
export class WorkflowsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(ReactorRunner) private readonly runner: ReactorRunner,
    @Inject(SqliteCheckpointStore) private readonly checkpoints: SqliteCheckpointStore,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.checkpoints.close();
  }
}
