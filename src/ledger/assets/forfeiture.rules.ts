import { refuse } from '../../common/domain-error';
import { FxRate, Money, toGbp } from '../../common/money';
import { assertNotFuture, londonDateOf, parseIsoDate, parseIsoInstant } from '../../common/time';
import {
  ApplyForForfeiture,
  ForfeitAsset,
  GiveForfeitureNotice,
  ObjectToForfeiture,
  RefuseForfeiture,
} from './asset.commands';
import {
  AssetForfeited,
  ForfeitureApplied,
  ForfeitureNoticeGiven,
  ForfeitureObjected,
  ForfeitureRefused,
  ForfeitureRoute,
  Power,
} from './asset.events';
import { ExistingAsset, recordedRates, requireStatus } from './asset.guards';
import { rateJson } from './exchange-rates.rules';
import { LISTED_CATEGORIES } from './power.rules';
import { currentValuation } from './asset.state';
import { assertCashNoticeAllowed, treatedAsGivenOn } from './notice.rules';
import { interestToAdd } from './seized-cash-interest.rules';
import { earliestObjectionDeadline, timeLimits } from './time-limits';

/** Powers under which magistrates can forfeit (civil forfeiture). */
const FORFEITABLE_POWERS: readonly Power[] = [
  'POCA_S294_CASH',
  'POCA_S303J_LISTED',
  'POCA_S303Z1_AFO',
  'POCA_S303Z29_CRYPTO',
];

function isCash(asset: ExistingAsset): boolean {
  return asset.category === 'cash' && asset.power === 'POCA_S294_CASH';
}

function isFrozenAccount(asset: ExistingAsset): boolean {
  return asset.category === 'bank_account' && asset.power === 'POCA_S303Z1_AFO';
}

/** A notice whose objection window closed without an objection, as at `today`. */
function unobjectedNoticeExpired(asset: ExistingAsset, today: string): boolean {
  const notice = asset.forfeiture.notice;
  return (
    asset.status === 'notice_given' &&
    !!notice &&
    !notice.lapsed &&
    today > notice.objectionDeadline
  );
}

