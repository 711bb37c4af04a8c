import { AssetFolds } from './asset-folds';
import { AssetRegisterProjection } from './asset-register/asset-register.projection';
import { CaseAccessProjection } from './case-access/case-access.projection';
import { DeadlinesProjection } from './deadlines/deadlines.projection';
import { Projection } from './projection';
import { RecoveryTotalsProjection } from './recovery-totals/recovery-totals.projection';

/** Every projection; those that fold assets share one fold (asset-folds.ts). */
export function ledgerProjections(): Projection[] {
  const folds = new AssetFolds();
  return [
    new AssetRegisterProjection({ folds }),
    new DeadlinesProjection({ folds }),
    new RecoveryTotalsProjection({ folds }),
    new CaseAccessProjection(),
  ];
}
