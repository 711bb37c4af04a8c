import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CommandHandler } from './command-handling/command-handler';
import { CaseAccessReader, scopedCommandHandler } from './access/case-access-reader';
import { Reservations } from './reservations/reservations';
import { ledgerUpcasters } from './upcasting/ledger-upcasters';
import { EnvelopeRolesCheck } from './http/envelope-roles.check';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

/**
 * What every slice of the ledger shares: the command handler (with agency scope on writes),
 * reservations, the upcasters, and the case access reader for scope on reads; and the start-up
 * check that every command route taking an `@Envelope()` declares its roles.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    EnvelopeRolesCheck,
    { provide: UpcasterRegistry, useFactory: ledgerUpcasters },
    {
      provide: CommandHandler,
      inject: [EVENT_STORE, UpcasterRegistry],
      useFactory: (store: EventStore, upcasters: UpcasterRegistry) =>
        scopedCommandHandler(store, upcasters),
    },
    {
      provide: CaseAccessReader,
      inject: [CommandHandler],
      useFactory: (handler: CommandHandler) => CaseAccessReader.over(handler),
    },
    {
      provide: Reservations,
      inject: [EVENT_STORE, CommandHandler],
      useFactory: (store: EventStore, handler: CommandHandler) => new Reservations(store, handler),
    },
  ],
  exports: [UpcasterRegistry, CommandHandler, Reservations, CaseAccessReader],
})
export class LedgerModule {}
