import { AccessScope, EVERY_CASE } from '../../auth/access-scope';
import { caseScope } from '../case-access/case-access.scope';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb, SqlValue } from '../read-model-db';
import { ASSET_REGISTER } from './asset-register.projection';

export interface CaseContents {
  assets: {
    assetId: string;
    exhibitRef: string;
    category: string;
    power: string;
    status: string;
    description: string;
    currentValueGbp: { amount: string; currency: 'GBP' } | null;
  }[];
  orders: {
    orderId: string;
    kind: 'restraint' | 'confiscation';
    orderRef: string;
    court: string;
    status: string;
    madeAt: string;
  }[];
}

/**
 * The assets and orders of one case, from the register (in seizure / making order). The caller
 * checks that the actor may read the case (404 otherwise); `scope` (the actor's read scope) makes
 * this list empty as well for a case outside it, as a second line. Without it: every case (for
 * callers that have already checked, and for operator tools with no actor).
 */
export function caseContents(
  db: ReadModelDb,
  runner: ProjectionRunner,
  caseId: string,
  scope: AccessScope = EVERY_CASE,
): CaseContents {
  const t = runner.tables(ASSET_REGISTER);
  const scoped = caseScope(runner, scope, 'case_id');
  const and = scoped ? ` AND ${scoped.sql}` : '';
  const params: SqlValue[] = [caseId, ...(scoped?.params ?? [])];
  const assets = db.all<{
    asset_id: string;
    exhibit_ref: string;
    category: string;
    power: string;
    status: string;
    description: string;
    value_gbp: string | null;
  }>(
    `SELECT asset_id, exhibit_ref, category, power, status, description, value_gbp FROM ${t('register_assets')} WHERE case_id = ?${and} ORDER BY asset_id`,
    ...params,
  );
  const orders = db.all<{
    order_id: string;
    kind: 'restraint' | 'confiscation';
    order_ref: string;
    court: string;
    status: string;
    made_at: string;
  }>(
    `SELECT order_id, kind, order_ref, court, status, made_at FROM ${t('register_orders')} WHERE case_id = ?${and} ORDER BY order_id`,
    ...params,
  );
  return {
    assets: assets.map((a) => ({
      assetId: a.asset_id,
      exhibitRef: a.exhibit_ref,
      category: a.category,
      power: a.power,
      status: a.status,
      description: a.description,
      currentValueGbp: a.value_gbp === null ? null : { amount: a.value_gbp, currency: 'GBP' },
    })),
    orders: orders.map((o) => ({
      orderId: o.order_id,
      kind: o.kind,
      orderRef: o.order_ref,
      court: o.court,
      status: o.status,
      madeAt: o.made_at,
    })),
  };
}
