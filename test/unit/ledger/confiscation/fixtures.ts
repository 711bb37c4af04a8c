import { MoneyJson } from '@src/common/money';
import {
  ConfiscationCommand,
  MakeConfiscationOrder,
  ReceivePayment,
  VaryConfiscationOrder,
} from '@src/ledger/confiscation/confiscation.commands';
import { ConfiscationEvent, PaymentMethod } from '@src/ledger/confiscation/confiscation.events';

/**
 * The worked example of docs/domain.md: order 20 Jan 2020, benefit £500,000, available amount £90,000
 * (bank £10,000 + home equity £80,000), ordered £90,000, default 18 months; £10,000 due 20 Feb
 * 2020, £80,000 due 20 Apr 2020 (3 months: the longest allowed at the order).
 */
export const now = '2026-11-29T10:00:00.000Z';
export const ORDER = 'co-1';

export const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });

export function makeOrder(
  over: Partial<MakeConfiscationOrder['data']> = {},
  context: Partial<MakeConfiscationOrder['context']> = {},
): MakeConfiscationOrder {
  return {
    type: 'MakeConfiscationOrder',
    now,
    data: {
      confiscationOrderId: ORDER,
      caseId: 'case-1',
      subjectId: 'subj-1',
      orderRef: 'T20197001',
      court: 'Southwark Crown Court',
      convictedAt: '2019-11-15',
      benefitFigure: gbp('500000'),
      availableAmount: gbp('90000'),
      orderAmount: gbp('90000'),
      instalments: [
        { amount: gbp('10000'), dueDate: '2020-02-20' },
        { amount: gbp('80000'), dueDate: '2020-04-20' },
      ],
      defaultTermMonths: 18,
      occurredAt: '2020-01-20T11:00:00Z',
      ...over,
    },
    context: { case: { exists: true, closed: false }, subjectExists: true, ...context },
  };
}

export const orderMade: ConfiscationEvent = {
  type: 'ConfiscationOrderMade',
  data: {
    confiscationOrderId: ORDER,
    caseId: 'case-1',
    subjectId: 'subj-1',
    orderRef: 'T20197001',
    court: 'Southwark Crown Court',
    convictedAt: '2019-11-15',
    benefitFigure: gbp('500000.00'),
    availableAmount: gbp('90000.00'),
    orderAmount: gbp('90000.00'),
    instalments: [
      { amount: gbp('10000.00'), dueDate: '2020-02-20' },
      { amount: gbp('80000.00'), dueDate: '2020-04-20' },
    ],
    defaultTermMonths: 18,
    warnings: [],
    occurredAt: '2020-01-20T11:00:00.000Z',
  },
};

/** An instant at 10:00 UTC on a date (GMT or BST, always the same London date). */
export const at = (date: string) => `${date}T10:00:00.000Z`;

export const extensionApplied = (appliedAt: string, instalments = [1]): ConfiscationEvent => ({
  type: 'TimeToPayExtensionApplied',
  data: { instalments, appliedAt, occurredAt: at(appliedAt) },
});

export const timeExtended = (on: string, index: number, dueDate: string): ConfiscationEvent => ({
  type: 'TimeToPayExtended',
  data: { newDueDates: [{ index, dueDate }], occurredAt: at(on) },
});

export const extensionRefused = (on: string, instalments = [1]): ConfiscationEvent => ({
  type: 'TimeToPayExtensionRefused',
  data: { instalments, reason: 'not unable to pay', occurredAt: at(on) },
});

export const paymentReceived = (
  receiptId: string,
  amount: string,
  date: string,
  method: PaymentMethod = 'voluntary',
  assetId?: string,
): ConfiscationEvent => ({
  type: 'PaymentReceived',
  data: {
    receiptId,
    amount: gbp(amount),
    method,
    ...(assetId !== undefined && { assetId }),
    reference: `ref-${receiptId}`,
    occurredAt: at(date),
  },
});

export function receivePayment(
  receiptId: string,
  amount: string,
  date: string,
  over: Partial<ReceivePayment['data']> = {},
): ReceivePayment {
  return {
    type: 'ReceivePayment',
    now,
    data: {
      receiptId,
      amount: gbp(amount),
      method: 'voluntary',
      reference: `ref-${receiptId}`,
      occurredAt: at(date),
      ...over,
    },
  };
}

export function varyOrder(
  data: Partial<VaryConfiscationOrder['data']>,
  date = '2020-03-10',
): VaryConfiscationOrder {
  return {
    type: 'VaryConfiscationOrder',
    now,
    data: {
      section: 'appeal',
      newOrderAmount: gbp('90000'),
      reason: 'r',
      occurredAt: at(date),
      ...data,
    },
  };
}

export function command<T extends Exclude<ConfiscationCommand, MakeConfiscationOrder>['type']>(
  type: T,
  data: Extract<ConfiscationCommand, { type: T }>['data'],
): Extract<ConfiscationCommand, { type: T }> {
  return { type, now, data } as Extract<ConfiscationCommand, { type: T }>;
}
