import { refuse } from '../../common/domain-error';
import {
  cashDetentionExpiry,
  epochMsToIso,
  instantToEpochMs,
  londonDateOf,
  MS_PER_HOUR,
  ENGLAND_AND_WALES,
  parseIsoInstant,
  WorkingCalendar,
} from '../../common/time';
import { OrderDetention } from './asset.commands';
import { DetentionOrdered, Power } from './asset.events';
import { ExistingAsset, requireStatus } from './asset.guards';
import { AssetState } from './asset.state';
import { assertExtensionLength, assertOverallLimit } from './detention-limits.rules';
import { DETAINABLE_POWERS, PART2_DETAINABLE_POWERS } from './power.rules';
import { AssetTimeLimits, isAfter, timeLimits } from './time-limits';

/** Hours of the initial detention period for the power the asset is held under. */
export function initialHours(
  power: Power,
  seniorOfficerAuthority: boolean,
  limits: AssetTimeLimits,
): number {
  if (power === 'POCA_S303J_LISTED') {
    return seniorOfficerAuthority ? limits.listedSeniorOfficerHours : limits.listedInitialHours;
  }
  if (power === 'POCA_S303Z29_CRYPTO') return limits.cryptoInitialHours;
  if (power === 'POCA_S47C') return limits.s47cInitialHours;
  return limits.cashInitialHours;
}

/**
 * The latest expiry of an initial detention starting at `startsAt`: counted hours, not counting
 * Saturdays, Sundays, Christmas Day, Good Friday and bank holidays (the s.295 clock). A start the
 * calendar does not cover is refused with `invalid_date` rather than guessed.
 */
export function initialExpiry(
  startsAt: string,
  hours: number,
  power: Power,
  limits: AssetTimeLimits = timeLimits,
  calendar?: WorkingCalendar,
): string {
  try {
    return periodEnd(power, startsAt, hours, limits, calendar);
  } catch (e) {
    if (e instanceof RangeError) {
      refuse(
        'invalid_date',
        `no bank-holiday data to count the detention period: ${e.message}`,
        'startsAt',
      );
    }
    throw e;
  }
}

/**
 * The end of `hours` from `startsAt`: counted as s.295(1B) counts, except for listed assets when
 * `limits.listedHoursCounting` says s.303K's hours are real hours.
 */
function periodEnd(
  power: Power,
  startsAt: string,
  hours: number,
  limits: AssetTimeLimits,
  calendar?: WorkingCalendar,
): string {
  if (power === 'POCA_S303J_LISTED' && limits.listedHoursCounting === 'real') {
    return epochMsToIso((instantToEpochMs(startsAt) as number) + hours * MS_PER_HOUR);
  }
  return cashDetentionExpiry(startsAt, calendar, hours);
}

/** The statutory initial period an asset is in from its seizure, before any detention is recorded. */
export interface InitialPeriod {
  /** When the asset came under the power: the period's start. */
  startsAt: string;
  /** The end of the counted hours (s.295(1), (1B); s.303K; cryptoassets seized under s.303Z29). */
  expiresAt: string;
  countedHours: number;
}

/**
 * s.295(1): cash seized under s.294 "may be detained initially for a period of 48 hours",
 * counted as (1B) says (no Saturdays, Sundays, Christmas Day, Good Friday or bank holidays): so
 * the clock runs from the seizure itself, whether or not a detention is recorded. Listed assets
 * (s.303K: 6 hours without a senior officer's authority) and cryptoassets seized under s.303Z29 likewise.
 * Undefined once a detention is recorded (its own expiry then counts), when the asset is no
 * longer simply held, or when the bank-holiday data does not cover the start.
 */
