import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CommandHandler } from './command-handling/command-handler';
import { CaseAccessReader } from './access/case-access-reader';
import { Reservations } from './reservations/reservations';
import { ledgerUpcasters } from './upcasting/ledger-upcasters';
import { UpcasterRegistry } from './upcasting/upcaster-registry';

/**
 * What every slice of the ledger shares: the command handler (with agency scope on writes),
 * reservations, the upcasters, and the case access reader for scope on reads.
 */
@Global()
@Module({
  providers: [
    { provide: UpcasterRegistry, useFactory: ledgerUpcasters },
    {
      provide: CaseAccessReader,
      inject: [EVENT_STORE, UpcasterRegistry],
      useFactory: (store: EventStore, upcasters: UpcasterRegistry) =>
        new CaseAccessReader(store, upcasters),
    },
    {
      provide: CommandHandler,
      inject: [EVENT_STORE, UpcasterRegistry, CaseAccessReader],
      useFactory: (store: EventStore, upcasters: UpcasterRegistry, access: CaseAccessReader) =>
        new CommandHandler(store, upcasters, {
          canWrite: (actor, caseId) => access.canWrite(actor, caseId),
        }),
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
