import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Actor, ROLES, Role } from '../command-handling/command-metadata';

export const DEVELOPMENT_ACTOR: Actor = { id: 'dev-officer', agency: 'MPS', roles: [...ROLES] };

/**
 * Until authentication lands, every request acts as a development identity, which a developer
 * may vary with X-Dev-Subject / X-Dev-Agency / X-Dev-Roles. The auth issue replaces this one
 * middleware with token verification that sets `request.actor` the same way; nothing else changes.
 */
@Injectable()
export class DevelopmentIdentityMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const roles = header('x-dev-roles')
      ?.split(',')
      .map((r) => r.trim())
      .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    request.actor = {
      id: header('x-dev-subject') ?? DEVELOPMENT_ACTOR.id,
      agency: header('x-dev-agency') ?? DEVELOPMENT_ACTOR.agency,
      roles: roles && roles.length > 0 ? roles : DEVELOPMENT_ACTOR.roles,
    };
    next();
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
