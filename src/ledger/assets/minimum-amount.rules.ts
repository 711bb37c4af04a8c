import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { Power } from './asset.events';

/**
 * The minimum amount (docs/domain.md, "Minimum amounts"): s.294 cash, s.303J listed assets in
 * aggregate and AFO balances need a sterling equivalent of at least this.
 */
export interface AssetThresholds {
  /** Decimal string in pounds sterling. */
  minimumGbp: string;
}

export const thresholds: AssetThresholds = { minimumGbp: '1000.00' };

export function minimumAmount(): Money {
  return Money.gbp(thresholds.minimumGbp);
}

/** Powers with a minimum amount, and what is measured against it. */
export function hasMinimum(power: Power): boolean {
  return power === 'POCA_S294_CASH' || power === 'POCA_S303J_LISTED' || power === 'POCA_S303Z1_AFO';
}

/**
 * Refuses `below_minimum_amount` when `value` (the sterling figure the power is measured by) is
 * unknown or below the minimum. `field` names where the figure came from.
 */
export function assertMinimum(
  power: Power,
  value: Money | undefined,
  minimum: Money,
  field: string,
): void {
  if (!hasMinimum(power)) return;
  const what =
    power === 'POCA_S294_CASH'
      ? 'cash seized under s.294'
      : power === 'POCA_S303J_LISTED'
        ? 'listed assets seized under s.303J (in aggregate)'
        : 'an account frozen under s.303Z1';
  if (value === undefined) {
    refuse(
      'below_minimum_amount',
      `${what} must be shown to be worth at least ${minimum.toString()}: a value is needed`,
      field,
      { minimumGbp: minimum.toJSON().amount },
    );
  }
  if (value.lt(minimum)) {
    refuse(
      'below_minimum_amount',
      `${what} must be worth at least ${minimum.toString()} (sterling equivalent ${value.toString()})`,
      field,
      { minimumGbp: minimum.toJSON().amount, valueGbp: value.toJSON().amount },
    );
  }
}
