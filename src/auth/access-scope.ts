import { Actor } from '../common/actor';

/**
 * What an actor may read (docs/api.md, "Roles and scope"): auditors every case; everyone else the
 * cases their agency leads or that are shared with it. Writes are always limited to the agency's
 * own and shared cases (auditors write nothing: no command route allows their role).
 */
export type AccessScope = { all: true } | { all: false; agency: string };

/** Every case: auditors, and operator tools with no actor (the CLI's reconcile, statements). */
export const EVERY_CASE: AccessScope = Object.freeze({ all: true });

/** The agencies a case is visible to: the lead agency and those it is shared with. */
export interface CaseAccess {
  leadAgency?: string;
  sharedWith: readonly string[];
}

export function readScopeOf(actor: Actor): AccessScope {
  return actor.roles.includes('auditor') ? { all: true } : { all: false, agency: actor.agency };
}

export function writeScopeOf(actor: Actor): AccessScope {
  return { all: false, agency: actor.agency };
}

/** Reactors act for the ledger itself (their actor id is `system:<reactor>`), not for an agency. */
export function isSystemActor(actor: Actor): boolean {
  return actor.id.startsWith('system:');
}

export function scopeAllows(scope: AccessScope, access: CaseAccess): boolean {
  return (
    scope.all || access.leadAgency === scope.agency || access.sharedWith.includes(scope.agency)
  );
}
