import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { addMonths, assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { requiredText } from '../command-fields';
import { accruedInterest } from '../recovery/interest';
import { VaryConfiscationOrder } from './confiscation.commands';
import {
  CompensationJson,
  ConfiscationOrderVaried,
  InstalmentJson,
  VARIATION_SECTIONS,
  VariationSection,
} from './confiscation.events';
import {
  Compensation,
  compensationJson,
  compensationOf,
  sterlingFigure,
  wholeMonths,
} from './confiscation.figures';
import { defaultTermWarnings, timeToPayRuleFor } from './confiscation.parameters';
import { interestInputOf } from './confiscation.position';
import {
  ConfiscationOrderFacts,
  ConfiscationState,
  currentSchedule,
  existingOrder,
  Instalment,
  priorityDirections,
} from './confiscation.state';
import { assertDirectionsFit, directionJson, parseDirections } from './priority.rules';
import {
  assertNotBeforeLastSchedule,
  derivedSchedule,
  instalmentJson,
  parseSchedule,
} from './schedule.rules';

/** The section, reason, dates and figures of a variation, once each is valid. */
interface Variation {
  section: VariationSection;
  reason: string;
  appliedAt?: string;
  newBenefit?: Money;
  newAvailable?: Money;
  newOrderAmount: Money;
}

/**
 * ConfiscationOrderVaried: a reconsideration of the benefit (s.21) or of the available amount
 * (s.22), a variation for inadequacy (s.23) or an appeal; the new schedule is the court's, or
 * derived from the one in force.
 */
export function varyOrder(
  command: VaryConfiscationOrder,
  state: ConfiscationState,
  at: string,
): ConfiscationOrderVaried[] {
  const order = existingOrder(state);
  const on = londonDateOf(at);
  const data = command.data;
  const variation = variationOf(command, state, order, on);
  checkSection(variation, order, on);
  checkNewOrderAmount(variation, state, order, on);
  const { newBenefit, newAvailable, newOrderAmount, appliedAt } = variation;

  const instalments = variedSchedule(data.instalments, state, order, newOrderAmount, on);
  const defaultTermMonths =
    data.defaultTermMonths === undefined
      ? undefined
      : wholeMonths(data.defaultTermMonths, 'defaultTermMonths');
  const compensation = variedCompensation(data.compensation, order, newOrderAmount);
  const others = parseDirections(data.priorityDirections);
  assertDirectionsFit(
    [
      ...(compensation
        ? [{ kind: 'compensation' as const, ...compensation }]
        : priorityDirections(order).filter((d) => d.kind === 'compensation')),
      ...(others ?? order.otherDirections),
    ],
    newOrderAmount,
    others?.length ? 'priorityDirections' : 'newOrderAmount',
  );

  return [
    {
      type: 'ConfiscationOrderVaried',
      data: {
        section: variation.section,
        ...(newBenefit && { newBenefitFigure: newBenefit.toJSON() }),
        ...(newAvailable && { newAvailableAmount: newAvailable.toJSON() }),
        newOrderAmount: newOrderAmount.toJSON(),
        instalments: instalments.map(instalmentJson),
        ...(defaultTermMonths !== undefined && { defaultTermMonths }),
        ...(compensation && { compensation: compensationJson(compensation) }),
        ...(others && { priorityDirections: others.map(directionJson) }),
        ...(appliedAt !== undefined && { appliedAt }),
        reason: variation.reason,
        warnings: defaultTermWarnings(
          newOrderAmount.amount,
          defaultTermMonths ?? order.defaultTermMonths,
          order.orderDate,
        ),
        occurredAt: at,
      },
    },
  ];
}

/** The command's section, reason, dates and figures, checked in that order. */
function variationOf(
  command: VaryConfiscationOrder,
  state: ConfiscationState,
  order: ConfiscationOrderFacts,
  on: string,
): Variation {
  const data = command.data;
  if (!(VARIATION_SECTIONS as readonly string[]).includes(data.section)) {
    refuse('invalid_state', `section must be one of ${VARIATION_SECTIONS.join(', ')}`, 'section');
  }
  const reason = requiredText(data.reason, 'reason');
  if (on < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'occurredAt');
  }
  assertNotBeforeLastSchedule(state, on);
  const appliedAt =
    data.appliedAt === undefined ? undefined : parseIsoDate(data.appliedAt, 'appliedAt');
  if (appliedAt !== undefined) assertNotFuture(appliedAt, command.now, 'appliedAt');
  const newBenefit =
    data.newBenefitFigure === undefined
      ? undefined
      : sterlingFigure(data.newBenefitFigure, 'newBenefitFigure');
  const newAvailable =
    data.newAvailableAmount === undefined
      ? undefined
      : sterlingFigure(data.newAvailableAmount, 'newAvailableAmount', true);
  const newOrderAmount = sterlingFigure(data.newOrderAmount, 'newOrderAmount');
  return { section: data.section, reason, appliedAt, newBenefit, newAvailable, newOrderAmount };
}

/** What each section may reconsider, and in which direction it moves the order. */
function checkSection(variation: Variation, order: ConfiscationOrderFacts, on: string): void {
  switch (variation.section) {
    case 's21':
      return checkS21(variation, order, on);
    case 's22':
      return checkS22(variation, order);
    case 's23':
      return checkS23(variation, order);
    case 'appeal':
      return;
    default: {
      const unknown: never = variation.section;
      throw new Error(`Unknown section ${JSON.stringify(unknown)}`);
    }
  }
}

