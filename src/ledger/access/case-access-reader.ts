import { AccessScope, readScopeOf, scopeAllows, writeScopeOf } from '../../auth/access-scope';
import { EventStore } from '../../event-store/event-store.port';
import { CaseEvent, caseStream } from '../cases/case.events';
import { CaseState, evolve, initialCaseState } from '../cases/case.decider';
import { Actor } from '../command-handling/command-metadata';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** A case as scope checks see it: whether it exists, who leads it, who it is shared with. */
export interface CaseAccessFacts {
  exists: boolean;
  leadAgency?: string;
  sharedWith: readonly string[];
}

/**
 * Agency scope for single resources, read from the case's own stream (not a read model), so a
 * share or a revocation holds from the next request on. Out of scope reads as "no such thing":
 * callers answer exactly as for a case, asset or order that does not exist.
 */
export class CaseAccessReader {
  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async facts(caseId: string): Promise<CaseAccessFacts> {
    let state: CaseState = initialCaseState;
    for await (const recorded of this.store.readStream(caseStream(caseId))) {
      const data = this.upcasters.upcast(
        recorded.type,
        recorded.data,
        recorded.metadata.schemaVersion,
      );
      state = evolve(state, { type: recorded.type, data } as CaseEvent);
    }
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
 * only (api.md); everyone else, auditors included, reads `[protected]`.
 */
export function maySeeConfidentialSources(actor: Actor, facts: CaseAccessFacts): boolean {
  return (
    facts.leadAgency === actor.agency &&
    actor.roles.some((role) => role === 'investigator' || role === 'supervisor')
  );
}
