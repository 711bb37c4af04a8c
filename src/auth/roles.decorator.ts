import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProblem } from '../common/http/api-problem.decorator';
import { Role } from '../common/actor';

export const ROLES_KEY = 'poca:roles';

/**
 * The roles that may call a route (docs/api.md, "Roles and scope"), declared where the route is and
 * enforced by the AuthGuard. A route without it is open to every role (the queries). It also
 * documents the guard's 403 in OpenAPI, so the document cannot disagree with the check.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiProblem(403, `forbidden: the token has none of the roles ${roles.join(', ')}`),
  );

const reflector = new Reflector();

/**
 * The roles a route allows: its handler's `@Roles`, else its controller's; undefined when neither
 * says (open to every role). What the AuthGuard enforces and `@Envelope()` picks the role from.
 */
export function rolesOf(
  handler: RouteTarget,
  controller: RouteTarget,
): readonly Role[] | undefined {
  return reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]);
}

/** A route's handler or its controller class, as ExecutionContext gives them. */
type RouteTarget = Parameters<Reflector['getAllAndOverride']>[1][number];
