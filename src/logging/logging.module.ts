import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
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
 * Structured logging with pino. One root logger per application; the pino-http middleware
 * (mounted first of all by configureApp, so even a body the parser refuses has a request id and
 * a line) names each request; nestjs-pino's LoggerModule, on the existing middleware, binds that
 * request's logger to everything logged while handling it and gives Nest a LoggerService
 * (`app.useLogger(app.get(Logger))` in createApp) so `new Logger(...)` lines go through pino.
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
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
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
