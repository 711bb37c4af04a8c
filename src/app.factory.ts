import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { BEARER_SCHEME } from './auth/api-authenticated.decorator';
import { jsonBodyParser } from './common/http/json-body';
import { ledgerValidationPipe } from './common/http/validation';
import { AppConfig } from './config/config';
import { EventStore } from './event-store/event-store.port';
import { HTTP_LOGGER } from './logging/loggers';
import type { RequestLogging } from './logging/request-logging';

export interface CreateAppOptions {
  /** A store opened by the caller; by default the one EVENT_STORE names. */
  store?: EventStore;
  /** Nest's own messages; by default they go through the application's pino logger. */
  logger?: LoggerService | false;
  /** Where the pino lines go; by default stdout (JSON in production, readable otherwise). */
  logDestination?: DestinationStream;
}

const apiHelmet = helmet();
const swaggerHelmet = helmet({
  contentSecurityPolicy: {
    directives: {
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  },
});

/** The HTTP application as the server runs it. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const throughPino = options.logger === undefined;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.store, options.logDestination),
    {
      bodyParser: false,
      abortOnError: false,
      // Start-up messages wait for the pino logger rather than going to the console.
      ...(throughPino ? { bufferLogs: true } : { logger: options.logger }),
    },
  );
  if (throughPino) {
    app.useLogger(app.get(PinoNestLogger));
    app.flushLogs(); // what was buffered so far; from here on straight to pino
  }
  return configureApp(app);
}

/** Body limit, validation, JSON of bigints, OpenAPI: shared by the server and the e2e tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // First of all: the request id and the request's log line, whatever happens next.
  app.use(app.get<RequestLogging>(HTTP_LOGGER));
  // Security headers. The Swagger UI at /docs needs inline scripts and styles, so the content
  // security policy allows them for that page only; the API itself serves JSON, PDF and CSV.
  app.use((request: { path: string }, response: unknown, next: () => void) =>
    (request.path.startsWith('/docs') ? swaggerHelmet : apiHelmet)(
      request as never,
      response as never,
      next,
    ),
  );
  app.use(jsonBodyParser());
  app.useGlobalPipes(ledgerValidationPipe());
  app.disable('x-powered-by');
  app.set('json replacer', (_key: string, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('POCA Ledger')
      .setDescription('Event-sourced ledger for asset seizure and Proceeds of Crime Act recovery')
      .setVersion('0.1.0')
      // package.json says UNLICENSED: proprietary, no licence is granted to anyone. OpenAPI 3.0
      // wants a URL with the name; this one is npm's definition of that declaration.
      .setLicense(
        'Proprietary (UNLICENSED): no licence granted',
        'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license',
      )
      // Relative: the API is served by whichever host serves this document, with no path prefix.
      .addServer('/', 'The server that serves this document')
      // Every route needs `Authorization: Bearer <token>` (the global AuthGuard) but the
      // @Public() ones, which say so with an empty requirement of their own.
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT with `sub`, `agency`, `roles` and `exp`: HS256 with AUTH_JWT_SECRET (`poca-ledger token` signs one), or RS256/ES256 from the AUTH_JWKS_URL identity provider',
        },
        BEARER_SCHEME,
      )
      .addSecurityRequirements(BEARER_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
