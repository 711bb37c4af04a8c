import { refuse } from '../../common/domain-error';
import { addMonths, londonDateOf, parseIsoDate } from '../../common/time';
import { MakeConfiscationOrder } from './confiscation.commands';
import { ConfiscationOrderMade } from './confiscation.events';
import {
  compensationJson,
  compensationOf,
  sterlingFigure,
  wholeMonths,
} from './confiscation.figures';
import { defaultTermWarnings, timeToPayRuleFor } from './confiscation.parameters';
import { ConfiscationState } from './confiscation.state';
import { assertDirectionsFit, directionJson, parseDirections } from './priority.rules';
import { instalmentJson, parseSchedule } from './schedule.rules';

/**
 * ConfiscationOrderMade: the case exists and is open, the subject is on it, the amount ordered is
 * not more than the benefit, and the instalments sum to it within the initial time to pay.
 */
export function makeOrder(
  command: MakeConfiscationOrder,
  state: ConfiscationState,
  at: string,
): ConfiscationOrderMade[] {
  const { data, context } = command;
  if (state.exists) {
    refuse(
      'already_exists',
      `Confiscation order ${data.confiscationOrderId} already exists`,
      'confiscationOrderId',
    );
  }
  if (!context.case.exists) refuse('not_found', `No such case ${data.caseId}`, 'caseId');
  if (context.case.closed) refuse('case_closed', `Case ${data.caseId} is closed`, 'caseId');
  if (!context.subjectExists) {
    refuse('not_found', `No subject ${data.subjectId} on the case`, 'subjectId');
  }
  const orderDate = londonDateOf(at);

  const benefitFigure = sterlingFigure(data.benefitFigure, 'benefitFigure');
  const availableAmount = sterlingFigure(data.availableAmount, 'availableAmount', true);
  const orderAmount = sterlingFigure(data.orderAmount, 'orderAmount');
  if (orderAmount.gt(benefitFigure)) {
    refuse(
      'order_exceeds_benefit',
      `The amount ordered (${orderAmount.toString()}) is more than the benefit figure (${benefitFigure.toString()})`,
      'orderAmount',
    );
  }
  if (data.convictedAt !== undefined) {
    parseIsoDate(data.convictedAt, 'convictedAt');
    if (data.convictedAt > orderDate) {
      refuse('invalid_date', 'The conviction is after the order', 'convictedAt');
    }
  }

  // s.11: due on the day, or within the initial period (3 months from 1 June 2015; 6 before).
  const rule = timeToPayRuleFor(orderDate);
  const latest = addMonths(orderDate, rule.initialMonths);
  const instalments = parseSchedule(data.instalments, orderAmount, (x, i) => {
    if (x.dueDate < orderDate) {
      refuse('invalid_date', `Due before the order date ${orderDate}`, `instalments.${i}.dueDate`);
    }
    if (x.dueDate > latest) {
      refuse(
        'time_to_pay_too_long',
        `Due more than ${rule.initialMonths} months after the order (latest ${latest})`,
        `instalments.${i}.dueDate`,
        { latest },
      );
    }
  });
  const defaultTermMonths = wholeMonths(data.defaultTermMonths, 'defaultTermMonths');
  const compensation =
    data.compensation === undefined
      ? undefined
      : compensationOf(data.compensation, orderAmount, 'compensation.amount');
  const others = parseDirections(data.priorityDirections);
  assertDirectionsFit(
    [
      ...(compensation ? [{ kind: 'compensation' as const, ...compensation }] : []),
      ...(others ?? []),
    ],
    orderAmount,
    others?.length ? 'priorityDirections' : 'compensation.amount',
  );

  return [
    {
      type: 'ConfiscationOrderMade',
      data: {
        confiscationOrderId: data.confiscationOrderId,
        caseId: data.caseId,
        subjectId: data.subjectId,
        orderRef: data.orderRef,
        court: data.court,
        ...(data.convictedAt !== undefined && { convictedAt: data.convictedAt }),
        benefitFigure: benefitFigure.toJSON(),
        availableAmount: availableAmount.toJSON(),
        orderAmount: orderAmount.toJSON(),
        instalments: instalments.map(instalmentJson),
        defaultTermMonths,
        ...(data.lifestyle !== undefined && { lifestyle: data.lifestyle }),
        ...(compensation && { compensation: compensationJson(compensation) }),
        ...(others && { priorityDirections: others.map(directionJson) }),
        warnings: defaultTermWarnings(orderAmount.amount, defaultTermMonths, orderDate),
        occurredAt: at,
      },
    },
  ];
}
