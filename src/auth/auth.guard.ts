import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/http/problem.exception';
import { problem } from '../common/problem';
import { Actor, Role } from '../common/actor';
import { PUBLIC_KEY } from './public.decorator';
import { rolesOf } from './roles.decorator';
import { TOKEN_VERIFIER, TokenRejectedError, TokenVerifier } from './token-verifier';

/**
 * Every route but the public ones needs `Authorization: Bearer <token>`; the verified token is
 * the actor (`request.actor`, and so the actor in event metadata). A route's `@Roles` then says
 * who may call it: 401 without a valid token, 403 with one whose roles the route does not allow.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const token = bearerToken(request);
    if (!token)
      throw unauthorized(http.getResponse<Response>(), 'Send Authorization: Bearer <token>');
    try {
      request.actor = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      throw unauthorized(
        http.getResponse<Response>(),
        `The bearer token was refused: ${error.message}`,
        'invalid_token',
      );
    }
    const allowed = rolesOf(context.getHandler(), context.getClass());
    if (allowed && !request.actor.roles.some((role) => allowed.includes(role))) {
      throw forbidden(request.actor, allowed);
    }
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function unauthorized(response: Response, detail: string, error?: string): ProblemException {
  response.setHeader(
    'WWW-Authenticate',
    error ? `Bearer realm="poca-ledger", error="${error}"` : 'Bearer realm="poca-ledger"',
  );
  return new ProblemException(problem(401, 'unauthorized', 'Authentication required', detail));
}

function forbidden(actor: Actor, allowed: readonly Role[]): ProblemException {
  return new ProblemException(
    problem(
      403,
      'forbidden',
      'Not allowed',
      `This needs one of the roles ${allowed.join(', ')}; the token has ${actor.roles.join(', ')}`,
    ),
  );
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
