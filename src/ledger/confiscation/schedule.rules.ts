import { refuse } from '../../common/domain-error';
import { Money, sumMoney } from '../../common/money';
import { parseIsoDate } from '../../common/time';
import { InstalmentJson } from './confiscation.events';
import { sterlingFigure } from './confiscation.figures';
import { ConfiscationState, Instalment } from './confiscation.state';

/** Parses a schedule and checks that it sums exactly to `total`; `check` adds the date rules. */
export function parseSchedule(
  items: InstalmentJson[] | undefined,
  total: Money,
  check: (instalment: Instalment, i: number) => void,
): Instalment[] {
  if (!Array.isArray(items) || items.length === 0) {
    refuse('instalments_do_not_sum', 'at least one instalment is required', 'instalments');
  }
  const parsed = items.map((x, i) => ({
    amount: sterlingFigure(x?.amount, `instalments.${i}.amount`),
    dueDate: parseIsoDate(x?.dueDate, `instalments.${i}.dueDate`),
  }));
  parsed.forEach(check);
  const sum = sumMoney(
    parsed.map((x) => x.amount),
    'GBP',
  );
  if (!sum.equals(total)) {
    refuse(
      'instalments_do_not_sum',
      `The instalments sum to ${sum.toString()}, the amount ordered is ${total.toString()}`,
      'instalments',
      { sum: sum.toJSON().amount, orderAmount: total.toJSON().amount },
    );
  }
  return parsed;
}

export const instalmentJson = (x: Instalment): InstalmentJson => ({
  amount: x.amount.toJSON(),
  dueDate: x.dueDate,
});

/**
 * Schedule versions apply from their dates in the order recorded (interest depends on it): a
 * change dated before the latest one would put them out of order, so it is refused.
 */
export function assertNotBeforeLastSchedule(state: ConfiscationState, on: string): void {
  const latest = state.schedules[state.schedules.length - 1].from;
  if (on < latest) {
    refuse('invalid_date', `Before the last change to the schedule (${latest})`, 'occurredAt');
  }
}

/**
 * The schedule after a variation when the court gave none: an increase is one more instalment due
 * on the variation date; a reduction comes off the latest-due instalments first (payments settle
 * the earliest first, so the unpaid principal is at the end), dropping trailing instalments it
 * empties.
 */
export function derivedSchedule(
  current: Instalment[],
  newOrderAmount: Money,
  on: string,
): Instalment[] {
  const total = sumMoney(
    current.map((x) => x.amount),
    'GBP',
  );
  if (newOrderAmount.gt(total)) {
    return [...current, { amount: newOrderAmount.minus(total), dueDate: on }];
  }
  let cut = total.minus(newOrderAmount);
  const amounts = current.map((x) => x.amount);
  const latestFirst = current
    .map((x, index) => ({ index, dueDate: x.dueDate }))
    .sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : b.index - a.index));
  for (const { index } of latestFirst) {
    const take = cut.min(amounts[index]);
    amounts[index] = amounts[index].minus(take);
    cut = cut.minus(take);
  }
  const schedule = current.map((x, i) => ({ amount: amounts[i], dueDate: x.dueDate }));
  while (schedule.length > 1 && schedule[schedule.length - 1].amount.isZero()) schedule.pop();
  return schedule;
}
