import {
  endOfLondonDay,
  ENGLAND_AND_WALES,
  epochMsToIso,
  instantToEpochMs,
  WorkingCalendar,
} from '../../common/time';
import { Power } from '../../ledger/assets/asset.events';
import { DETAINABLE_POWERS } from '../../ledger/assets/power.rules';
import { AssetState, isHeld } from '../../ledger/assets/asset.state';
import {
  hasDetentionClock,
  initialPeriodFromSeizure,
  s47cClockStopped,
} from '../../ledger/assets/detention.rules';
import {
  freezingOrderCeasesAfterObjection,
  noticeLapseDetentionEnds,
} from '../../ledger/assets/notice.rules';
import { earlierRulesFlags } from '../../ledger/assets/earlier-rules.flags';
import { detentionLimit } from '../../ledger/assets/detention-limits.rules';
import { freezingOrderEnds } from '../../ledger/assets/freezing-order.rules';
import { AssetTimeLimits, timeLimits } from '../../ledger/assets/time-limits';
import { orderPosition } from '../../ledger/confiscation/confiscation.position';
import { ConfiscationState } from '../../ledger/confiscation/confiscation.state';

/*
 * Which deadlines an asset or a confiscation order has, from its folded state alone (no clock: the
 * read model is a function of the log, R6). The query layer compares them with the time now.
 */