export function initialPeriodFromSeizure(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
  calendar: WorkingCalendar = ENGLAND_AND_WALES,
): InitialPeriod | undefined {
  if (!state.exists || state.detention || state.status !== 'held') return undefined;
  if (!state.power || !state.powerSince || !hasDetentionClock(state.power)) return undefined;
  // s.47K: under a restraint order, or pending the application for one, the s.47J clock stops.
  if (
    state.power === 'POCA_S47C' &&
    (state.restrainedBy.length > 0 || state.restraintApplication)
  ) {
    return undefined;
  }
  const countedHours = initialHours(state.power, false, limits);
  try {
    const expiresAt = periodEnd(state.power, state.powerSince, countedHours, limits, calendar);
    return { startsAt: state.powerSince, expiresAt, countedHours };
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** s.47K: under a restraint order, or pending the application for one, the s.47J clock stops. */
export function s47cClockStopped(state: AssetState): boolean {
  return (
    state.power === 'POCA_S47C' &&
    (state.restrainedBy.length > 0 || state.restraintApplication !== undefined)
  );
}

/** Whether assets held under `power` have a detention clock (Part 5, or s.47C under Part 2). */
export function hasDetentionClock(power: Power): boolean {
  return DETAINABLE_POWERS.includes(power) || PART2_DETAINABLE_POWERS.includes(power);
}

/**
 * DetentionOrdered, only for assets held under a civil-forfeiture power (s.294, s.303J, s.303Z29).
 * `initial`: starts when the asset came under that power (unless given) and lasts the statutory
 * counted hours (s.295: 48; s.303K: 6, or 48 with a senior officer's authority); a longer expiry is
 * `detention_order_too_long`. `extension`: starts at the current expiry (or when made, if that has
 * passed); authorises detention at most to the end of 6 months beginning with the date of the
 * order (`detention_order_too_long`) and, for a further order, of 2 years beginning with the date
 * of the first order, or the end a s.303Z32(4) order set for cryptoassets (`detention_limit_exceeded`); when made after the
 * current detention expired it needs a `lateReason` (`detention_lapsed`).
 */
export function decideDetention(
  command: OrderDetention,
  asset: ExistingAsset,
  at: string,
): DetentionOrdered[] {
  const d = command.data;
  if (!hasDetentionClock(asset.power)) {
    refuse(
      'power_not_applicable',
      `${asset.power} has no detention clock: only s.294 cash, s.303J listed assets, s.303Z29 cryptoassets and s.47C property are detained`,
      undefined,
      { power: asset.power },
    );
  }
  requireStatus(
    asset,
    ['held', 'detained', 'notice_given', 'forfeiture_applied'],
    'order detention',
  );
  if (d.seniorOfficerAuthority && !d.authorisedBy) {
    refuse('invalid_state', "a senior officer's authority names the officer", 'authorisedBy');
  }
  if (d.kind !== 'initial' && d.kind !== 'extension') {
    refuse('invalid_state', 'kind is `initial` or `extension`', 'kind');
  }
  const limits = timeLimits;
  const current = asset.detention;
  let startsAt: string;
  let expiresAt: string;
  let orderDate: string | undefined;

  if (d.kind === 'initial') {
    if (current) refuse('invalid_state', 'the initial detention is already recorded', 'kind');
    startsAt =
      d.startsAt === undefined ? asset.powerSince : parseIsoInstant(d.startsAt, 'startsAt');
    const senior = asset.power === 'POCA_S303J_LISTED' && d.seniorOfficerAuthority === true;
    const hours = initialHours(asset.power, senior, limits);
    const latest = initialExpiry(startsAt, hours, asset.power, limits);
    expiresAt = d.expiresAt === undefined ? latest : parseIsoInstant(d.expiresAt, 'expiresAt');
    assertEndsAfterStart(startsAt, expiresAt);
    if (isAfter(expiresAt, latest)) {
      refuse(
        'detention_order_too_long',
        `the initial detention lasts at most ${hours} counted hours (until ${latest})`,
        'expiresAt',
        { latest },
      );
    }
  } else {
    if (d.expiresAt === undefined) {
      refuse('invalid_date', 'an extension order needs its expiry', 'expiresAt');
    }
    const lapsed = current !== undefined && isAfter(at, current.expiresAt);
    startsAt =
      d.startsAt !== undefined
        ? parseIsoInstant(d.startsAt, 'startsAt')
        : current && !lapsed
          ? current.expiresAt
          : at;
    expiresAt = parseIsoInstant(d.expiresAt, 'expiresAt');
    assertEndsAfterStart(startsAt, expiresAt);
    if (current && (lapsed || isAfter(startsAt, current.expiresAt)) && !d.lateReason?.trim()) {
      refuse(
        'detention_lapsed',
        `the detention expired at ${current.expiresAt}: record why the application was late`,
        'lateReason',
        { expiredAt: current.expiresAt },
      );
    }
    orderDate = londonDateOf(at);
    if (asset.power === 'POCA_S47C') {
      // s.47M: a magistrates' court extends the s.47J period; its limits are not in the text we
      // have, so only the court is required here (docs/domain.md).
      if (!d.court?.trim()) {
        refuse('invalid_state', 'a s.47M order names the magistrates’ court', 'court');
      }
    } else {
      assertExtensionLength(orderDate, expiresAt, limits);
      assertOverallLimit(current, orderDate, expiresAt, limits);
    }
  }

  return [
    {
      type: 'DetentionOrdered',
      data: {
        kind: d.kind,
        ...(d.orderRef !== undefined && { orderRef: d.orderRef }),
        ...(d.court !== undefined && { court: d.court }),
        ...(d.authorisedBy !== undefined && { authorisedBy: d.authorisedBy }),
        ...(d.seniorOfficerAuthority !== undefined && {
          seniorOfficerAuthority: d.seniorOfficerAuthority,
        }),
        startsAt,
        expiresAt,
        ...(orderDate !== undefined && { orderDate }),
        ...(d.lateReason !== undefined && { lateReason: d.lateReason }),
        occurredAt: at,
      },
    },
  ];
}

function assertEndsAfterStart(startsAt: string, expiresAt: string): void {
  if (!isAfter(expiresAt, startsAt)) {
    refuse('invalid_date', 'the detention must end after it starts', 'expiresAt', { startsAt });
  }
}
