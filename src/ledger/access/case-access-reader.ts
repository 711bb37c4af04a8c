import { AccessScope, readScopeOf, scopeAllows, writeScopeOf } from '../../auth/access-scope';
import { EventStore } from '../../event-store/event-store.port';
import { caseAggregate } from '../cases/case.aggregate';
import { CaseState } from '../cases/case.decider';
import { CommandHandler, CommandHandlerOptions } from '../command-handling/command-handler';
import { Actor } from '../../common/actor';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** A case as scope checks see it: whether it exists, who leads it, who it is shared with. */
export interface CaseAccessFacts {
  exists: boolean;
  leadAgency?: string;
  sharedWith: readonly string[];
}

/** The current state of a case (empty when there is none). */
export type CaseLoader = (caseId: string) => Promise<CaseState>;

/**
 * Agency scope for single resources, read from the case's own stream (not a read model), so a
 * share or a revocation holds from the next request on. Out of scope reads as "no such thing":
 * callers answer exactly as for a case, asset or order that does not exist.
 */
export class CaseAccessReader {
  constructor(private readonly loadCase: CaseLoader) {}

  /** Cases loaded the way commands load them (the handler's snapshots, read on to the end). */
  static over(handler: CommandHandler): CaseAccessReader {
    return new CaseAccessReader(
      async (caseId) => (await handler.loadState(caseAggregate, caseId)).state,
    );
  }

  async facts(caseId: string): Promise<CaseAccessFacts> {
    const state = await this.loadCase(caseId);
    return { exists: state.exists, leadAgency: state.leadAgency, sharedWith: state.sharedWith };
  }

  async canRead(actor: Actor, caseId: string | undefined): Promise<boolean> {
    return this.allows(readScopeOf(actor), caseId);
  }

  async canWrite(actor: Actor, caseId: string | undefined): Promise<boolean> {
    return this.allows(writeScopeOf(actor), caseId);
  }

  private async allows(scope: AccessScope, caseId: string | undefined): Promise<boolean> {
    if (scope.all) return true;
    if (caseId === undefined) return false;
    const facts = await this.facts(caseId);
    return facts.exists && scopeAllows(scope, facts);
  }
}

/**
 * Confidential intelligence sources are for the lead agency's investigators and supervisors
 * only (docs/api.md); everyone else, auditors included, reads `[protected]`.
 */
export function maySeeConfidentialSources(actor: Actor, facts: CaseAccessFacts): boolean {
  return (
    facts.leadAgency === actor.agency &&
    actor.roles.some((role) => role === 'investigator' || role === 'supervisor')
  );
}

/** A command handler whose commands on existing streams are limited to the actor's agency scope. */
export function scopedCommandHandler(
  store: EventStore,
  upcasters: UpcasterRegistry,
  options: Omit<CommandHandlerOptions, 'canWrite'> = {},
): CommandHandler {
  const handler: CommandHandler = new CommandHandler(store, upcasters, {
    ...options,
    canWrite: (actor, caseId) => access.canWrite(actor, caseId),
  });
  const access = CaseAccessReader.over(handler);
  return handler;
}
