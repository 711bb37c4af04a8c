import { Controller, ExecutionContext, Post } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Request } from 'express';
import { Actor } from '@src/common/actor';
import { CommandEnvelope } from '@src/ledger/command-handling/command-metadata';
import { ApiCommand } from '@src/ledger/http/api-command.decorator';
import { Envelope } from '@src/ledger/http/command-envelope';
import { EnvelopeRolesCheck } from '@src/ledger/http/envelope-roles.check';

@Controller('payments')
class WithRoles {
  @Post()
  @ApiCommand('Record a payment', ['finance', 'court_liaison'])
  record(@Envelope() envelope: CommandEnvelope) {
    return envelope;
  }
}

@Controller('forgotten')
class WithoutRoles {
  @Post()
  forgot(@Envelope() envelope: CommandEnvelope) {
    return envelope;
  }
}

/** The factory behind the route's `@Envelope()`, called as Nest calls it for a request. */
function envelopeOf(
  controller: typeof WithRoles | typeof WithoutRoles,
  method: 'record' | 'forgot',
  actor: Actor,
): CommandEnvelope {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as Record<
    string,
    { factory: (data: unknown, context: ExecutionContext) => CommandEnvelope }
  >;
  const request = { actor, method: 'POST', path: '/x', headers: {}, params: {}, body: {} };
  const context = {
    getHandler: () => (controller.prototype as unknown as Record<string, () => unknown>)[method],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request as unknown as Request }),
  } as unknown as ExecutionContext;
  return Object.values(args)[0].factory(undefined, context);
}

async function start(controller: typeof WithRoles | typeof WithoutRoles) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers: [controller],
    providers: [EnvelopeRolesCheck],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('@Envelope(): the roles come from the route', () => {
  it("acts in the first of the actor's roles that the route's @ApiCommand allows", () => {
    const actor = { id: 'f-1', agency: 'MPS', roles: ['investigator', 'finance'] } as Actor;
    expect(envelopeOf(WithRoles, 'record', actor).role).toBe('finance');
  });

  it('a route with no roles fails the call loudly, never picks a role', () => {
    const actor = { id: 'f-1', agency: 'MPS', roles: ['finance'] } as Actor;
    expect(() => envelopeOf(WithoutRoles, 'forgot', actor)).toThrow(
      'WithoutRoles.forgot takes @Envelope() but declares no roles',
    );
  });

  it('the application refuses to start with such a route', async () => {
    await expect(start(WithoutRoles)).rejects.toThrow(
      'WithoutRoles.forgot takes @Envelope() but declares no roles',
    );
  });

  it('and starts when every such route declares its roles', async () => {
    const app = await start(WithRoles);
    await app.close();
  });
});
