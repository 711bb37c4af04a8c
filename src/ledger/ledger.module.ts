import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CommandHandler } from './command-handling/command-handler';
import { Reservations } from './reservations/reservations';
import { ledgerUpcasters } from './upcasting/ledger-upcasters';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

/** What every slice of the ledger shares: the command handler, reservations, the upcasters. */
@Global()
@Module({
  providers: [
    { provide: UpcasterRegistry, useFactory: ledgerUpcasters },
    {
      provide: CommandHandler,
      inject: [EVENT_STORE, UpcasterRegistry],
      useFactory: (store: EventStore, upcasters: UpcasterRegistry) =>
        new CommandHandler(store, upcasters),
    },
    {
      provide: Reservations,
      inject: [EVENT_STORE, CommandHandler],
      useFactory: (store: EventStore, handler: CommandHandler) => new Reservations(store, handler),
    },
  ],
  exports: [UpcasterRegistry, CommandHandler, Reservations],
})
export class LedgerModule {}
