import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { londonDateOf } from '../../common/time';
import { requiredText } from '../command-fields';
import { accruedInterest } from '../recovery/interest';
import { DischargeConfiscationOrder } from './confiscation.commands';
import { ConfiscationOrderDischarged, DISCHARGE_SECTIONS, S24_CAUSES } from './confiscation.events';
import { dischargeThresholdsFor } from './confiscation.parameters';
import { interestInputOf } from './confiscation.position';
import { ConfiscationState, existingOrder } from './confiscation.state';

/*
 * Discharge of a confiscation order (POCA ss.24, 25), docs/domain.md "Discharge". The amount
 * remaining to be paid is what is outstanding on the discharge date: principal unpaid plus the
 * s.12 interest accrued (rounded to the penny, as posted) less interest paid (s.12(2) as commonly
 * quoted treats the interest as part of the amount to be paid; verify). The thresholds are
 * configuration (verify).
 */

/**
 * ConfiscationOrderDischarged: s.24 with a cause (a currency fluctuation or a reason specified by
 * order) and the amount remaining LESS THAN the s.24 threshold; s.25 with the amount remaining AT
 * MOST the s.25 threshold. Something must remain; dated no earlier than the last receipt or
 * schedule change (the amount written off is what remains on that date).
 */
export function dischargeOrder(
  command: DischargeConfiscationOrder,
  state: ConfiscationState,
  at: string,
): ConfiscationOrderDischarged[] {
  const order = existingOrder(state);
  const data = command.data;
  const on = londonDateOf(at);
  if (!(DISCHARGE_SECTIONS as readonly string[]).includes(data.section)) {
    refuse('invalid_state', `section must be one of ${DISCHARGE_SECTIONS.join(', ')}`, 'section');
  }
  const reason = requiredText(data.reason, 'reason');
  if (data.section === 's24') {
    if (data.cause === undefined || !(S24_CAUSES as readonly string[]).includes(data.cause)) {
      refuse(
        'invalid_state',
        `s.24 needs the cause of the inadequacy: one of ${S24_CAUSES.join(', ')}`,
        'cause',
      );
    }
  } else if (data.cause !== undefined) {
    refuse('invalid_state', 's.25 takes no cause (only s.24 does)', 'cause');
  }
  if (on < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'occurredAt');
  }
  const latest = [
    ...state.payments.map((p) => p.date),
    ...state.schedules.map((v) => v.from),
  ].reduce((max, date) => (date > max ? date : max), order.orderDate);
  if (on < latest) {
    refuse('invalid_date', `Before the last receipt or schedule change (${latest})`, 'occurredAt', {
      latest,
    });
  }

  const remaining = accruedInterest(interestInputOf(state, on)).outstanding.rounded;
  if (!remaining.isPositive()) refuse('invalid_state', `Nothing remains to be paid on ${on}`);
  const thresholds = dischargeThresholdsFor(on);
  const threshold = Money.gbp(
    data.section === 's24' ? thresholds.s24LessThan : thresholds.s25AtMost,
  );
  const allowed = data.section === 's24' ? remaining.lt(threshold) : !remaining.gt(threshold);
  if (!allowed) {
    refuse(
      'discharge_threshold_exceeded',
      data.section === 's24'
        ? `s.24: ${remaining.toString()} remains on ${on}; the order may be discharged only when less than ${threshold.toString()} remains`
        : `s.25: ${remaining.toString()} remains on ${on}; the order may be discharged only when ${threshold.toString()} or less remains`,
      'section',
      { remaining: remaining.toJSON().amount, threshold: threshold.toJSON().amount, asAt: on },
    );
  }
  return [
    {
      type: 'ConfiscationOrderDischarged',
      data: {
        section: data.section,
        ...(data.section === 's24' && data.cause !== undefined && { cause: data.cause }),
        reason,
        writtenOff: remaining.toJSON(),
        threshold: threshold.toJSON(),
        occurredAt: at,
      },
    },
  ];
}

/** A discharged order takes no further commands (`order_discharged`). */
export function assertNotDischarged(state: ConfiscationState): void {
  if (state.discharged) {
    refuse(
      'order_discharged',
      `The order was discharged (${state.discharged.section}) on ${state.discharged.on}`,
    );
  }
}
