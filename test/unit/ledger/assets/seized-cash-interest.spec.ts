import { AssetEvent } from '@src/ledger/assets/asset.events';
import { command, frozenAccount, initialDetention, spec, sterlingCash } from './fixtures';

/**
 * s.296(1): "If cash is detained under section 295 for more than 48 hours ..., it is at the first
 * opportunity to be paid into an interest-bearing account and held there; and the interest
 * accruing on it is to be added to it on its forfeiture or release." The cash in the fixtures is
 * £15,000 seized Friday 27 November 2026 at 10:00.
 */
describe('s.296: seized cash earning interest', () => {
  const now = '2026-12-31T12:00:00Z';
  const paidIn: AssetEvent = {
    type: 'CashInterestBearingRecorded',
    data: {
      status: 'paid_in',
      account: 'Force suspense account',
      paidInAt: '2026-12-01T14:00:00.000Z',
      occurredAt: '2026-12-01T14:00:00.000Z',
    },
  };
  const credit = (amount: string, creditedOn = '2026-12-31'): AssetEvent => ({
    type: 'InterestCredited',
    data: {
      amount: { amount, currency: 'GBP' },
      creditedOn,
      occurredAt: `${creditedOn}T12:00:00.000Z`,
    },
  });
  const given = [sterlingCash, initialDetention, paidIn];

  it('records the payment into an interest-bearing account', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'RecordInterestBearingAccount',
          { kind: 'paid_in', account: 'Force suspense account', paidInAt: '2026-12-01T14:00:00Z' },
          now,
        ),
      )
      .then([{ ...paidIn, data: { ...paidIn.data, occurredAt: '2026-12-31T12:00:00.000Z' } }]);
  });

  it('records instead that the cash is kept as evidence (s.296(3)), with the reason', () => {
    spec
      .given([sterlingCash])
      .when(
        command(
          'RecordInterestBearingAccount',
          { kind: 'evidence', reason: 'Forensic examination of the notes' },
          now,
        ),
      )
      .thenMatches([{ data: expect.objectContaining({ status: 'evidence' }) }]);
    spec
      .given([sterlingCash])
      .when(command('RecordInterestBearingAccount', { kind: 'evidence' }, now))
      .thenRefuses('invalid_state', 'reason');
  });

  it('is for cash seized under s.294 only, and recorded once', () => {
    spec
      .given([frozenAccount])
      .when(command('RecordInterestBearingAccount', { kind: 'paid_in', account: 'x' }, now))
      .thenRefuses('power_not_applicable');
    spec
      .given(given)
      .when(command('RecordInterestBearingAccount', { kind: 'paid_in', account: 'y' }, now))
      .thenRefuses('invalid_state', 'kind');
  });

  it('refuses a payment-in before the seizure (the first instant is the seizure itself)', () => {
    const at = (paidInAt: string) =>
      command('RecordInterestBearingAccount', { kind: 'paid_in', account: 'x', paidInAt }, now);
    spec
      .given([sterlingCash])
      .when(at('2026-11-27T09:59:59Z'))
      .thenRefuses('invalid_date', 'paidInAt');
    spec
      .given([sterlingCash])
      .when(at('2026-11-27T10:00:00Z'))
      .thenMatches([{ type: 'CashInterestBearingRecorded' }]);
  });

  it('credits interest in sterling, from the day it was paid in, and sums it exactly', () => {
    spec
      .given(given)
      .when(
        command(
          'CreditInterest',
          { amount: { amount: '12.34', currency: 'GBP' }, creditedOn: '2026-12-01' },
          now,
        ),
      )
      .thenMatches([{ type: 'InterestCredited' }]);
    spec
      .given(given)
      .when(
        command(
          'CreditInterest',
          { amount: { amount: '12.34', currency: 'GBP' }, creditedOn: '2026-11-30' },
          now,
        ),
      )
      .thenRefuses('invalid_date', 'creditedOn');
    spec
      .given([sterlingCash, initialDetention])
      .when(command('CreditInterest', { amount: { amount: '1.00', currency: 'GBP' } }, now))
      .thenRefuses('invalid_state');
    expect(spec.given([...given, credit('12.34'), credit('0.67')]).state.interestEarned).toEqual({
      amount: '13.01',
      currency: 'GBP',
    });
  });

  it('the interest goes with the cash on release', () => {
    spec
      .given([...given, credit('12.34'), credit('0.67')])
      .when(command('ReleaseAsset', { reason: 'no_further_action', releasedTo: 'Mr A' }, now))
      .thenMatches([
        {
          type: 'AssetReleased',
          data: expect.objectContaining({ interestAdded: { amount: '13.01', currency: 'GBP' } }),
        },
      ]);
  });

  it('the interest is added to the cash forfeited: £15,000.00 + £13.01 = £15,013.01', () => {
    spec
      .given([...given, credit('12.34'), credit('0.67')])
      .when(command('ForfeitAsset', { route: 'cash_s298', court: 'Croydon MC' }, now))
      .thenMatches([
        {
          type: 'AssetForfeited',
          data: expect.objectContaining({
            gbpAmount: { amount: '15013.01', currency: 'GBP' },
            interestAdded: { amount: '13.01', currency: 'GBP' },
          }),
        },
      ]);
  });
});
