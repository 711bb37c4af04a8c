import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { rolesOf } from '../../auth/roles.decorator';
import { ProblemException } from '../../common/http/problem.exception';
import { problem } from '../../common/problem';
import { CommandEnvelope } from '../command-handling/command-metadata';
import { Role } from '../../common/actor';
import { requestHash } from '../command-handling/request-hash';

/**
 * Builds the envelope of a command from its request: ids, actor, the role acted in (the first of
 * the actor's roles that the route allows), now, If-Match, Idempotency-Key.
 */
export function envelopeFrom(request: Request, allowedRoles: readonly Role[]): CommandEnvelope {
  const actor = request.actor;
  // The AuthGuard runs before any route's parameters are built: no actor is a wiring fault.
  if (!actor) throw new Error(`No authenticated actor on ${request.method} ${request.path}`);
  // The guard let the actor through on these same roles: none of them is a wiring fault too.
  const role = actor.roles.find((r) => allowedRoles.includes(r));
  if (!role) {
    throw new Error(
      `The actor has none of the roles [${allowedRoles.join(', ')}] of ${request.method} ${request.path}`,
    );
  }
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
    role,
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

function envelopeOfRoute(_: undefined, context: ExecutionContext): CommandEnvelope {
  const roles = rolesOf(context.getHandler(), context.getClass());
  if (!roles?.length)
    throw new Error(missingRoles(context.getClass().name, context.getHandler().name));
  return envelopeFrom(context.switchToHttp().getRequest<Request>(), roles);
}

/**
 * `@Envelope() envelope: CommandEnvelope` in a command route's parameters. The role acted in is
 * chosen among the roles the route allows, read from its `@ApiCommand(summary, roles)` (that is,
 * its `@Roles`): they are named once. A route using it without roles is a programming error:
 * the app refuses to start (EnvelopeRolesCheck), and the call fails if it ever got that far.
 */
export const Envelope = createParamDecorator<undefined, CommandEnvelope>(envelopeOfRoute);

/** Whether a controller method takes an `@Envelope()` parameter. */
export function takesEnvelope(controller: object, method: string | symbol): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as
    Record<string, { factory?: unknown }> | undefined;
  return Object.values(args ?? {}).some((arg) => arg.factory === envelopeOfRoute);
}

export function missingRoles(controller: string, method: string): string {
  return `${controller}.${method} takes @Envelope() but declares no roles: give it @ApiCommand(summary, roles) (or @Roles)`;
}

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
