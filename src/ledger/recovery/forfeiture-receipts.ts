import { Money } from '../../common/money';
import { londonDateOf } from '../../common/time';
import { ForfeitureRoute } from '../assets/asset.events';
import { AssetState } from '../assets/asset.state';
import {
  allocateReceipt,
  ArisTable,
  DEFAULT_ARIS_TABLE,
  ReceiptAllocation,
  ReceiptType,
} from './aris';

/**
 * Which kind of receipt a forfeited asset's proceeds are, by the route it was forfeited on: cash
 * (s.298 order, s.297A notice), accounts (s.303Z14 order, s.303Z9 notice), listed assets (s.303O),
 * cryptoassets (s.303Z41) and civil recovery (Part 5 Chapter 2). The ARIS table shares each kind out.
 */
export const RECEIPT_TYPE_OF_ROUTE: Record<ForfeitureRoute, ReceiptType> = {
  cash_s298: 'cash_forfeiture',
  notice_s297A: 'cash_forfeiture',
  account_s303Z14: 'account_forfeiture',
  notice_s303Z9: 'account_forfeiture',
  listed_s303O: 'listed_asset_forfeiture',
  crypto_s303Z41: 'crypto_forfeiture',
  civil_recovery: 'civil_recovery',
};

/** A receipt with its allocation: compensation first, then the ARIS shares. */
export interface ReceiptRecord {
  receiptId: string;
  /** `confiscation` for a payment on an order; `forfeiture` for a forfeited asset. */
  source: 'confiscation' | 'forfeiture';
  /** The order or asset it came from. */
  sourceId: string;
  /** Compensation and the ARIS shares of what paid the order (refunds due are not shared). */
  allocation: ReceiptAllocation;
  /**
   * A confiscation receipt beyond what was owed: the surplus, due back to the payer. The cash
   * received is `allocation.amount + refundDue`; ARIS and compensation share only the allocation.
   */
  refundDue?: Money;
}

/**
 * The receipt a forfeited asset gives: its forfeiture receipt type, at the forfeited GBP amount,
 * dated by the London date of the forfeiture (`dateOf`, londonDateOf unless the caller remembers
 * dates).
 */
export function forfeitureReceipt(
  assetId: string,
  state: AssetState,
  table: ArisTable = DEFAULT_ARIS_TABLE,
  dateOf: (instant: string) => string = londonDateOf,
): ReceiptRecord | undefined {
  const forfeited = state.forfeiture.forfeited;
  if (!state.exists || state.status === 'voided' || !forfeited) return undefined;
  return {
    receiptId: `forfeiture-${assetId}`,
    source: 'forfeiture',
    sourceId: assetId,
    allocation: allocateReceipt(
      {
        type: RECEIPT_TYPE_OF_ROUTE[forfeited.route],
        amount: Money.parse(forfeited.gbpAmount),
        date: dateOf(forfeited.at),
      },
      table,
    ),
  };
}