/** Whether a forfeiture route fits the asset's category and power (and, for notices, its notice). */
export function routeFits(route: ForfeitureRoute, asset: ExistingAsset, today: string): boolean {
  switch (route) {
    case 'cash_s298':
      return isCash(asset);
    case 'notice_s297A':
      return isCash(asset) && unobjectedNoticeExpired(asset, today);
    case 'account_s303Z14':
      return isFrozenAccount(asset);
    case 'notice_s303Z9':
      return isFrozenAccount(asset) && unobjectedNoticeExpired(asset, today);
    case 'listed_s303O':
      return LISTED_CATEGORIES.includes(asset.category) && asset.power === 'POCA_S303J_LISTED';
    case 'crypto_s303Z41':
      return asset.category === 'cryptoasset' && asset.power === 'POCA_S303Z29_CRYPTO';
    case 'civil_recovery':
      return true;
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}

function dateOrToday(given: string | undefined, field: string, at: string, now: string): string {
  const date = given === undefined ? londonDateOf(at) : parseIsoDate(given, field);
  assertNotFuture(date, now, field);
  return date;
}

/**
 * s.297A (cash, only while detained under a s.295(2) order: `detention_order_required`) and
 * s.303Z9 (accounts) only. The notice is treated as given on the date the regulations say for how
 * it was sent (`method`, `sentAt`), else on `givenAt`; the period for objecting is at least 30 days
 * starting with the day after (s.297B(2), s.303Z9(5)).
 */
export function decideNotice(
  command: GiveForfeitureNotice,
  asset: ExistingAsset,
  at: string,
): ForfeitureNoticeGiven[] {
  const d = command.data;
  if (!isCash(asset) && !isFrozenAccount(asset)) {
    refuse(
      'power_not_applicable',
      'a forfeiture notice is only for cash held under s.294 (s.297A) or a frozen account (s.303Z9); no notice is offered for cryptoassets yet (forfeiture by order, s.303Z41)',
      undefined,
      { power: asset.power, category: asset.category },
    );
  }
  requireStatus(asset, ['held', 'detained'], 'give a forfeiture notice');
  if ((d.method === undefined) !== (d.sentAt === undefined)) {
    refuse(
      'invalid_state',
      'how the notice was given (method) and when it was sent (sentAt) go together',
      d.method === undefined ? 'method' : 'sentAt',
    );
  }
  let sentAt: string | undefined;
  let givenAt: string;
  if (d.method !== undefined && d.sentAt !== undefined) {
    sentAt = parseIsoInstant(d.sentAt, 'sentAt');
    assertNotFuture(sentAt, command.now, 'sentAt');
    const treated = treatedAsGivenOn(d.method, sentAt);
    givenAt = d.givenAt === undefined ? treated : parseIsoDate(d.givenAt, 'givenAt');
    if (d.method !== 'post' && givenAt !== treated) {
      refuse(
        'invalid_date',
        `a notice sent by ${d.method} at ${sentAt} is treated as given on ${treated}`,
        'givenAt',
        { treatedAsGivenOn: treated },
      );
    }
    if (givenAt < londonDateOf(sentAt)) {
      refuse('invalid_date', 'a notice cannot be given before it was posted', 'givenAt');
    }
  } else {
    givenAt = dateOrToday(d.givenAt, 'givenAt', at, command.now);
  }
  const earliest = earliestObjectionDeadline(givenAt, timeLimits);
  const objectionDeadline =
    d.objectionDeadline === undefined
      ? earliest
      : parseIsoDate(d.objectionDeadline, 'objectionDeadline');
  if (objectionDeadline < earliest) {
    refuse(
      'invalid_state',
      `the objection deadline must be on or after ${earliest} (30 days starting with the day after the notice)`,
      'objectionDeadline',
      { earliest },
    );
  }
  if (isCash(asset)) assertCashNoticeAllowed(asset, at);
  return [
    {
      type: 'ForfeitureNoticeGiven',
      data: {
        noticeRef: d.noticeRef,
        givenAt,
        objectionDeadline,
        ...(d.method !== undefined && { method: d.method }),
        ...(sentAt !== undefined && { sentAt }),
        occurredAt: at,
      },
    },
  ];
}

/** An objection within the window lapses the notice. */
export function decideObjection(
  command: ObjectToForfeiture,
  asset: ExistingAsset,
  at: string,
): ForfeitureObjected[] {
  const notice = asset.forfeiture.notice;
  if (asset.status !== 'notice_given' || !notice) {
    refuse('invalid_state', 'No forfeiture notice is pending', undefined, { status: asset.status });
  }
  const madeAt =
    command.data.madeAt === undefined ? at : parseIsoInstant(command.data.madeAt, 'madeAt');
  assertNotFuture(madeAt, command.now, 'madeAt');
  const receivedAt = dateOrToday(command.data.receivedAt, 'receivedAt', madeAt, command.now);
  if (receivedAt < notice.givenAt) {
    refuse('invalid_date', `the notice was given on ${notice.givenAt}`, 'receivedAt');
  }
  if (receivedAt > notice.objectionDeadline) {
    refuse(
      'invalid_state',
      `the objection window closed on ${notice.objectionDeadline}`,
      'receivedAt',
      { objectionDeadline: notice.objectionDeadline },
    );
  }
  return [
    {
      type: 'ForfeitureObjected',
      data: { objector: command.data.objector, receivedAt, madeAt, occurredAt: at },
    },
  ];
}

export function decideApplication(
  command: ApplyForForfeiture,
  asset: ExistingAsset,
  at: string,
): ForfeitureApplied[] {
  if (!FORFEITABLE_POWERS.includes(asset.power)) {
    refuse('power_not_applicable', `${asset.power} has no civil forfeiture`, undefined, {
      power: asset.power,
    });
  }
  requireStatus(asset, ['held', 'detained'], 'apply for forfeiture');
  const appliedAt = dateOrToday(command.data.appliedAt, 'appliedAt', at, command.now);
  return [
    { type: 'ForfeitureApplied', data: { court: command.data.court, appliedAt, occurredAt: at } },
  ];
}

/**
 * AssetForfeited: the route must fit (else `power_not_applicable`); the amount defaults to the whole
 * current value in sterling; a foreign amount is converted at the rate given or recorded.
 */
export function decideForfeiture(
  command: ForfeitAsset,
  asset: ExistingAsset,
  at: string,
): AssetForfeited[] {
  const d = command.data;
  requireStatus(
    asset,
    ['held', 'detained', 'notice_given', 'forfeiture_applied'],
    'forfeit',
    'route',
  );
  const today = londonDateOf(at);
  if (!routeFits(d.route, asset, today)) {
    refuse(
      'power_not_applicable',
      `${d.route} does not apply to ${asset.category} held under ${asset.power}` +
        (d.route.startsWith('notice_') ? ' with an unobjected notice whose window has closed' : ''),
      'route',
      { power: asset.power, category: asset.category },
    );
  }
  let amount: Money;
  let gbpAmount: Money;
  let rate: FxRate | undefined;
  const interest = interestToAdd(asset);
  if (d.amount !== undefined) {
    amount = Money.positive(d.amount, 'amount');
    if (amount.currency !== 'GBP') {
      rate = d.fx
        ? FxRate.parse(d.fx.currency, d.fx, 'fx')
        : recordedRates(asset).get(amount.currency);
    }
    gbpAmount = toGbp(amount, rate, 'amount');
  } else {
    const current = currentValuation(asset, today);
    if (!current) {
      refuse('invalid_money', 'the asset has no known value: give the amount forfeited', 'amount');
    }
    amount = gbpAmount = Money.parse(current.gbpValue);
    // s.296(1): interest on detained cash "is to be added to it on its forfeiture".
    if (interest) amount = gbpAmount = gbpAmount.plus(interest);
  }
  return [
    {
      type: 'AssetForfeited',
      data: {
        route: d.route,
        ...(d.orderRef !== undefined && { orderRef: d.orderRef }),
        ...(d.court !== undefined && { court: d.court }),
        amount: amount.toJSON(),
        gbpAmount: gbpAmount.toJSON(),
        ...(rate && { fx: rateJson(rate) }),
        ...(interest && { interestAdded: interest.toJSON() }),
        occurredAt: at,
      },
    },
  ];
}

/** Back to detained (or held, for an account never detained), or released. */
export function decideRefusal(
  command: RefuseForfeiture,
  asset: ExistingAsset,
  at: string,
): ForfeitureRefused[] {
  const { court, reason } = command.data;
  const outcome = command.data.outcome ?? 'detained';
  requireStatus(asset, ['forfeiture_applied'], 'record a refusal of forfeiture');
  if (outcome === 'released' && asset.restrainedBy.length > 0) {
    refuse(
      'asset_restrained',
      `The asset is under restraint order ${asset.restrainedBy.join(', ')}`,
      'outcome',
    );
  }
  return [{ type: 'ForfeitureRefused', data: { court, reason, outcome, occurredAt: at } }];
}
