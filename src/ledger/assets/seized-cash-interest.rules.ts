import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import {
  assertNotFuture,
  compareInstants,
  londonDateOf,
  parseIsoDate,
  parseIsoInstant,
} from '../../common/time';
import { CreditInterest, RecordInterestBearingAccount } from './asset.commands';
import { CashInterestBearingRecorded, InterestCredited } from './asset.events';
import { ExistingAsset, requireStatus } from './asset.guards';
import { AssetState } from './asset.state';

function isSeizedCash(asset: Pick<AssetState, 'category' | 'power'>): boolean {
  return asset.category === 'cash' && asset.power === 'POCA_S294_CASH';
}

/**
 * s.296(1): "If cash is detained under section 295 for more than 48 hours (calculated in
 * accordance with section 295(1B)), it is at the first opportunity to be paid into an
 * interest-bearing account and held there; and the interest accruing on it is to be added to it
 * on its forfeiture or release." (3): not "if the cash ... is required as evidence of an offence
 * or evidence in proceedings under this Chapter". CashInterestBearingRecorded records one or the
 * other: the account it was paid into and when (not before the seizure: `invalid_date`), or why it
 * is kept as evidence. Cash under s.294 only (`power_not_applicable`); once (`invalid_state`).
 */
export function decideInterestBearingAccount(
  command: RecordInterestBearingAccount,
  asset: ExistingAsset,
  at: string,
): CashInterestBearingRecorded[] {
  const d = command.data;
  if (!isSeizedCash(asset)) {
    refuse(
      'power_not_applicable',
      `s.296 applies to cash seized under s.294; this asset is ${asset.category} held under ${asset.power}`,
      undefined,
      { power: asset.power, category: asset.category },
    );
  }
  requireStatus(
    asset,
    ['held', 'detained', 'notice_given', 'forfeiture_applied'],
    'record the interest-bearing account',
  );
  if (asset.interestBearing) {
    refuse('invalid_state', `already recorded: ${asset.interestBearing.status}`, 'kind');
  }
  if (d.kind === 'evidence') {
    if (!d.reason?.trim()) {
      refuse('invalid_state', 'say why the cash is required as evidence (s.296(3))', 'reason');
    }
    return [
      {
        type: 'CashInterestBearingRecorded',
        data: { status: 'evidence', reason: d.reason, occurredAt: at },
      },
    ];
  }
  if (d.kind !== 'paid_in') refuse('invalid_state', 'kind is `paid_in` or `evidence`', 'kind');
  if (!d.account?.trim()) refuse('invalid_state', 'name the interest-bearing account', 'account');
  const paidInAt = d.paidInAt === undefined ? at : parseIsoInstant(d.paidInAt, 'paidInAt');
  assertNotFuture(paidInAt, command.now, 'paidInAt');
  if (compareInstants(paidInAt, asset.seizedAt) < 0) {
    refuse('invalid_date', `the cash was seized at ${asset.seizedAt}`, 'paidInAt');
  }
  return [
    {
      type: 'CashInterestBearingRecorded',
      data: { status: 'paid_in', account: d.account, paidInAt, occurredAt: at },
    },
  ];
}

/** InterestCredited: interest the account earned, in sterling, once the cash is paid in. */
export function decideInterestCredit(
  command: CreditInterest,
  asset: ExistingAsset,
  at: string,
): InterestCredited[] {
  if (!isSeizedCash(asset) || asset.interestBearing?.status !== 'paid_in') {
    refuse(
      'invalid_state',
      'interest is credited only on seized cash paid into an interest-bearing account (s.296)',
    );
  }
  requireStatus(
    asset,
    ['held', 'detained', 'notice_given', 'forfeiture_applied'],
    'credit interest',
  );
  const amount = Money.positive(command.data.amount, 'amount');
  if (amount.currency !== 'GBP') {
    refuse('invalid_money', 'interest is credited in sterling', 'amount');
  }
  const creditedOn =
    command.data.creditedOn === undefined
      ? londonDateOf(at)
      : parseIsoDate(command.data.creditedOn, 'creditedOn');
  assertNotFuture(creditedOn, command.now, 'creditedOn');
  const paidInOn = londonDateOf(asset.interestBearing.paidInAt as string);
  if (creditedOn < paidInOn) {
    refuse('invalid_date', `the cash was paid in on ${paidInOn}`, 'creditedOn');
  }
  return [
    { type: 'InterestCredited', data: { amount: amount.toJSON(), creditedOn, occurredAt: at } },
  ];
}

/** The interest credited so far, which goes with the cash on its forfeiture or release. */
export function interestToAdd(asset: Pick<AssetState, 'interestEarned'>): Money | undefined {
  if (!asset.interestEarned) return undefined;
  const earned = Money.parse(asset.interestEarned);
  return earned.isZero() ? undefined : earned;
}
