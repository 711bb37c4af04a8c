import { AssetEvent } from '@src/ledger/assets/asset.events';
import { freezingOrderEnds } from '@src/ledger/assets/freezing-order.rules';
import { command, frozenAccount, spec, sterlingCash } from './fixtures';

/**
 * s.303Z3(4): "The period specified by the relevant court for the purposes of subsection (3)
 * (whether when the order is first made or on a variation under section 303Z4) may not exceed the
 * period of 2 years, starting with the day on which the account freezing order is (or was) made."
 * The account in the fixtures came under s.303Z1 on Friday 27 November 2026.
 */
describe('FreezingOrderPeriodSet (s.303Z3(3)-(4), s.303Z4)', () => {
  const now = '2026-12-02T10:00:00Z';
  const made = (expiresOn: string, more = {}) =>
    command(
      'SetFreezingOrderPeriod',
      { kind: 'made', court: 'Westminster MC', orderRef: 'AFO/1', expiresOn, ...more },
      now,
    );
  const madeEvent: AssetEvent = {
    type: 'FreezingOrderPeriodSet',
    data: {
      kind: 'made',
      court: 'Westminster MC',
      orderRef: 'AFO/1',
      madeOn: '2026-11-27',
      expiresOn: '2027-05-26',
      occurredAt: '2026-12-02T10:00:00.000Z',
    },
  };

  it('records the period the court specified, made on the day the account was frozen', () => {
    spec.given([frozenAccount]).when(made('2027-05-26')).then([madeEvent]);
  });

  it('accepts the last day of the 2 years, 26 November 2028, and refuses the day after', () => {
    spec
      .given([frozenAccount])
      .when(made('2028-11-26'))
      .thenMatches([{ data: expect.objectContaining({ expiresOn: '2028-11-26' }) }]);
    spec
      .given([frozenAccount])
      .when(made('2028-11-27'))
      .thenRefuses('detention_order_too_long', 'expiresOn');
  });

  it('accepts a period ending on the first day itself, refuses one ending before it', () => {
    spec
      .given([frozenAccount])
      .when(made('2026-11-27'))
      .thenMatches([{ type: 'FreezingOrderPeriodSet' }]);
    spec.given([frozenAccount]).when(made('2026-11-26')).thenRefuses('invalid_date', 'expiresOn');
  });

  it('a variation keeps the date the order was made, and so its 2 years', () => {
    const vary = (expiresOn: string) =>
      command(
        'SetFreezingOrderPeriod',
        { kind: 'variation', court: 'Westminster MC', expiresOn },
        now,
      );
    spec
      .given([frozenAccount, madeEvent])
      .when(vary('2028-11-26'))
      .thenMatches([
        { data: expect.objectContaining({ madeOn: '2026-11-27', expiresOn: '2028-11-26' }) },
      ]);
    spec
      .given([frozenAccount, madeEvent])
      .when(vary('2028-11-27'))
      .thenRefuses('detention_order_too_long', 'expiresOn');
    spec.given([frozenAccount, madeEvent]).when(made('2027-01-01')).thenRefuses('invalid_state');
  });

  it('is for accounts under s.303Z1 only', () => {
    spec.given([sterlingCash]).when(made('2027-01-01')).thenRefuses('power_not_applicable');
  });

  it('the order ends on the specified day, else at the statutory maximum', () => {
    expect(freezingOrderEnds(spec.given([frozenAccount]).state)).toEqual({
      lastDay: '2028-11-26',
      madeOn: '2026-11-27',
      specified: false,
    });
    expect(freezingOrderEnds(spec.given([frozenAccount, madeEvent]).state)).toEqual({
      lastDay: '2027-05-26',
      madeOn: '2026-11-27',
      specified: true,
    });
  });
});
