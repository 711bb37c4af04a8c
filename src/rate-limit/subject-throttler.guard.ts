import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * @nestjs/throttler's guard keyed by the token's subject: each subject has its own budget of
 * requests a minute across all routes, whatever address it calls from. It must run after the
 * AuthGuard (RateLimitModule is imported after AuthModule, and global guards run in the order
 * they are registered). Routes without an authenticated actor (`GET /health`) are not limited.
 */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    return Promise.resolve(context.switchToHttp().getRequest<Request>().actor === undefined);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = (request as unknown as Request).actor;
    return Promise.resolve(`sub:${actor?.id ?? 'unknown'}`);
  }

  /** One budget per subject for the whole API, not one per route. */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    throttler: string,
  ): string {
    return `${throttler}:${tracker}`;
  }
}
