import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuthGuard } from './auth.guard';
import { TOKEN_VERIFIER, tokenVerifier } from './token-verifier';

/** Bearer-token authentication and role checks on every route (see AuthGuard). */
@Module({
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => tokenVerifier(c),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TOKEN_VERIFIER],
})
export class AuthModule {}
