import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/config';
import { SubjectThrottlerGuard } from './subject-throttler.guard';

const MINUTE_MS = 60_000;

/**
 * RATE_LIMIT_PER_MINUTE requests a minute per token subject (0: none), counted in this process:
 * a 429 problem with `Retry-After` (seconds) beyond it. Import it after AuthModule so that its
 * guard runs after authentication and can key by the subject.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const limit = config.rateLimitPerMinute;
    if (limit === 0) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: MINUTE_MS, limit }],
          errorMessage: `At most ${limit} requests a minute per user; retry after the number of seconds in Retry-After`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: SubjectThrottlerGuard }],
    };
  }
}
