import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { ProblemFilter } from './http/problem.filter';
import { JsonOnlyMiddleware } from './common/http/json-only.middleware';
import { APP_CONFIG, AppConfig } from './config/config';
import { EventStoreModule } from './event-store/event-store.module';
import { EventStore } from './event-store/event-store.port';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { AssetsModule } from './ledger/assets/http/assets.module';
import { CasesModule } from './ledger/cases/http/cases.module';
import { ConfiscationModule } from './ledger/confiscation/http/confiscation.module';
import { LedgerModule } from './ledger/ledger.module';
import { WorkflowsModule } from './workflows/workflows.module';
import { ProjectionsModule } from './projections/projections.module';
import { RestraintModule } from './ledger/restraint/http/restraint.module';
import { ReportsModule } from './reports/reports.module';
import { MetricsModule } from './metrics/metrics.module';
import { LoggingModule } from './logging/logging.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(
    config: AppConfig,
    store?: EventStore,
    logDestination?: DestinationStream,
  ): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggingModule.forRoot(config, logDestination),
        EventStoreModule.forRoot(config, store),
        AuthModule,
        // After AuthModule: its guard keys by the authenticated subject (guards run in order).
        RateLimitModule.forRoot(config),
        HealthModule,
        LedgerModule,
        CasesModule,
        AssetsModule,
        RestraintModule,
        ConfiscationModule,
        WorkflowsModule,
        ProjectionsModule,
        ReportsModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [APP_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonOnlyMiddleware).forRoutes('*path');
  }
}
