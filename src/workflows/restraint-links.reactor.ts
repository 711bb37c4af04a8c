import { RecordedEvent } from '../event-store/event-store.port';
import { CommandHandler } from '../ledger/command-handling/command-handler';
import { RESTRAINT_LINKS, RestraintLinks } from '../ledger/restraint/http/restraint-links';
import { Reactor } from './reactor';

/**
 * The restraint links from the log: the restraint commands write them before they answer, and
 * this workflow completes any that a crash between the order and its links left unwritten (the
 * same commands, so a link already written is answered from its record and writes nothing).
 */
export class RestraintLinksReactor implements Reactor {
  readonly name = RESTRAINT_LINKS;
  readonly filter = { streamNamePrefixes: ['restraint-'] };
  private readonly links: RestraintLinks;

  constructor(handler: CommandHandler) {
    this.links = new RestraintLinks(handler);
  }

  handle(event: RecordedEvent): Promise<void> {
    return this.links.follow(event);
  }
}
