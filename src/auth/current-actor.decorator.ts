import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '../common/actor';

/** `@CurrentActor() actor: Actor`: who the verified token says is calling. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<Request>().actor;
  // The AuthGuard runs before any route's parameters are built: no actor is a wiring fault.
  if (!actor) throw new Error('No authenticated actor on this route');
  return actor;
});
