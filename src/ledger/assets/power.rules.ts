import { refuse } from '../../common/domain-error';
import { Category, Power } from './asset.events';

/**
 * Listed assets (s.303B): precious metals, precious stones, watches, artistic works, face-value
 * vouchers and postage stamps, the categories the s.303J power can seize. `jewellery` is kept as
 * listed (it is made of precious metals or stones; verify case by case). `other` is not listed.
 */
export const LISTED_CATEGORIES: readonly Category[] = [
  'precious_metal',
  'precious_stone',
  'jewellery',
  'watch',
  'artwork',
  'face_value_voucher',
  'postage_stamp',
];

/**
 * s.47C (Part 2): property seized to prevent its dissipation has its own clock: 48 hours initially
 * (s.47J), then detention pending a restraint order (s.47K) or under a magistrates' order (s.47M).
 */
export const PART2_DETAINABLE_POWERS: readonly Power[] = ['POCA_S47C'];

/** Powers with a civil-forfeiture detention clock (s.295, s.303K, and cryptoassets seized under s.303Z29). */
export const DETAINABLE_POWERS: readonly Power[] = [
  'POCA_S294_CASH',
  'POCA_S303J_LISTED',
  'POCA_S303Z29_CRYPTO',
];

/** Refuses `power_not_applicable` unless `power` may hold an asset of `category`. */
export function assertPowerApplies(power: Power, category: Category, field = 'power'): void {
  const no = (why: string): never =>
    refuse('power_not_applicable', why, field, { power, category });
  switch (power) {
    case 'PACE_S19':
    case 'PACE_S22':
      return;
    case 'POCA_S294_CASH':
      if (category !== 'cash') no(`the s.294 cash power cannot hold ${category}`);
      return;
    case 'POCA_S303J_LISTED':
      if (!LISTED_CATEGORIES.includes(category)) {
        no(`${category} is not a listed asset (s.303B): ${LISTED_CATEGORIES.join(', ')}`);
      }
      return;
    case 'POCA_S303Z1_AFO':
      if (category !== 'bank_account') no('an account freezing order only applies to accounts');
      return;
    case 'POCA_S303Z29_CRYPTO':
      if (category !== 'cryptoasset') no('the s.303Z29 power only applies to cryptoassets');
      return;
    case 'POCA_S47C':
      if (category === 'cash') no('s.47C cannot be used to seize cash');
      return;
    case 'RESTRAINT_S41':
      no(
        'RESTRAINT_S41 is not a seizure power: an asset comes under restraint through a restraint order',
      );
      return;
    default: {
      const unknown: never = power;
      no(`unknown power ${String(unknown)}`);
    }
  }
}
