import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { requiredText } from '../command-fields';
import {
  CompensationJson,
  PRIORITY_ORDER_KINDS,
  PriorityDirectionJson,
  PriorityOrderKind,
} from './confiscation.events';
import { sterlingFigure } from './confiscation.figures';

/*
 * s.13(5)-(6) and (3A): where the Crown Court makes a confiscation order and one or more priority
 * orders and believes the defendant cannot pay them all, "the court must direct that so much of
 * the amount payable under the priority order (or orders) as it specifies is to be paid out of
 * any sums recovered under the confiscation order". So only a direction pays anything first, and
 * only the amount it specifies. The directions rank together (application-of-sums.ts).
 */

/** A s.13(6) direction as the state keeps it. */
export interface PriorityDirection {
  kind: PriorityOrderKind;
  amount: Money;
  payee: string;
}

/** The directions of an event: the older `compensation` field first, then the list. */
export function directionsOf(data: {
  compensation?: CompensationJson;
  priorityDirections?: PriorityDirectionJson[];
}): PriorityDirection[] {
  const out: PriorityDirection[] = [];
  if (data.compensation) {
    out.push({
      kind: 'compensation',
      amount: Money.parse(data.compensation.amount),
      payee: data.compensation.payee,
    });
  }
  for (const d of data.priorityDirections ?? []) {
    out.push({ kind: d.kind, amount: Money.parse(d.amount), payee: d.payee });
  }
  return out;
}

/** The command's `priorityDirections`: known kinds, sterling amounts, a payee each. */
export function parseDirections(json: unknown): PriorityDirection[] | undefined {
  if (json === undefined) return undefined;
  if (!Array.isArray(json)) refuse('invalid_state', 'must be a list', 'priorityDirections');
  return json.map((d: PriorityDirectionJson, i) => {
    const path = `priorityDirections.${i}`;
    if (!(PRIORITY_ORDER_KINDS as readonly string[]).includes(d?.kind)) {
      refuse(
        'invalid_state',
        `kind must be one of ${PRIORITY_ORDER_KINDS.join(', ')}`,
        `${path}.kind`,
      );
    }
    return {
      kind: d.kind,
      amount: sterlingFigure(d.amount, `${path}.amount`),
      payee: requiredText(d.payee, `${path}.payee`),
    };
  });
}

export const directionJson = (d: PriorityDirection): PriorityDirectionJson => ({
  kind: d.kind,
  amount: d.amount.toJSON(),
  payee: d.payee,
});

/**
 * Everything directed is paid "out of any sums recovered under the confiscation order", so the
 * directions together may not exceed the amount ordered (`compensation_exceeds_order`).
 */
export function assertDirectionsFit(
  directions: readonly PriorityDirection[],
  ordered: Money,
  field: string,
): void {
  const total = directions.reduce((s, d) => s.plus(d.amount), Money.zero('GBP'));
  if (total.gt(ordered)) {
    refuse(
      'compensation_exceeds_order',
      `The amounts directed under s.13(6) (${total.toString()}) are more than the ${ordered.toString()} ordered`,
      field,
      { directed: total.toJSON().amount },
    );
  }
}

/** A direction's key across variations: the same kind of order to the same payee. */
export const directionKey = (d: { kind: string; payee: string }) => `${d.kind}:${d.payee}`;

/** What is still owed on each direction, given what earlier receipts paid on each key. */
export function priorityOwed(
  directions: readonly PriorityDirection[],
  paidByKey: Readonly<Record<string, Money>>,
): { kind: PriorityOrderKind; payee: string; owed: Money }[] {
  return directions.map((d) => ({
    kind: d.kind,
    payee: d.payee,
    owed: d.amount.minus(paidByKey[directionKey(d)] ?? Money.zero('GBP')).max(Money.zero('GBP')),
  }));
}

/** Adds one receipt's priority payments to the running totals by key. */
export function addPriorityPaid(
  paidByKey: Readonly<Record<string, Money>>,
  payments: readonly { kind: string; payee: string; amount: Money }[],
): Record<string, Money> {
  const next = { ...paidByKey };
  for (const p of payments) {
    const k = directionKey(p);
    next[k] = (next[k] ?? Money.zero('GBP')).plus(p.amount);
  }
  return next;
}
