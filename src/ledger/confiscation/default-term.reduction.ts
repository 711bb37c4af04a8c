import Decimal from 'decimal.js';
import { Money } from '../../common/money';
import { addMonths, daysBetween } from '../../common/time';

/*
 * The default term reduced by part payment: Magistrates' Courts Act 1980 s.79(2), applied to
 * confiscation orders by POCA s.35(3) (R (Gibson) v Secretary of State for Justice [2018] UKSC 2):
 *
 *   "payment is made ... of part of the sum, the period of detention shall be reduced by such
 *   number of days as bears to the total number of days in that period less one day the same
 *   proportion as the amount so paid bears ... (b) otherwise, to so much of the sum as was due at
 *   that time."  s.79(3): "In calculating the reduction required under subsection (2) above any
 *   fraction of a day shall be left out of account."
 *
 * So: reduction = floor((termDays − 1) × paid / ordered) days; the term left = termDays − reduction.
 * The sum "due at that time" is the amount ordered (the term is imposed with the order, before any
 * interest accrues); "the amount so paid" is every receipt applied to the order, however the ledger
 * splits it between principal and interest, capped at the amount ordered. Paid in full (s.79(1):
 * "on the payment of the sum ... the order shall cease to have effect") the term left is 0 days.
 * The fraction of a day is left out of the REDUCTION, as s.79(3) says (so the term left is rounded
 * up to a whole day); "less one day" keeps at least one day until the whole sum is paid.
 */

export interface DefaultTermReduction {
  /** The date the term's days are counted from (its activation, or the "as at" date before). */
  startsOn: string;
  /** The months the term runs for (the months activated, else those the court fixed). */
  months: number;
  /** Days in the term from `startsOn` (calendar months). */
  termDays: number;
  /** s.79(2): the days taken off for the part paid. */
  reductionDays: number;
  /** termDays − reductionDays (0 once the amount ordered is paid). */
  reducedToDays: number;
  /** The payments counted (at most the amount ordered). */
  paidTowardsTerm: Money;
}

export function defaultTermReduction(input: {
  months: number;
  startsOn: string;
  ordered: Money;
  paid: Money;
}): DefaultTermReduction {
  const { months, startsOn, ordered } = input;
  const termDays = daysBetween(startsOn, addMonths(startsOn, months));
  const paid = input.paid.gt(ordered) ? ordered : input.paid;
  if (!ordered.isPositive() || paid.equals(ordered)) {
    return {
      startsOn,
      months,
      termDays,
      reductionDays: ordered.isPositive() ? termDays : 0,
      reducedToDays: ordered.isPositive() ? 0 : termDays,
      paidTowardsTerm: paid,
    };
  }
  const reductionDays = new Decimal(termDays - 1)
    .times(paid.amount)
    .div(ordered.amount)
    .floor()
    .toNumber();
  return {
    startsOn,
    months,
    termDays,
    reductionDays,
    reducedToDays: termDays - reductionDays,
    paidTowardsTerm: paid,
  };
}
