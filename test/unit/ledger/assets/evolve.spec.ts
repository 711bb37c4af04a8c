import fc from 'fast-check';
import { AssetEvent, AssetValued, ValuationWithdrawn } from '@src/ledger/assets/asset.events';
import {
  AssetState,
  currentValuation,
  evolve,
  initialAssetState,
} from '@src/ledger/assets/asset.state';
import { initialDetention, listedWatch, paceVehicle, sterlingCash } from './fixtures';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Folds `events`, freezing every state on the way (evolve must never change one). */
function fold(events: AssetEvent[], from: AssetState = initialAssetState): AssetState[] {
  const states: AssetState[] = [];
  let state = deepFreeze(from);
  for (const event of events) {
    state = deepFreeze(evolve(state, event));
    states.push(state);
  }
  return states;
}

const valued = (valuationId: string, valuedAsAt: string, amount: string): AssetValued => ({
  type: 'AssetValued',
  data: {
    valuationId,
    basis: 'market',
    value: { amount, currency: 'GBP' },
    gbpValue: { amount, currency: 'GBP' },
    valuedAsAt,
    valuer: 'Watchfinder',
    occurredAt: '2026-12-01T10:00:00.000Z',
  },
});

const withdrawn = (valuationId: string): ValuationWithdrawn => ({
  type: 'ValuationWithdrawn',
  data: { valuationId, reason: 'Wrong model', occurredAt: '2026-12-02T10:00:00.000Z' },
});

describe('evolve (asset)', () => {
  it('never changes the state it is given, and counts every event', () => {
    const states = fold([sterlingCash, initialDetention, valued('v-1', '2026-11-30', '100.00')]);
    expect(states.map((s) => s.version)).toEqual([1, 2, 3]);
    expect(states[2].status).toBe('detained');
  });

  it('keeps keys in the order they first appeared (stored states are byte-stable)', () => {
    const [, , last] = fold([listedWatch, initialDetention, valued('v-1', '2026-11-30', '9.00')]);
    const keys = Object.keys(last);
    expect(keys.slice(0, 6)).toEqual([
      'exists',
      'fx',
      'valuations',
      'forfeiture',
      'restrainedBy',
      'version',
    ]);
    expect(keys.slice(-3)).toEqual(['intelligence', 'currentValue', 'detention']);
    expect(Object.keys(last.valuations[0])).toEqual([
      'valuationId',
      'basis',
      'value',
      'gbpValue',
      'valuedAsAt',
      'valuer',
      'recordedAt',
      'withdrawn',
    ]);
  });

  it('keeps the current value as currentValuation works it out, valuation by valuation', () => {
    const dates = ['2026-11-28', '2026-11-29', '2026-11-30'];
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('value' as const),
        date: fc.constantFrom(...dates),
        pence: fc.integer({ min: 1, max: 99_999 }),
      }),
      fc.record({ kind: fc.constant('withdraw' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(sterlingCash, listedWatch, paceVehicle),
        fc.array(step, { maxLength: 25 }),
        (seizure, steps) => {
          let n = 0;
          const events: AssetEvent[] = [seizure];
          for (const s of steps) {
            if (s.kind === 'value') {
              n += 1;
              events.push(valued(`v-${n}`, s.date, (s.pence / 100).toFixed(2)));
            } else if (n > 0) {
              events.push(withdrawn(`v-${(s.which % n) + 1}`));
            }
          }
          for (const state of fold(events)) {
            expect(state.currentValue).toEqual(currentValuation(state));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('works the current value out from every valuation when a state is out of step', () => {
    const [seized] = fold([listedWatch]);
    // A state without its current value (as if stored before it was kept): the later-dated
    // valuation already recorded stays in force.
    const stale: AssetState = {
      ...seized,
      valuations: [
        {
          valuationId: 'v-1',
          basis: 'market',
          value: { amount: '5.00', currency: 'GBP' },
          gbpValue: { amount: '5.00', currency: 'GBP' },
          valuedAsAt: '2026-12-01',
          valuer: 'X',
          recordedAt: '2026-12-01T10:00:00.000Z',
          withdrawn: false,
        },
      ],
      currentValue: undefined,
    };
    const [after] = fold([valued('v-2', '2026-11-30', '7.00')], stale);
    expect(after.currentValue?.valuationId).toBe('v-1');
  });
});
