import { earlierRulesFlags } from '@src/ledger/assets/earlier-rules.flags';
import { bitcoin, extension, initialDetention, spec, sterlingCash } from './fixtures';

describe('orders recorded under earlier rules are flagged, not refused', () => {
  it('flags extension orders once measured from the expiry they extended (s.295(2)(a))', () => {
    // Each order made on the day the previous one ended, for 6 months from that expiry.
    const { state } = spec.given([
      sterlingCash,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-06-01T09:00:00.000Z'),
      extension('2027-06-01T09:00:00.000Z', '2027-11-30T10:00:00.000Z'),
    ]);
    expect(earlierRulesFlags(state)).toEqual([
      {
        code: 'detention_order_too_long',
        detail:
          'the order of 2026-12-01 authorised detention to 2027-06-01T09:00:00.000Z, beyond the end of 6 months beginning with its date (2027-05-31)',
        ref: 'EXT',
      },
    ]);
  });

  it('does not flag an order to the very end of its last lawful day', () => {
    const { state } = spec.given([
      sterlingCash,
      initialDetention,
      // 31 May 2027 ends at 23:00 UTC (BST).
      extension('2026-12-01T10:00:00.000Z', '2027-05-31T23:00:00.000Z'),
    ]);
    expect(earlierRulesFlags(state)).toEqual([]);
  });

  it('flags a cryptoasset held into a third year without a s.303Z32(4) order', () => {
    const { state } = spec.given([
      bitcoin,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-05-31T09:00:00.000Z'),
      extension('2028-09-01T09:00:00.000Z', '2029-02-28T10:00:00.000Z', '2028-09-01T09:00:00.000Z'),
    ]);
    expect(earlierRulesFlags(state).map((f) => f.code)).toEqual(['detention_limit_exceeded']);
    expect(earlierRulesFlags(state)[0].detail).toMatch(
      /beyond the limit of 2028-11-30 .*no s\.303Z32\(4\) order is recorded/,
    );
  });
});
