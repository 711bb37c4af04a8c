import type { NextFunction, Request, Response } from 'express';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';

/** The Express middleware that names each request and writes its line (HTTP_LOGGER). */
export type RequestLogging = (request: Request, response: Response, next: NextFunction) => void;

/** 5xx: error; refusals worth watching (401, 403, 429): warn; everything else: info. */
export type RequestLevel = 'error' | 'warn' | 'info';

export interface RequestLoggingOptions {
  level(response: Response, error?: Error): RequestLevel;
  message(request: Request, response: Response): string;
  line(request: Request, response: Response, durationMs: number): object;
}

/**
 * What pino-http did for the ledger, without its per-request work that nothing used: the request
 * id (`req.id`, echoed in `X-Request-Id`), the request's logger (`req.log`, bound by nestjs-pino's
 * store to every line logged while handling the request) and one line when the response finishes
 * or the connection closes first. pino-http made two child loggers for every request, one of
 * them serialising the whole request (headers through the redaction paths) only to be thrown
 * away (quietReqLogger, quietResLogger). Here the request's logger is made when something first
 * logs on it (an error, a `new Logger(...)` line), and the request line, like pino-http's, is
 * written with `reqId` as the first field after pino's own: the same JSON.
 */
export function requestLogging(root: Logger, options: RequestLoggingOptions): RequestLogging {
  return (request, response, next) => {
    const reqId = requestIdFor(request.headers['x-request-id']);
    response.setHeader(REQUEST_ID_HEADER, reqId);
    const started = Date.now();
    const bound = new RequestLogger(root, reqId);
    Object.defineProperty(request, 'id', { value: reqId, writable: true, configurable: true });
    Object.defineProperty(request, 'log', {
      get: () => bound.logger,
      set: (logger: Logger) => (bound.logger = logger),
      configurable: true,
    });
    const done = (error?: Error) => {
      response.removeListener('finish', done);
      response.removeListener('close', done);
      response.removeListener('error', done);
      const level = options.level(response, error);
      if (!root.isLevelEnabled(level)) return;
      const line = options.line(request, response, Date.now() - started);
      root[level]({ reqId, ...line }, options.message(request, response));
    };
    response.on('finish', done);
    response.on('close', done);
    response.on('error', done);
    storage.run(bound, next);
  };
}

/**
 * nestjs-pino's store for one request (its Logger and PinoLogger log on `store.logger`, and
 * `PinoLogger.assign` replaces it): the child logger with the request id, made on first use.
 */
class RequestLogger implements Store {
  private child?: Logger;
  readonly responseLogger = undefined;

  constructor(
    private readonly root: Logger,
    private readonly reqId: string,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child({ reqId: this.reqId }));
  }

  set logger(logger: Logger) {
    this.child = logger;
  }
}
