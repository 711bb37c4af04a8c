import { AccessScope, scopeAllows } from '../../auth/access-scope';
import { LedgerSnapshot } from './reconciliation.loader';

/**
 * The ledger as `scope` may see it: only the cases led by, or shared with, its agency, and only
 * the orders and assets of those cases (docs/api.md, "Roles and scope"). Who may read a case is taken
 * from the same read of the log as everything else (exact at the snapshot's position), never from
 * a read model. Every case for an unrestricted scope (auditors; the CLI's operator tool).
 */
export function scopeLedger(ledger: LedgerSnapshot, scope: AccessScope): LedgerSnapshot {
  if (scope.all) return ledger;
  const visible = (caseId: string | undefined): boolean => {
    if (caseId === undefined) return false;
    const access = ledger.access.get(caseId);
    return access !== undefined && scopeAllows(scope, access);
  };
  return {
    cases: new Map([...ledger.cases].filter(([caseId]) => visible(caseId))),
    access: new Map([...ledger.access].filter(([caseId]) => visible(caseId))),
    orders: ledger.orders.filter((order) => {
      const made = order.events.find((e) => e.type === 'ConfiscationOrderMade');
      return made !== undefined && visible(made.data.caseId);
    }),
    assets: ledger.assets.filter((asset) => visible(asset.state.caseId)),
    position: ledger.position,
  };
}