export const DEADLINE_KINDS = [
  'detention_expiry',
  'detention_cap',
  'objection_window',
  'notice_lapsed_detention',
  'afo_ceases_after_objection',
  'afo_expiry',
  'time_to_pay',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Kinds whose `due` is an instant; the others are due on a London calendar date. */
export const INSTANT_KINDS: readonly DeadlineKind[] = [
  'detention_expiry',
  'notice_lapsed_detention',
  'afo_ceases_after_objection',
];

export interface Deadline {
  kind: DeadlineKind;
  /** Tells apart several deadlines of one kind on one source: the instalment's position (0-based). */
  seq: number;
  caseId: string;
  assetId?: string;
  confiscationOrderId?: string;
  /** Exhibit reference (assets) or order reference (confiscation orders). */
  ref: string;
  /** An ISO instant (detention expiry) or a date YYYY-MM-DD (the other kinds). */
  due: string;
  /** When it passes, as a sortable UTC instant: a date kind passes at the London midnight ending its day. */
  dueAt: string;
  description: string;
  /** Rule codes today's rules would refuse something recorded earlier on the asset with. */
  earlierRulesFlags?: string[];
}

function normalisedInstant(instant: string): string {
  const ms = instantToEpochMs(instant);
  if (ms === undefined) throw new TypeError(`not an ISO instant: ${JSON.stringify(instant)}`);
  return epochMsToIso(ms);
}

const SECTIONS: Partial<Record<Power, string>> = {
  POCA_S294_CASH: 's.295',
  POCA_S303J_LISTED: 's.303K',
  POCA_S303Z29_CRYPTO: 's.303Z29',
  POCA_S47C: 's.47J',
};

/** The statuses in which a detention (or freezing order) clock still binds. */
function underDetentionClock(state: AssetState): boolean {
  // Once a forfeiture application is made the asset stays detained until the proceedings end
  // (s.298(4)): its detention clock no longer runs out. A refusal that leaves it detained
  // brings the clock back (status `detained` again).
  return (
    isHeld(state) &&
    (state.status === 'held' || state.status === 'detained' || state.status === 'notice_given')
  );
}

/**
 * Deadlines of an asset:
 * - `detention_expiry`: the current detention's expiry (s.294 cash, s.303J listed assets, s.303Z29
 *   cryptoassets). With no detention recorded yet, the statutory initial period that runs from when
 *   the asset came under the power (48 counted hours; listed assets 6 hours), so an unrecorded
 *   initial period is not missed.
 * - `detention_cap`: the last day any further order can reach: the end of 2 years beginning with
 *   the date of the first extension order, or the day a s.303Z32(4) order set (cryptoassets, up
 *   to 3 years); none before the first order.
 * - `objection_window`: the objection deadline of a forfeiture notice that stands (no objection).
 * - `afo_expiry`: the last day of the period the court specified for an account freezing order (as
 *   made or varied); with none recorded, the end of 2 years starting with the day it was made.
 * None once the asset is released, forfeited, realised, destroyed or voided.
 */
export function assetDeadlines(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
  calendar: WorkingCalendar = ENGLAND_AND_WALES,
): Deadline[] {
  if (!state.exists || !state.assetId || !underDetentionClock(state)) return [];
  const caseId = state.caseId ?? '';
  const assetId = state.assetId;
  const ref = state.exhibitRef ?? '';
  const flags = [...new Set(earlierRulesFlags(state, limits).map((f) => f.code))];
  // Built whole (not `{ ...base, kind, ... }`: a spread followed by new keys is slow in V8).
  const deadline = (
    kind: DeadlineKind,
    due: string,
    dueAt: string,
    description: string,
  ): Deadline => {
    const d: Deadline = { kind, seq: 0, caseId, assetId, ref, due, dueAt, description };
    if (flags.length > 0) d.earlierRulesFlags = flags;
    return d;
  };
  const power = state.power as Power;
  const out: Deadline[] = [];

  const notice = state.forfeiture.notice;
  // s.297C: while a forfeiture notice stands, the cash is detained under it, not under the clock.
  const noticePending = state.status === 'notice_given' && notice !== undefined && !notice.lapsed;
  const lapsedAfterExpiry = noticeLapseDetentionEnds(state, limits, calendar);
  if (DETAINABLE_POWERS.includes(power) && !noticePending && lapsedAfterExpiry) {
    out.push(
      deadline(
        'notice_lapsed_detention',
        lapsedAfterExpiry,
        lapsedAfterExpiry,
        `Forfeiture notice ${notice?.noticeRef ?? ''} lapsed on an objection after the detention order had ended: s.297D allows 48 more counted hours; apply for a further order or for forfeiture, or release`,
      ),
    );
  } else if (hasDetentionClock(power) && !noticePending && !s47cClockStopped(state)) {
    const section = SECTIONS[power] ?? 'POCA';
    const detention = state.detention;
    if (detention) {
      const expiresAt = normalisedInstant(detention.expiresAt);
      out.push(
        deadline(
          'detention_expiry',
          expiresAt,
          expiresAt,
          detention.kind === 'initial'
            ? `Initial detention (${section}) ends: apply for an extension order or release`
            : `Detention order${detention.orderRef ? ` ${detention.orderRef}` : ''} ends: apply for a further order or release`,
        ),
      );
      // The 2-year limit runs from the first extension order (s.295(2)(b)): none before one.
      const limit = power === 'POCA_S47C' ? undefined : detentionLimit(detention, limits);
      if (limit) {
        const why = limit.extendedBy
          ? `the end of the period the ${limit.extendedBy.section} order of ${limit.extendedBy.orderDate} set (at most ${limits.cryptoExtendedMaxMonths / 12} years beginning with the first order on ${limit.firstOrderDate})`
          : `the end of ${limits.detentionMaxMonths / 12} years beginning with the first order on ${limit.firstOrderDate}${state.category === 'cryptoasset' ? ' (a s.303Z32(4) order may extend it to 3 years)' : ''}`;
        out.push(
          deadline(
            'detention_cap',
            limit.lastDay,
            endOfLondonDay(limit.lastDay),
            `Detention cannot be authorised beyond ${limit.lastDay}: ${why}`,
          ),
        );
      }
    } else {
      const initial = initialPeriodFromSeizure(state, limits, calendar);
      if (initial) {
        out.push(
          deadline(
            'detention_expiry',
            initial.expiresAt,
            initial.expiresAt,
            `Initial period (${section}, ${initial.countedHours} counted hours from ${normalisedInstant(initial.startsAt)}) ends; no detention recorded: record it, apply for an extension order or release`,
          ),
        );
      }
    }
  }

  if (noticePending) {
    out.push(
      deadline(
        'objection_window',
        notice.objectionDeadline,
        endOfLondonDay(notice.objectionDeadline),
        `Objection window of forfeiture notice ${notice.noticeRef} (given ${notice.givenAt}) closes; without an objection the asset can be recorded as forfeited`,
      ),
    );
  }

  const ceases = freezingOrderCeasesAfterObjection(state, limits);
  if (power === 'POCA_S303Z1_AFO' && ceases) {
    out.push(
      deadline(
        'afo_ceases_after_objection',
        ceases,
        ceases,
        `Account forfeiture notice ${notice?.noticeRef ?? ''} lapsed on an objection: the account freezing order ceases 48 hours after it (s.303Z11(2)) unless an application is made`,
      ),
    );
  }

  if (power === 'POCA_S303Z1_AFO') {
    const ends = freezingOrderEnds(state, limits);
    if (ends) {
      out.push(
        deadline(
          'afo_expiry',
          ends.lastDay,
          endOfLondonDay(ends.lastDay),
          ends.specified
            ? `Account freezing order made on ${ends.madeOn} ends (the period the court specified${state.freezingOrder?.variations ? ', as varied under s.303Z4' : ''}): apply to vary it or for forfeiture, or it lapses`
            : `Account freezing order (s.303Z1) made on ${ends.madeOn}: no period recorded; at the latest it ends on ${ends.lastDay} (2 years starting with the day it was made, s.303Z3(4))`,
        ),
      );
    }
  }
  return out;
}

/** The latest date the order's state knows of: every payment and decision counts by then. */
function latestKnownDate(state: ConfiscationState, orderDate: string): string {
  let latest = orderDate;
  const consider = (date: string | undefined) => {
    if (date !== undefined && date > latest) latest = date;
  };
  state.payments.forEach((p) => consider(p.date));
  state.schedules.forEach((s) => consider(s.from));
  state.extensionRequests.forEach((r) => {
    consider(r.appliedAt);
    consider(r.decidedOn);
  });
  state.variations.forEach((v) => consider(v.on));
  return latest;
}

const pounds = (amount: string) => `£${amount}`;

/**
 * `time_to_pay`: each instalment of a confiscation order with principal unpaid, due on its date in
 * the schedule in force (moved by extensions, replaced by variations); none once paid, or once the
 * order is satisfied or discharged. Computed with the order's own position (payments settle the earliest-due first).
 */
export function orderDeadlines(state: ConfiscationState): Deadline[] {
  const order = state.order;
  if (!state.exists || !order || state.discharged) return []; // discharged (s.24 / s.25): none
  const position = orderPosition(state, latestKnownDate(state, order.orderDate));
  if (position.status === 'satisfied') return [];
  const count = position.instalments.filter((x) => x.amount.isPositive()).length;
  return position.instalments
    .filter((x) => x.unpaid.isPositive())
    .map((x) => {
      const pending = state.extensionRequests.some(
        (r) => r.index === x.index && r.decidedOn === undefined,
      );
      const moved = x.originalDueDate !== x.dueDate ? ` (first due ${x.originalDueDate})` : '';
      const part = x.paid.isPositive() ? ` (${pounds(x.paid.toJSON().amount)} paid)` : '';
      return {
        kind: 'time_to_pay' as const,
        seq: x.index,
        caseId: order.caseId,
        confiscationOrderId: order.confiscationOrderId,
        ref: order.orderRef,
        due: x.dueDate,
        dueAt: endOfLondonDay(x.dueDate),
        description:
          `Instalment ${x.index + 1} of ${count}: ${pounds(x.unpaid.toJSON().amount)} of ${pounds(x.amount.toJSON().amount)} due${part}${moved}` +
          (pending ? '; an extension of time to pay is applied for' : ''),
      };
    });
}
