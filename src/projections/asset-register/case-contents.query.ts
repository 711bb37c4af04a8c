import { ProjectionRunner } from '../projection-runner';
import { ReadModelDb } from '../read-model-db';
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

/** The assets and orders of one case, from the register (in seizure / making order). */
export function caseContents(
  db: ReadModelDb,
  runner: ProjectionRunner,
  caseId: string,
): CaseContents {
  const t = runner.tables(ASSET_REGISTER);
  const assets = db.all<{
    asset_id: string;
    exhibit_ref: string;
    category: string;
    power: string;
    status: string;
    description: string;
    value_gbp: string | null;
  }>(
    `SELECT asset_id, exhibit_ref, category, power, status, description, value_gbp FROM ${t('register_assets')} WHERE case_id = ? ORDER BY asset_id`,
    caseId,
  );
  const orders = db.all<{
    order_id: string;
    kind: 'restraint' | 'confiscation';
    order_ref: string;
    court: string;
    status: string;
    made_at: string;
  }>(
    `SELECT order_id, kind, order_ref, court, status, made_at FROM ${t('register_orders')} WHERE case_id = ? ORDER BY order_id`,
    caseId,
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
