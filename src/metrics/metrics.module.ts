import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { ProjectionsModule } from '../projections/projections.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ReactorRunner } from '../workflows/reactor-runner';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsMiddleware } from './metrics.middleware';

/** `GET /metrics` (Prometheus, behind a bearer token like every route but /health). */
@Module({
  imports: [ProjectionsModule, WorkflowsModule],
  controllers: [MetricsController],
  providers: [
    {
      provide: LedgerMetrics,
      inject: [EVENT_STORE, ProjectionRunner, ReactorRunner],
      useFactory: (store: EventStore, projections: ProjectionRunner, reactors: ReactorRunner) =>
        new LedgerMetrics(store, projections, reactors),
    },
  ],
  exports: [LedgerMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes('*path');
  }
}
