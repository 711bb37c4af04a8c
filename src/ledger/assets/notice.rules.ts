import { refuse } from '../../common/domain-error';
import {
  addDays,
  cashDetentionExpiry,
  compareInstants,
  epochMsToIso,
  ENGLAND_AND_WALES,
  instantToEpochMs,
  isCountedDay,
  londonDateOf,
  londonMidnight,
  MS_PER_HOUR,
  WorkingCalendar,
} from '../../common/time';
import { NoticeMethod } from './asset.events';
import { ExistingAsset } from './asset.guards';
import { AssetState } from './asset.state';
import { AssetTimeLimits, timeLimits } from './time-limits';

/** How the notice regulations treat a notice as given (docs/domain.md, "Forfeiture notices"). */
export interface NoticeServiceRules {
  /** reg. 5(4)-(5) (account notices, SI 2017/1223): sent at or before this London time, given that day. */
  electronicCutOffHours: number;
  /** "the time at which the notice would be delivered in the ordinary course of post": business days after posting (verify). */
  postBusinessDays: number;
}

export const noticeServiceRules: NoticeServiceRules = {
  electronicCutOffHours: 16.5,
  postBusinessDays: 2,
};

function londonHourOf(instant: string): number {
  const ms = instantToEpochMs(instant) as number;
  const midnight = instantToEpochMs(londonMidnight(londonDateOf(instant))) as number;
  return (ms - midnight) / MS_PER_HOUR;
}

/**
 * The date a forfeiture notice is treated as given, from how and when it was sent:
 * - electronic: the day it was sent if sent at or before 4.30pm (London), else the following day;
 * - post: the day it would be delivered in the ordinary course of post, taken as the second
 *   business day after posting unless the officer records the day (configuration: verify);
 * - publication: the day it was published (verify).
 * A calendar that does not cover the days is refused (`invalid_date`), not guessed.
 */
export function treatedAsGivenOn(
  method: NoticeMethod,
  sentAt: string,
  rules: NoticeServiceRules = noticeServiceRules,
  calendar: WorkingCalendar = ENGLAND_AND_WALES,
): string {
  const sentOn = londonDateOf(sentAt);
  if (method === 'electronic') {
    return londonHourOf(sentAt) <= rules.electronicCutOffHours ? sentOn : addDays(sentOn, 1);
  }
  if (method === 'publication') return sentOn;
  let day = sentOn;
  for (let counted = 0; counted < rules.postBusinessDays;) {
    day = addDays(day, 1);
    try {
      if (isCountedDay(day, calendar)) counted++;
    } catch (e) {
      if (e instanceof RangeError) {
        refuse(
          'invalid_date',
          `no bank-holiday data to count the days of post: ${e.message}`,
          'sentAt',
        );
      }
      throw e;
    }
  }
  return day;
}

/** Whether cash is, at `at`, detained in pursuance of an order under s.295(2) (an extension order). */
export function detainedUnderOrder(asset: Pick<AssetState, 'detention'>, at: string): boolean {
  const detention = asset.detention;
  return detention?.kind === 'extension' && compareInstants(at, detention.expiresAt) <= 0;
}

/**
 * s.297A(1): "Subsection (2) applies while any cash is detained in pursuance of an order under
 * section 295(2) made by a magistrates' court": not during the initial 48 hours, nor once the
 * order has run out (`detention_order_required`).
 */
export function assertCashNoticeAllowed(asset: ExistingAsset, at: string): void {
  if (!detainedUnderOrder(asset, at)) {
    refuse(
      'detention_order_required',
      asset.detention?.kind === 'extension'
        ? `the s.295(2) order ended at ${asset.detention.expiresAt}: a forfeiture notice (s.297A) may be given only while the cash is detained under an order`
        : 'a forfeiture notice (s.297A) may be given only while the cash is detained under a s.295(2) order, not during the initial period',
      undefined,
      asset.detention ? { detentionKind: asset.detention.kind } : undefined,
    );
  }
}

/**
 * s.297D (cash): when a notice lapses on an objection and the period of detention the order
 * authorised has ended, "the cash may be detained for a further period of up to 48 hours"
 * (counted as s.295(1B) counts). The end of those hours from the objection, while no application
 * has been made (the asset is then `forfeiture_applied`); undefined otherwise.
 */
export function noticeLapseDetentionEnds(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
  calendar: WorkingCalendar = ENGLAND_AND_WALES,
): string | undefined {
  const notice = state.forfeiture.notice;
  const madeAt = notice?.objection?.madeAt;
  if (!notice?.lapsed || !notice.lapsedAfterOrderExpired || !madeAt) return undefined;
  if (state.power !== 'POCA_S294_CASH' || state.status === 'forfeiture_applied') return undefined;
  const detention = state.detention;
  // A further order made after the lapse governs again.
  if (detention && compareInstants(detention.expiresAt, madeAt) > 0) return undefined;
  try {
    return cashDetentionExpiry(madeAt, calendar, limits.noticeLapseHours);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * s.303Z11(2): "If an account forfeiture notice lapses under subsection (1)(a), the relevant
 * account freezing order ceases to have effect at the end of the period of 48 hours starting with
 * the making of the objection" (real hours), subject to an application being made.
 */
export function freezingOrderCeasesAfterObjection(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
): string | undefined {
  const notice = state.forfeiture.notice;
  const madeAt = notice?.objection?.madeAt;
  if (!notice?.lapsed || !madeAt || state.status === 'forfeiture_applied') return undefined;
  const ms = instantToEpochMs(madeAt);
  return ms === undefined ? undefined : epochMsToIso(ms + limits.afoObjectionHours * MS_PER_HOUR);
}