/** s.21: a new benefit figure, applied for within 6 years of the conviction. */
function checkS21(
  { newBenefit, appliedAt }: Variation,
  order: ConfiscationOrderFacts,
  on: string,
): void {
  if (!newBenefit) {
    refuse('invalid_state', 's.21 reconsiders the benefit: give it', 'newBenefitFigure');
  }
  if (order.convictedAt === undefined) {
    refuse(
      'invalid_state',
      'The order records no conviction date: s.21 is limited to 6 years from it',
      'convictedAt',
    );
  }
  // The 6 years starting with the date of conviction end the day before the 6th anniversary.
  const deadline = addMonths(order.convictedAt, 72);
  if ((appliedAt ?? on) >= deadline) {
    refuse(
      'invalid_state',
      `s.21 applications must be made within 6 years of the conviction on ${order.convictedAt}`,
      appliedAt === undefined ? 'section' : 'appliedAt',
    );
  }
}

/**
 * s.22(4): if the new calculation of the available amount exceeds the relevant amount, the court
 * may substitute for the amount required to be paid "such amount as (a) it believes is just, but
 * (b) does not exceed the amount found as the defendant's benefit from the conduct concerned". So
 * the cap is on the amount to pay (checkNewOrderAmount: the benefit), not on the new available
 * amount, which may well exceed the benefit; and s.22 only ever increases the order.
 */
function checkS22(
  { newBenefit, newAvailable, newOrderAmount }: Variation,
  order: ConfiscationOrderFacts,
): void {
  if (!newAvailable) {
    refuse('invalid_state', 's.22 reconsiders the available amount: give it', 'newAvailableAmount');
  }
  if (newBenefit) {
    refuse('invalid_state', 's.22 does not change the benefit figure', 'newBenefitFigure');
  }
  if (newOrderAmount.lt(order.orderAmount)) {
    refuse('invalid_state', 's.22 can only increase the order (s.23 reduces it)', 'newOrderAmount');
  }
}

/** s.23 (inadequacy of the available amount): the benefit stays; the order goes down. */
function checkS23({ newBenefit, newOrderAmount }: Variation, order: ConfiscationOrderFacts): void {
  if (newBenefit) {
    refuse('invalid_state', 's.23 does not change the benefit figure', 'newBenefitFigure');
  }
  if (!newOrderAmount.lt(order.orderAmount)) {
    refuse(
      'invalid_state',
      `s.23 reduces the order: below ${order.orderAmount.toString()}`,
      'newOrderAmount',
    );
  }
}

/** Whatever the section: not more than the benefit, and not below what is already paid. */
function checkNewOrderAmount(
  { newBenefit, newOrderAmount }: Variation,
  state: ConfiscationState,
  order: ConfiscationOrderFacts,
  on: string,
): void {
  const benefit = newBenefit ?? order.benefitFigure;
  if (newOrderAmount.gt(benefit)) {
    refuse(
      'order_exceeds_benefit',
      `The amount ordered (${newOrderAmount.toString()}) is more than the benefit figure (${benefit.toString()})`,
      'newOrderAmount',
    );
  }
  const paid = accruedInterest(interestInputOf(state, on)).principalPaid;
  if (newOrderAmount.lt(paid)) {
    refuse(
      'invalid_state',
      `${paid.toString()} is already paid: the order cannot be varied below it here (a refund is outside the ledger)`,
      'newOrderAmount',
    );
  }
}

/**
 * The schedule after the variation: the court's, whose new or moved instalments fall due within
 * the initial time to pay from the variation date, or else derived from the current one.
 */
function variedSchedule(
  items: InstalmentJson[] | undefined,
  state: ConfiscationState,
  order: ConfiscationOrderFacts,
  newOrderAmount: Money,
  on: string,
): Instalment[] {
  const current = currentSchedule(state);
  if (items === undefined) return derivedSchedule(current, newOrderAmount, on);
  const rule = timeToPayRuleFor(order.orderDate);
  const latest = addMonths(on, rule.initialMonths);
  return parseSchedule(items, newOrderAmount, (x, i) => {
    if (current[i]?.dueDate === x.dueDate) return; // an instalment kept as it was
    if (x.dueDate < on) {
      refuse('invalid_date', `Due before the variation (${on})`, `instalments.${i}.dueDate`);
    }
    if (x.dueDate > latest) {
      refuse(
        'time_to_pay_too_long',
        `Due more than ${rule.initialMonths} months after the variation (latest ${latest})`,
        `instalments.${i}.dueDate`,
        { latest },
      );
    }
  });
}

/** New compensation, if given; without it, the compensation directed must still fit the order. */
function variedCompensation(
  json: CompensationJson | undefined,
  order: ConfiscationOrderFacts,
  newOrderAmount: Money,
): Compensation | undefined {
  const compensation =
    json === undefined ? undefined : compensationOf(json, newOrderAmount, 'compensation.amount');
  if (!compensation && order.compensation && order.compensation.amount.gt(newOrderAmount)) {
    refuse(
      'compensation_exceeds_order',
      `The compensation directed (${order.compensation.amount.toString()}) would exceed the order: give the new compensation`,
      'newOrderAmount',
    );
  }
  return compensation;
}
