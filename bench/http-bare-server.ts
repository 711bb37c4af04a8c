/**
 * P2's ceiling: a bare NestJS endpoint `POST /assets` with the ledger's own request checks and no
 * storage. It takes the same JSON body parser (1 MB limit, depth and `__proto__` walk), the same
 * JSON-only middleware, the same ValidationPipe over the same `SeizeAssetDto`, and the same
 * AuthGuard verifying the same HS256 bearer tokens with jose, then answers a command response
 * without deciding or appending anything. No helmet, request logging, rate limit, command
 * handling, event store or projections: that is what the ratio measures.
 *
 * Started by bench/http-seize.ts as `node -r @swc-node/register bench/http-bare-server.ts` with
 * PORT and AUTH_JWT_SECRET in the environment; it prints `listening` when it is ready.
 */
import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  MiddlewareConsumer,
  Module,
  NestModule,
  Post,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { v7 as uuidv7 } from 'uuid';
import { AuthGuard } from '../src/auth/auth.guard';
import { Public } from '../src/auth/public.decorator';
import { Roles } from '../src/auth/roles.decorator';
import { TOKEN_VERIFIER, tokenVerifier } from '../src/auth/token-verifier';
import { jsonBodyParser } from '../src/common/http/json-body';
import { JsonOnlyMiddleware } from '../src/common/http/json-only.middleware';
import { ledgerValidationPipe } from '../src/common/http/validation';
import { AppConfig } from '../src/config/config';
import { SeizeAssetDto } from '../src/ledger/assets/http/asset.dto';

let position = 0;

@Controller()
class BareSeizeController {
  @Public()
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Post('assets')
  @Roles('investigator', 'supervisor')
  @HttpCode(201)
  seize(@Body() dto: SeizeAssetDto) {
    position += 2; // the real seizure appends a reservation and the asset
    return {
      id: uuidv7(),
      revision: '0',
      position: String(position),
      events: dto.exhibitRef ? ['AssetSeized'] : [],
    };
  }
}

const secret = process.env.AUTH_JWT_SECRET;
if (!secret) throw new Error('AUTH_JWT_SECRET is required');
const config = { auth: { jwtSecret: secret }, dataDir: '.' } as AppConfig;

@Module({
  controllers: [BareSeizeController],
  providers: [
    { provide: TOKEN_VERIFIER, useValue: tokenVerifier(config) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
class BareModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonOnlyMiddleware).forRoutes('*path');
  }
}

async function main() {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, {
    bodyParser: false,
    logger: false,
  });
  app.use(jsonBodyParser());
  app.useGlobalPipes(ledgerValidationPipe());
  app.disable('x-powered-by');
  // A normal exit on SIGTERM, so that `node --cpu-prof` writes its profile.
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  await app.listen(Number(process.env.PORT ?? 3981));
  console.log('listening');
}

void main();
