import { refuse } from '../../common/domain-error';
import { endOfLondonDay, londonDateOf, parseIsoDate } from '../../common/time';
import { ExtendDetentionLimit } from './asset.commands';
import { DetentionLimitExtended } from './asset.events';
import { ExistingAsset, requireStatus } from './asset.guards';
import { DetentionState } from './asset.state';
import { AssetTimeLimits, isAfter, lastDayOfPeriod, timeLimits } from './time-limits';

/** True when instant `expiresAt` is after the end of the London day `date` (its next midnight). */
function beyondEndOf(expiresAt: string, date: string): boolean {
  return isAfter(expiresAt, endOfLondonDay(date));
}

/**
 * s.295(2)(a) (and s.303L(2)(a), s.303Z32(2)(a)): an order "may not authorise the detention of any
 * of the cash beyond the end of the period of 6 months beginning with the date of the order".
 */
export function assertExtensionLength(
  orderDate: string,
  expiresAt: string,
  limits: AssetTimeLimits,
): void {
  const latest = lastDayOfPeriod(orderDate, limits.extensionMaxMonths);
  if (beyondEndOf(expiresAt, latest)) {
    refuse(
      'detention_order_too_long',
      `an extension order may not authorise detention beyond ${limits.extensionMaxMonths} months beginning with the date of the order, ${orderDate} (the end of ${latest})`,
      'expiresAt',
      { latest, orderDate },
    );
  }
}

/** The last day any further order may reach, and why. */
export interface DetentionLimit {
  /** The last lawful day (London): detention may be authorised to its end, not beyond. */
  lastDay: string;
  firstOrderDate: string;
  /** `s.303Z32(4)` when a court extended the 2 years for cryptoassets; else the 2 years of (2)(b). */
  extendedBy?: { section: 's.303Z32(4)'; orderDate: string; orderRef?: string };
}

/**
 * s.295(2)(b) (and s.303L(2)(b), s.303Z32(2)(b)): no further order "beyond the end of the period
 * of 2 years beginning with the date of the first order", for cryptoassets "subject to subsection
 * (4)": "The court or sheriff may make an order for the period of 2 years in subsection (2)(b) to
 * be extended to a period of up to 3 years beginning with the date of the first order." Only a
 * recorded s.303Z32(4) order lengthens it. Undefined before the first order.
 */
export function detentionLimit(
  detention: DetentionState | undefined,
  limits: AssetTimeLimits = timeLimits,
): DetentionLimit | undefined {
  const firstOrderDate = detention?.firstOrderDate;
  if (!firstOrderDate) return undefined;
  const extension = detention.limitExtension;
  if (extension) {
    return {
      lastDay: extension.extendedTo,
      firstOrderDate,
      extendedBy: {
        section: 's.303Z32(4)',
        orderDate: extension.orderDate,
        ...(extension.orderRef !== undefined && { orderRef: extension.orderRef }),
      },
    };
  }
  return { lastDay: lastDayOfPeriod(firstOrderDate, limits.detentionMaxMonths), firstOrderDate };
}

/** Refuses `detention_limit_exceeded` when `expiresAt` is beyond the detention limit. */
export function assertOverallLimit(
  detention: DetentionState | undefined,
  orderDate: string,
  expiresAt: string,
  limits: AssetTimeLimits,
): void {
  const limit = detentionLimit(detention, limits) ?? {
    // This order is the first: the 2 years begin with its own date.
    lastDay: lastDayOfPeriod(orderDate, limits.detentionMaxMonths),
    firstOrderDate: orderDate,
  };
  if (beyondEndOf(expiresAt, limit.lastDay)) {
    const why = limit.extendedBy
      ? `the end of the period as extended by the ${limit.extendedBy.section} order of ${limit.extendedBy.orderDate}`
      : `the end of ${limits.detentionMaxMonths / 12} years beginning with the date of the first order, ${limit.firstOrderDate}`;
    refuse(
      'detention_limit_exceeded',
      `detention may not be authorised beyond ${limit.lastDay}: ${why}`,
      'expiresAt',
      { latest: limit.lastDay, firstOrderDate: limit.firstOrderDate },
    );
  }
}

/**
 * DetentionLimitExtended: a s.303Z32(4) order, for cryptoassets seized under s.303Z29 only
 * (`power_not_applicable`), once a first order under s.303Z32(1) exists (`invalid_state`). It
 * extends the 2 years to `extendedTo` (by default the whole 3 years beginning with the date of the
 * first order): later than the limit in force (`invalid_date`), and not beyond 3 years
 * (`detention_limit_exceeded`).
 */
export function decideDetentionLimitExtension(
  command: ExtendDetentionLimit,
  asset: ExistingAsset,
  at: string,
): DetentionLimitExtended[] {
  const d = command.data;
  if (asset.power !== 'POCA_S303Z29_CRYPTO') {
    refuse(
      'power_not_applicable',
      `only cryptoassets seized under s.303Z29 have a s.303Z32(4) order; this asset is held under ${asset.power}`,
      undefined,
      { power: asset.power },
    );
  }
  requireStatus(
    asset,
    ['detained', 'notice_given', 'forfeiture_applied'],
    'extend the detention limit',
  );
  const limits = timeLimits;
  const current = detentionLimit(asset.detention, limits);
  if (!current) {
    refuse(
      'invalid_state',
      's.303Z32(4) extends the 2 years that begin with the date of the first order: record the first order under s.303Z32(1) first',
    );
  }
  const latest = lastDayOfPeriod(current.firstOrderDate, limits.cryptoExtendedMaxMonths);
  const extendedTo = d.extendedTo === undefined ? latest : parseIsoDate(d.extendedTo, 'extendedTo');
  if (extendedTo <= current.lastDay) {
    refuse(
      'invalid_date',
      `the detention limit already runs to ${current.lastDay}: an extension must go beyond it`,
      'extendedTo',
      { current: current.lastDay },
    );
  }
  if (extendedTo > latest) {
    refuse(
      'detention_limit_exceeded',
      `s.303Z32(4) extends the limit "to a period of up to ${limits.cryptoExtendedMaxMonths / 12} years beginning with the date of the first order", ${current.firstOrderDate}: at most ${latest}`,
      'extendedTo',
      { latest, firstOrderDate: current.firstOrderDate },
    );
  }
  return [
    {
      type: 'DetentionLimitExtended',
      data: {
        section: 's.303Z32(4)',
        court: d.court,
        ...(d.orderRef !== undefined && { orderRef: d.orderRef }),
        orderDate: londonDateOf(at),
        firstOrderDate: current.firstOrderDate,
        extendedTo,
        occurredAt: at,
      },
    },
  ];
}
