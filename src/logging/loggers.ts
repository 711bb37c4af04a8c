import type { Request, Response } from 'express';
import pino, { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../config/config';
import { prettyStream } from './pretty-stream';
import { RequestLogging, requestLogging } from './request-logging';

/** The process's pino logger: every line of the application goes through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** The audit logger: `audit: true` lines, at `info` whatever LOG_LEVEL says (but `silent`). */
export const AUDIT_LOGGER = Symbol('AUDIT_LOGGER');
/** The request-logging middleware: request ids and one line per request. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');
/** Where log lines go instead of stdout (tests provide it from a global module). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Never logged, even if some code passes them to a logger: credentials (the Authorization
 * header, cookies, tokens, secrets, passwords) and bodies. The request line is built from an
 * allow-list (see requestLine) and never contains them in the first place; this is the backstop.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'cookie',
  'token',
  'accessToken',
  'password',
  'secret',
  'body',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.accessToken',
  '*.password',
  '*.secret',
  '*.body',
];

/** JSON lines (production: to stdout as they are; otherwise a readable rendering). */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? (config.nodeEnv === 'production' ? pino.destination(1) : prettyStream()),
  );
}

/**
 * Audit lines share the application's stream (one pipeline, ordered with the request lines,
 * the same request ids) but have their own level: raising LOG_LEVEL to warn or error for quiet
 * operation must not lose the record of who read what. Only `silent` (tests) turns them off, and
 * it is refused in production.
 */
export function createAuditLogger(root: Logger, config: AppConfig): Logger {
  return root.child({ audit: true }, { level: config.logLevel === 'silent' ? 'silent' : 'info' });
}

/**
 * The request id (the caller's `X-Request-Id` if it is a safe token, else a UUID), echoed in the
 * response and bound to every line logged for the request (`reqId`), and one line per request
 * when it ends: method, route, path (never the query string), status, duration, and the actor's
 * subject and agency once authenticated. Never headers, bodies or tokens.
 */
export function createHttpLogger(root: Logger): RequestLogging {
  return requestLogging(root, {
    level: (response, error) => levelOf(response.statusCode, error),
    // One message for every request line, whatever the status (the level and status tell).
    // The error itself is logged (once, with its stack) by the ProblemFilter.
    message: completion,
    line: requestLine,
  });
}

function completion(request: Request, response: Response): string {
  return !request.readableAborted && response.writableEnded
    ? 'request completed'
    : 'request aborted';
}

/** 5xx: error; refusals worth watching (401, 403, 429): warn; everything else: info. */
function levelOf(status: number, error?: Error): 'error' | 'warn' | 'info' {
  if (error || status >= 500) return 'error';
  return status === 401 || status === 403 || status === 429 ? 'warn' : 'info';
}

export interface RequestLine {
  method: string;
  route?: string;
  path: string;
  status: number;
  durationMs: number;
  actor?: { sub: string; agency: string };
}

function requestLine(request: Request, response: Response, durationMs: number): RequestLine {
  // The matched route's pattern; a wildcard is a middleware's, seen when no route matched.
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return {
    method: request.method,
    ...(typeof route === 'string' && !route.includes('*') ? { route } : {}),
    path: pathOf(request),
    status: response.statusCode,
    durationMs,
    ...(request.actor ? { actor: { sub: request.actor.id, agency: request.actor.agency } } : {}),
  };
}

/** The path without the query string (queries can carry data), at most 200 characters. */
export function pathOf(request: Request): string {
  const url = request.originalUrl ?? request.url ?? '';
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).slice(0, 200);
}
