import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../config/config';
import { AuditInterceptor } from './audit.interceptor';
import {
  AUDIT_LOGGER,
  createAuditLogger,
  createHttpLogger,
  createRootLogger,
  HTTP_LOGGER,
  LOG_DESTINATION,
  ROOT_LOGGER,
} from './loggers';

/**
 * Structured logging with pino. One root logger per application; the request-logging middleware
 * (mounted first of all by configureApp, so even a body the parser refuses has a request id and
 * a line) names each request and binds that request's logger, in nestjs-pino's store, to
 * everything logged while handling it; nestjs-pino's LoggerModule gives Nest a LoggerService
 * (`app.useLogger(app.get(Logger))` in createApp) so `new Logger(...)` lines go through pino.
 * Its own middleware is not mounted (no routes): ours already binds the store, and would only be
 * asked for the request's logger early, for nothing.
 */
@Global()
@Module({})
export class LoggingModule {
  /** `destination`, or a LOG_DESTINATION provided by a global module, replaces stdout. */
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ROOT_LOGGER],
          useFactory: (root: Logger) => ({
            pinoHttp: { logger: root },
            useExisting: true,
            forRoutes: [],
          }),
        }),
      ],
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [{ token: LOG_DESTINATION, optional: true }],
          useFactory: (provided?: DestinationStream) =>
            createRootLogger(config, destination ?? provided),
        },
        {
          provide: AUDIT_LOGGER,
          inject: [ROOT_LOGGER],
          useFactory: (root: Logger) => createAuditLogger(root, config),
        },
        { provide: HTTP_LOGGER, inject: [ROOT_LOGGER], useFactory: createHttpLogger },
        AuditInterceptor,
      ],
      exports: [ROOT_LOGGER, AUDIT_LOGGER, HTTP_LOGGER, AuditInterceptor],
    };
  }
}
