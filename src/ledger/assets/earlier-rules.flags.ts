import { RuleCode } from '../../common/domain-error';
import { endOfLondonDay } from '../../common/time';
import { AssetState } from './asset.state';
import { detentionLimit } from './detention-limits.rules';
import { AssetTimeLimits, isAfter, lastDayOfPeriod, timeLimits } from './time-limits';

/**
 * Something recorded under an earlier version of the rules that today's rules would refuse. The
 * event is a fact and stays as it is; the asset view, the register and the deadline view show the
 * flag so that someone checks it with the court, instead of the ledger failing or hiding it.
 */
export interface EarlierRulesFlag {
  /** The rule code today's rules would refuse it with. */
  code: RuleCode;
  detail: string;
  /** The reference of the order or notice concerned, where it has one. */
  ref?: string;
}

/**
 * The flags of an asset, from its folded state alone:
 * - `detention_order_too_long`: an extension order whose expiry is beyond the end of 6 months
 *   beginning with its own date (orders were once measured from the expiry they extended);
 * - `detention_order_required`: a cash forfeiture notice given while no s.295(2) order was in force
 *   (notices were once accepted during the initial period);
 * - `detention_limit_exceeded`: a further order beyond the end of 2 years beginning with the date
 *   of the first order, or beyond the end a s.303Z32(4) order set (cryptoassets once had 3 years
 *   without one).
 */
export function earlierRulesFlags(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
): EarlierRulesFlag[] {
  const flags: EarlierRulesFlag[] = [];
  const notice = state.forfeiture.notice;
  if (notice?.givenWithoutOrder) {
    flags.push({
      code: 'detention_order_required',
      detail: `forfeiture notice ${notice.noticeRef} was given on ${notice.givenAt} while no s.295(2) order was in force (s.297A(1))`,
      ref: notice.noticeRef,
    });
  }
  const detention = state.detention;
  // s.47M orders (Part 2) are not measured by s.295(2).
  if (!detention || state.power === 'POCA_S47C') return flags;
  const limit = detentionLimit(detention, limits);
  for (const order of detention.extensionOrders ?? []) {
    const ref = order.orderRef === undefined ? {} : { ref: order.orderRef };
    const latest = lastDayOfPeriod(order.orderDate, limits.extensionMaxMonths);
    if (isAfter(order.expiresAt, endOfLondonDay(latest))) {
      flags.push({
        code: 'detention_order_too_long',
        detail: `the order of ${order.orderDate} authorised detention to ${order.expiresAt}, beyond the end of ${limits.extensionMaxMonths} months beginning with its date (${latest})`,
        ...ref,
      });
    }
    if (limit && isAfter(order.expiresAt, endOfLondonDay(limit.lastDay))) {
      flags.push({
        code: 'detention_limit_exceeded',
        detail: `the order of ${order.orderDate} authorised detention to ${order.expiresAt}, beyond the limit of ${limit.lastDay}${limit.extendedBy ? '' : ` (2 years beginning with the first order on ${limit.firstOrderDate}${state.category === 'cryptoasset' ? '; no s.303Z32(4) order is recorded' : ''})`}`,
        ...ref,
      });
    }
  }
  return flags;
}
