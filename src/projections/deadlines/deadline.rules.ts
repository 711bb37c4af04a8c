import {
  endOfLondonDay,
  addMonths,
  ENGLAND_AND_WALES,
  epochMsToIso,
  instantToEpochMs,
  londonDateOf,
  WorkingCalendar,
} from '../../common/time';
import { Power } from '../../ledger/assets/asset.events';
import { DETAINABLE_POWERS } from '../../ledger/assets/power.rules';
import { AssetState, isHeld } from '../../ledger/assets/asset.state';
import {
  AssetTimeLimits,
  initialPeriodFromSeizure,
  lastDayOfPeriod,
  timeLimits,
} from '../../ledger/assets/detention.rules';
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
  'afo_expiry',
  'time_to_pay',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Kinds whose `due` is an instant; the others are due on a London calendar date. */
export const INSTANT_KINDS: readonly DeadlineKind[] = ['detention_expiry'];

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
}

function normalisedInstant(instant: string): string {
  const ms = instantToEpochMs(instant);
  if (ms === undefined) throw new TypeError(`not an ISO instant: ${JSON.stringify(instant)}`);
  return epochMsToIso(ms);
}

const SECTIONS: Partial<Record<Power, string>> = {
  POCA_S294_CASH: 's.295',
  POCA_S303J_LISTED: 's.303K',
  POCA_S303Z21_CRYPTO: 's.303Z26',
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
 * - `detention_expiry`: the current detention's expiry (s.294 cash, s.303J listed assets, s.303Z21
 *   cryptoassets). With no detention recorded yet, the statutory initial period that runs from when
 *   the asset came under the power (48 counted hours; listed assets 6 hours), so an unrecorded
 *   initial period is not missed.
 * - `detention_cap`: the last day any further order can reach: the end of 2 years (3 for
 *   cryptoassets) beginning with the date of the first extension order; none before that order.
 * - `objection_window`: the objection deadline of a forfeiture notice that stands (no objection).
 * - `afo_expiry`: an account freezing order (s.303Z1) lasts at most 2 years from when it was made
 *   (the first detention/freezing recorded, else when the account came under the power).
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
  // Built whole (not `{ ...base, kind, ... }`: a spread followed by new keys is slow in V8).
  const deadline = (kind: DeadlineKind, due: string, dueAt: string, description: string) => ({
    kind,
    seq: 0,
    caseId,
    assetId,
    ref,
    due,
    dueAt,
    description,
  });
  const power = state.power as Power;
  const out: Deadline[] = [];

  if (DETAINABLE_POWERS.includes(power)) {
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
      const firstOrder = detention.firstOrderDate;
      if (firstOrder) {
        const crypto = state.category === 'cryptoasset';
        const months = crypto ? limits.cryptoDetentionMaxMonths : limits.detentionMaxMonths;
        const cap = lastDayOfPeriod(firstOrder, months);
        out.push(
          deadline(
            'detention_cap',
            cap,
            endOfLondonDay(cap),
            `Detention cannot be authorised beyond ${cap}: the end of ${months / 12} years beginning with the first order on ${firstOrder}${crypto ? ' (cryptoassets, s.303Z32)' : ''}`,
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

  const notice = state.forfeiture.notice;
  if (state.status === 'notice_given' && notice && !notice.lapsed) {
    out.push(
      deadline(
        'objection_window',
        notice.objectionDeadline,
        endOfLondonDay(notice.objectionDeadline),
        `Objection window of forfeiture notice ${notice.noticeRef} (given ${notice.givenAt}) closes; without an objection the asset can be recorded as forfeited`,
      ),
    );
  }

  if (power === 'POCA_S303Z1_AFO') {
    const madeAt = state.detention?.firstStartedAt ?? state.powerSince ?? state.seizedAt;
    if (madeAt) {
      const made = londonDateOf(madeAt);
      const expiry = addMonths(made, limits.afoMaxMonths);
      out.push(
        deadline(
          'afo_expiry',
          expiry,
          endOfLondonDay(expiry),
          `Account freezing order (s.303Z1) made on ${made} ends at the latest: ${limits.afoMaxMonths / 12} years`,
        ),
      );
    }
  }
  return out;
}

/** The s.295-style counted-hours expiry, or undefined where the bank-holiday calendar stops. */
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
