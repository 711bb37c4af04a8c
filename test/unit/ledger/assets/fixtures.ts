import { AssetCommand } from '@src/ledger/assets/asset.commands';
import { assetDecider } from '@src/ledger/assets/asset.decider';
import {
  AssetEvent,
  AssetSeized,
  DetentionOrdered,
  RateUsed,
} from '@src/ledger/assets/asset.events';
import { deciderSpec } from '../../../support/decider-spec';

export const spec = deciderSpec(assetDecider);

/** Friday 27 November 2026, 10:00 in London (GMT). */
export const SEIZED_AT = '2026-11-27T10:00:00.000Z';
export const NOW = '2026-11-27T12:00:00.000Z';

export const EUR_RATE: RateUsed = {
  currency: 'EUR',
  rateToGbp: '0.8567',
  source: 'Bank of England spot',
  asAt: '2026-11-27',
};

export const BTC_PRICE: RateUsed = {
  currency: 'BTC',
  rateToGbp: '50000.00',
  source: 'CoinGecko',
  asAt: '2026-11-27',
};

type CommandOf<T extends AssetCommand['type']> = Extract<AssetCommand, { type: T }>;

/** The top-level `context` a command of `type` takes (never for commands without one). */
type ContextOf<T extends AssetCommand['type']> =
  CommandOf<T> extends { context?: infer C } ? (unknown extends C ? never : C) : never;

/** A command of `type` with `data`, decided at `now` (default NOW), and `context` if given. */
export function command<T extends AssetCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  now = NOW,
  context?: ContextOf<T>,
): CommandOf<T> {
  return { type, data, now, ...(context !== undefined && { context }) } as CommandOf<T>;
}

export const OPEN_CASE = { case: { exists: true, closed: false, subjectIds: ['s-1'] } };

/** The common fields of a seizure command (cash under s.294, declared later per test). */
export const seizure = {
  assetId: 'a-1',
  caseId: 'c-1',
  exhibitRef: 'JS/1',
  power: 'POCA_S294_CASH' as const,
  category: 'cash' as const,
  description: 'Cash in a holdall',
  location: '12 High Street, Croydon',
  custodyLocation: 'Croydon property store',
  occurredAt: SEIZED_AT,
};

/** An AssetSeized event (the common fields plus `data`). */
export function seized(data: Partial<AssetSeized['data']> = {}): AssetSeized {
  const { occurredAt, ...common } = seizure;
  return { type: 'AssetSeized', data: { ...common, occurredAt, ...data } };
}

export const sterlingCash = seized({
  declared: { amount: '15000.00', currency: 'GBP' },
  declaredGbp: { amount: '15000.00', currency: 'GBP' },
});

export const euroCash = seized({
  declared: { amount: '12500.00', currency: 'EUR' },
  fx: [EUR_RATE],
  declaredGbp: { amount: '10708.75', currency: 'GBP' },
});

/** A watch held under s.303J (listed asset), seized on Wednesday 25 November 2026 10:00. */
export const listedWatch = seized({
  assetId: 'a-2',
  exhibitRef: 'JS/2',
  power: 'POCA_S303J_LISTED',
  category: 'watch',
  description: 'Rolex Submariner',
  declared: { amount: '8000.00', currency: 'GBP' },
  declaredGbp: { amount: '8000.00', currency: 'GBP' },
  occurredAt: '2026-11-25T10:00:00.000Z',
});

export const bitcoin = seized({
  assetId: 'a-3',
  exhibitRef: 'JS/3',
  power: 'POCA_S303Z29_CRYPTO',
  category: 'cryptoasset',
  description: 'Hardware wallet',
  declared: { symbol: 'BTC', quantity: '1.5' },
  fx: [BTC_PRICE],
  declaredGbp: { amount: '75000.00', currency: 'GBP' },
});

export const frozenAccount = seized({
  assetId: 'a-4',
  exhibitRef: 'JS/4',
  power: 'POCA_S303Z1_AFO',
  category: 'bank_account',
  description: 'Current account',
  declared: {
    institution: 'Barclays',
    accountRef: '20-00-00 12345678',
    balance: { amount: '25000.00', currency: 'GBP' },
  },
  declaredGbp: { amount: '25000.00', currency: 'GBP' },
});

export const paceVehicle = seized({
  assetId: 'a-5',
  exhibitRef: 'JS/5',
  power: 'PACE_S19',
  category: 'vehicle',
  description: 'BMW X5',
  declared: { amount: '30000.00', currency: 'GBP' },
  declaredGbp: { amount: '30000.00', currency: 'GBP' },
});

/** The s.295 initial detention of `sterlingCash`: Friday 10:00 to Tuesday 10:00. */
export const initialDetention: DetentionOrdered = {
  type: 'DetentionOrdered',
  data: {
    kind: 'initial',
    startsAt: SEIZED_AT,
    expiresAt: '2026-12-01T10:00:00.000Z',
    occurredAt: '2026-11-27T10:30:00.000Z',
  },
};

export function extension(
  startsAt: string,
  expiresAt: string,
  occurredAt = startsAt,
): DetentionOrdered {
  return {
    type: 'DetentionOrdered',
    data: {
      kind: 'extension',
      orderRef: 'EXT',
      court: 'Croydon MC',
      startsAt,
      expiresAt,
      occurredAt,
    },
  };
}

export function restrained(restraintOrderId: string, occurredAt = NOW): AssetEvent {
  return { type: 'AssetPlacedUnderRestraint', data: { restraintOrderId, occurredAt } };
}
