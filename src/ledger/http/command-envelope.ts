import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { ProblemException } from '../../common/http/problem.exception';
import { problem } from '../../common/problem';
import { CommandEnvelope, Role } from '../command-handling/command-metadata';
import { requestHash } from '../command-handling/request-hash';

/** Builds the envelope of a command from its request: ids, actor, now, If-Match, Idempotency-Key. */
export function envelopeFrom(
  request: Request,
  allowedRoles: readonly Role[] = [],
): CommandEnvelope {
  const actor = request.actor;
  // The AuthGuard runs before any route's parameters are built: no actor is a wiring fault.
  if (!actor) throw new Error(`No authenticated actor on ${request.method} ${request.path}`);
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !isUuid(key)) {
    throw badHeader('Idempotency-Key', 'must be a UUID');
  }
  const correlationId = header(request, 'x-correlation-id');
  if (correlationId !== undefined && !/^[\w.:-]{1,100}$/.test(correlationId)) {
    throw badHeader('X-Correlation-Id', 'must be 1 to 100 letters, digits, or . : _ -');
  }
  const commandId = key?.toLowerCase() ?? uuidv7();
  const route = `${request.baseUrl}${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
  return {
    commandId,
    correlationId: correlationId ?? commandId,
    causationId: commandId,
    actor,
    role: actor.roles.find((r) => allowedRoles.includes(r)) ?? actor.roles[0],
    now: new Date().toISOString(),
    expectedRevision: ifMatch(request),
    idempotency: key
      ? {
          key: commandId,
          requestHash: requestHash(
            request.method,
            `${route} ${JSON.stringify(request.params)}`,
            request.body,
          ),
        }
      : undefined,
  };
}

/** `@Envelope()` in a command route's parameters. */
export const Envelope = createParamDecorator(
  (roles: Role[] | undefined, context: ExecutionContext) =>
    envelopeFrom(context.switchToHttp().getRequest<Request>(), roles ?? []),
);

function ifMatch(request: Request): bigint | undefined {
  const value = header(request, 'if-match');
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,19})"?$/.exec(value);
  if (!match) throw badHeader('If-Match', 'must be a revision as returned in ETag, e.g. "3"');
  return BigInt(match[1]);
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function badHeader(name: string, message: string): ProblemException {
  return new ProblemException({
    ...problem(400, 'validation_failed', 'The request is not valid', `${name} ${message}`),
    errors: [{ path: `header:${name}`, message }],
  });
}
