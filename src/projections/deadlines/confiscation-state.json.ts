import { Money, MoneyJson } from '../../common/money';
import {
  ConfiscationState,
  initialConfiscationState,
} from '../../ledger/confiscation/confiscation.state';

/*
 * The folded confiscation state holds Money values; stored as JSON they become `{ amount,
 * currency }` (Money.toJSON), and are turned back into Money here so the domain's `evolve` and
 * `orderPosition` can continue from it.
 */

type Json<T> = T extends Money
  ? MoneyJson
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export function encodeConfiscationState(state: ConfiscationState): string {
  return JSON.stringify(state);
}

export function decodeConfiscationState(text: string | undefined): ConfiscationState {
  if (text === undefined) return initialConfiscationState;
  const s = JSON.parse(text) as Json<ConfiscationState>;
  const money = (m: MoneyJson) => Money.parse(m);
  return {
    ...s,
    order: s.order && {
      ...s.order,
      benefitFigure: money(s.order.benefitFigure),
      availableAmount: money(s.order.availableAmount),
      orderAmount: money(s.order.orderAmount),
      compensation: s.order.compensation && {
        ...s.order.compensation,
        amount: money(s.order.compensation.amount),
      },
      // Stored before the s.13(3A) directions and the s.10A determinations were kept: none.
      otherDirections: (s.order.otherDirections ?? []).map((d) => ({
        ...d,
        amount: money(d.amount),
      })),
      interestDeterminations: s.order.interestDeterminations ?? [],
    },
    schedules: s.schedules.map((v) => ({
      ...v,
      instalments: v.instalments.map((x) => ({ ...x, amount: money(x.amount) })),
    })),
    variations: s.variations.map((v) => ({ ...v, newOrderAmount: money(v.newOrderAmount) })),
    payments: s.payments.map(({ refundDue, expenses, ...p }) => ({
      ...p,
      amount: money(p.amount),
      ...(refundDue && { refundDue: money(refundDue) }),
      ...(expenses && {
        expenses: Object.fromEntries(Object.entries(expenses).map(([k, m]) => [k, money(m)])),
      }),
    })),
  };
}
