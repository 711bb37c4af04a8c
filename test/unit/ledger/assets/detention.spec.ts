import { initialPeriodFromSeizure } from '@src/ledger/assets/detention.rules';
import { detentionLimit } from '@src/ledger/assets/detention-limits.rules';
import { timeLimits } from '@src/ledger/assets/time-limits';
import { AssetEvent } from '@src/ledger/assets/asset.events';
import {
  bitcoin,
  command,
  extension,
  frozenAccount,
  initialDetention,
  listedWatch,
  paceVehicle,
  SEIZED_AT,
  seized,
  spec,
  sterlingCash,
} from './fixtures';

const cashNow = '2026-11-27T10:30:00Z';

describe('DetentionOrdered: initial', () => {
  it('defaults cash to 48 counted hours: seized Friday 10:00, expires Tuesday 10:00', () => {
    spec
      .given([sterlingCash])
      .when(command('OrderDetention', { kind: 'initial', authorisedBy: 'DS Khan' }, cashNow))
      .then([
        {
          type: 'DetentionOrdered',
          data: {
            kind: 'initial',
            authorisedBy: 'DS Khan',
            startsAt: SEIZED_AT,
            expiresAt: '2026-12-01T10:00:00.000Z',
            occurredAt: '2026-11-27T10:30:00.000Z',
          },
        },
      ]);
  });

  it('does not count Christmas Day or the Boxing Day substitute holiday', () => {
    const christmasEve = seized({ ...sterlingCash.data, occurredAt: '2026-12-24T10:00:00.000Z' });
    spec
      .given([christmasEve])
      .when(command('OrderDetention', { kind: 'initial' }, '2026-12-24T11:00:00Z'))
      .thenMatches([{ data: expect.objectContaining({ expiresAt: '2026-12-30T10:00:00.000Z' }) }]);
  });

  it('starts the clock when the asset came under the civil power', () => {
    const rebased: AssetEvent[] = [
      seized({ power: 'PACE_S19', declared: { amount: '5000.00', currency: 'GBP' } }),
      {
        type: 'LegalBasisChanged',
        data: {
          from: 'PACE_S19',
          to: 'POCA_S294_CASH',
          reason: 'r',
          occurredAt: '2026-11-30T09:00:00.000Z',
        },
      },
    ];
    spec
      .given(rebased)
      .when(command('OrderDetention', { kind: 'initial' }, '2026-11-30T09:30:00Z'))
      .thenMatches([
        {
          data: expect.objectContaining({
            startsAt: '2026-11-30T09:00:00.000Z',
            expiresAt: '2026-12-02T09:00:00.000Z',
          }),
        },
      ]);
  });

  it('gives listed assets 6 hours', () => {
    spec
      .given([listedWatch])
      .when(command('OrderDetention', { kind: 'initial' }, '2026-11-25T11:00:00Z'))
      .thenMatches([
        {
          data: expect.objectContaining({
            startsAt: '2026-11-25T10:00:00.000Z',
            expiresAt: '2026-11-25T16:00:00.000Z',
          }),
        },
      ]);
  });

  it("gives listed assets 48 hours with a senior officer's authority", () => {
    spec
      .given([listedWatch])
      .when(
        command(
          'OrderDetention',
          { kind: 'initial', authorisedBy: 'Supt Jones', seniorOfficerAuthority: true },
          '2026-11-25T11:00:00Z',
        ),
      )
      .then([
        {
          type: 'DetentionOrdered',
          data: {
            kind: 'initial',
            authorisedBy: 'Supt Jones',
            seniorOfficerAuthority: true,
            startsAt: '2026-11-25T10:00:00.000Z',
            expiresAt: '2026-11-27T10:00:00.000Z',
            occurredAt: '2026-11-25T11:00:00.000Z',
          },
        },
      ]);
  });

  it("refuses a senior officer's authority without the officer", () => {
    spec
      .given([listedWatch])
      .when(
        command(
          'OrderDetention',
          { kind: 'initial', seniorOfficerAuthority: true },
          '2026-11-25T11:00:00Z',
        ),
      )
      .thenRefuses('invalid_state', 'authorisedBy');
  });

  it('refuses an initial detention longer than the statutory period', () => {
    spec
      .given([listedWatch])
      .when(
        command(
          'OrderDetention',
          { kind: 'initial', expiresAt: '2026-11-25T16:00:01Z' },
          '2026-11-25T11:00:00Z',
        ),
      )
      .thenRefuses('detention_order_too_long', 'expiresAt');
  });

  it('accepts a shorter initial detention', () => {
    spec
      .given([sterlingCash])
      .when(
        command('OrderDetention', { kind: 'initial', expiresAt: '2026-11-30T10:00:00Z' }, cashNow),
      )
      .thenMatches([{ data: expect.objectContaining({ expiresAt: '2026-11-30T10:00:00.000Z' }) }]);
  });

  it('refuses an unknown kind', () => {
    spec
      .given([sterlingCash])
      .when(command('OrderDetention', { kind: 'interim' as 'initial' }, cashNow))
      .thenRefuses('invalid_state', 'kind');
  });

  it('refuses a second initial detention', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(command('OrderDetention', { kind: 'initial' }, cashNow))
      .thenRefuses('invalid_state', 'kind');
  });

  it('gives cryptoassets 48 counted hours', () => {
    spec
      .given([bitcoin])
      .when(command('OrderDetention', { kind: 'initial' }, cashNow))
      .thenMatches([{ data: expect.objectContaining({ expiresAt: '2026-12-01T10:00:00.000Z' }) }]);
  });

  it.each([
    ['PACE', paceVehicle],
    ['an account freezing order', frozenAccount],
  ])('refuses detention of an asset held under %s', (_what, asset) => {
    spec
      .given([asset])
      .when(command('OrderDetention', { kind: 'initial' }, cashNow))
      .thenRefuses('power_not_applicable');
  });

  it('exposes the detention and marks the asset detained', () => {
    const { state } = spec.given([sterlingCash, initialDetention]);
    expect(state.status).toBe('detained');
    expect(state.detention).toMatchObject({
      firstStartedAt: SEIZED_AT,
      expiresAt: '2026-12-01T10:00:00.000Z',
    });
  });
});

describe('DetentionOrdered: extension', () => {
  const beforeExpiry = '2026-11-30T14:00:00Z';

  // s.295(2)(a): not "beyond the end of the period of 6 months beginning with the date of the
  // order". Made on 30 November 2026: day one is 30 November, the last day 29 May 2027.
  it('accepts an order to the last day of 6 months beginning with its date, starting at the current expiry', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          {
            kind: 'extension',
            orderRef: 'CR/2026/123',
            court: 'Croydon Magistrates',
            expiresAt: '2027-05-29T18:00:00+01:00',
          },
          beforeExpiry,
        ),
      )
      .then([
        {
          type: 'DetentionOrdered',
          data: {
            kind: 'extension',
            orderRef: 'CR/2026/123',
            court: 'Croydon Magistrates',
            startsAt: '2026-12-01T10:00:00.000Z',
            expiresAt: '2027-05-29T17:00:00.000Z',
            orderDate: '2026-11-30',
            occurredAt: '2026-11-30T14:00:00.000Z',
          },
        },
      ]);
  });

  it('accepts an expiry at the very end of the last day (London midnight)', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2027-05-30T00:00:00+01:00' },
          beforeExpiry,
        ),
      )
      .thenMatches([{ type: 'DetentionOrdered' }]);
  });

  it('refuses a second past the end of the last day', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2027-05-30T00:00:01+01:00' },
          beforeExpiry,
        ),
      )
      .thenRefuses('detention_order_too_long', 'expiresAt');
  });

  it('measures the 6 months from the date of the order, not from the current expiry', () => {
    // The order is made on 30 November; the detention it extends runs out on 1 December. 6 months
    // from the expiry would reach 1 June 2027; from the order, 29 May.
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2027-06-01T09:00:00+01:00' },
          beforeExpiry,
        ),
      )
      .thenRefuses('detention_order_too_long', 'expiresAt');
  });

  it('refuses the day after the last day', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2027-05-30T10:00:00+01:00' },
          beforeExpiry,
        ),
      )
      .thenRefuses('detention_order_too_long', 'expiresAt');
  });

  it('needs an expiry after its start', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(command('OrderDetention', { kind: 'extension' }, beforeExpiry))
      .thenRefuses('invalid_date', 'expiresAt');
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2026-12-01T09:00:00Z' },
          beforeExpiry,
        ),
      )
      .thenRefuses('invalid_date', 'expiresAt');
  });

  it('refuses a malformed instant', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(command('OrderDetention', { kind: 'extension', expiresAt: '2027-01-01' }, beforeExpiry))
      .thenRefuses('invalid_date', 'expiresAt');
  });

  it('accepts a first order with no initial detention recorded', () => {
    const { state } = spec.given([
      sterlingCash,
      ...spec
        .given([sterlingCash])
        .when(
          command(
            'OrderDetention',
            { kind: 'extension', expiresAt: '2027-05-26T10:00:00Z' },
            cashNow,
          ),
        )
        .events(),
    ]);
    expect(state.detention).toMatchObject({
      firstStartedAt: '2026-11-27T10:30:00.000Z',
      firstOrderDate: '2026-11-27',
      expiresAt: '2027-05-26T10:00:00.000Z',
    });
  });

  // s.295(2)(b): a further order not "beyond the end of the period of 2 years beginning with the
  // date of the first order". The first order here is made on 1 December 2026: the last day is
  // 30 November 2028, whatever the initial detention's start (27 November 2026).
  describe('overall limit', () => {
    const ordersTo = (seizure: AssetEvent, ...more: AssetEvent[]): AssetEvent[] => [
      seizure,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-06-01T09:00:00.000Z'),
      extension('2027-06-01T09:00:00.000Z', '2027-12-01T10:00:00.000Z'),
      extension('2027-12-01T10:00:00.000Z', '2028-06-01T09:00:00.000Z'),
      extension('2028-06-01T09:00:00.000Z', '2028-09-01T09:00:00.000Z'),
      ...more,
    ];
    // Made on 31 August 2028: its own 6 months would reach 28 February 2029.
    const now = '2028-08-31T12:00:00Z';
    const further = (expiresAt: string, at = now) =>
      command('OrderDetention', { kind: 'extension', expiresAt }, at);

    it('counts from the first order, not from the initial detention', () => {
      const { state } = spec.given(ordersTo(sterlingCash));
      expect(state.detention).toMatchObject({
        firstStartedAt: SEIZED_AT,
        firstOrderDate: '2026-12-01',
        orderDate: '2028-06-01',
      });
    });

    it('allows a further order to the last day, 30 November 2028', () => {
      spec
        .given(ordersTo(sterlingCash))
        .when(further('2028-11-30T16:00:00Z'))
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    it('allows it to the very end of that day (London midnight)', () => {
      spec
        .given(ordersTo(sterlingCash))
        .when(further('2028-12-01T00:00:00Z'))
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    it('refuses the day after, 1 December 2028', () => {
      spec
        .given(ordersTo(sterlingCash))
        .when(further('2028-12-01T10:00:00Z'))
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
    });

    it('refuses a cryptoasset past 2 years without a s.303Z32(4) order', () => {
      spec
        .given(ordersTo(bitcoin))
        .when(further('2028-12-01T10:00:00Z'))
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
    });

    it('allows a cryptoasset to the last day of 2 years, 30 November 2028', () => {
      spec
        .given(ordersTo(bitcoin))
        .when(further('2028-11-30T16:00:00Z'))
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    const limitExtended = (extendedTo: string): AssetEvent => ({
      type: 'DetentionLimitExtended',
      data: {
        section: 's.303Z32(4)',
        court: 'Westminster MC',
        orderRef: 'WMC/303Z32-4',
        orderDate: '2028-08-30',
        firstOrderDate: '2026-12-01',
        extendedTo,
        occurredAt: '2028-08-30T10:00:00.000Z',
      },
    });
    const threeYears = (extendedTo = '2029-11-30') =>
      ordersTo(
        bitcoin,
        limitExtended(extendedTo),
        extension(
          '2028-09-01T09:00:00.000Z',
          '2029-03-01T10:00:00.000Z',
          '2028-09-01T09:00:00.000Z',
        ),
        extension(
          '2029-03-01T10:00:00.000Z',
          '2029-08-31T22:00:00.000Z',
          '2029-03-01T10:00:00.000Z',
        ),
      );

    it('after a s.303Z32(4) order, allows a cryptoasset to the last day of 3 years, 30 November 2029', () => {
      spec
        .given(threeYears())
        .when(further('2029-11-30T16:00:00Z', '2029-08-31T12:00:00Z'))
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    it('after a s.303Z32(4) order, refuses a cryptoasset the day after, 1 December 2029', () => {
      spec
        .given(threeYears())
        .when(further('2029-12-01T10:00:00Z', '2029-08-31T12:00:00Z'))
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
    });

    it('holds a cryptoasset to the shorter end a s.303Z32(4) order set', () => {
      spec
        .given(threeYears('2029-09-30'))
        .when(further('2029-10-01T10:00:00Z', '2029-08-31T12:00:00Z'))
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
    });
  });

  describe('s.303Z32(4): an order extending the 2 years for cryptoassets', () => {
    const base = [
      bitcoin,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-05-31T09:00:00.000Z'),
    ];
    const now = '2028-08-30T10:00:00Z';
    const extend = (data: { extendedTo?: string } = {}) =>
      command('ExtendDetentionLimit', { court: 'Westminster MC', orderRef: 'WMC/4', ...data }, now);

    it('extends the limit to the end of 3 years beginning with the date of the first order by default', () => {
      spec
        .given(base)
        .when(extend())
        .then([
          {
            type: 'DetentionLimitExtended',
            data: {
              section: 's.303Z32(4)',
              court: 'Westminster MC',
              orderRef: 'WMC/4',
              orderDate: '2028-08-30',
              firstOrderDate: '2026-12-01',
              extendedTo: '2029-11-30',
              occurredAt: '2028-08-30T10:00:00.000Z',
            },
          },
        ]);
    });

    it('accepts the last lawful day, 30 November 2029', () => {
      spec
        .given(base)
        .when(extend({ extendedTo: '2029-11-30' }))
        .thenMatches([{ data: expect.objectContaining({ extendedTo: '2029-11-30' }) }]);
    });

    it('refuses the day after, 1 December 2029', () => {
      spec
        .given(base)
        .when(extend({ extendedTo: '2029-12-01' }))
        .thenRefuses('detention_limit_exceeded', 'extendedTo');
    });

    it('accepts the first day past the 2 years, 1 December 2028, and refuses the last day of the 2 years itself', () => {
      spec
        .given(base)
        .when(extend({ extendedTo: '2028-12-01' }))
        .thenMatches([{ data: expect.objectContaining({ extendedTo: '2028-12-01' }) }]);
      spec
        .given(base)
        .when(extend({ extendedTo: '2028-11-30' }))
        .thenRefuses('invalid_date', 'extendedTo');
    });

    it('needs a first order under s.303Z32(1)', () => {
      spec.given([bitcoin, initialDetention]).when(extend()).thenRefuses('invalid_state');
    });

    it('is for cryptoassets only', () => {
      spec
        .given([
          sterlingCash,
          initialDetention,
          extension('2026-12-01T10:00:00.000Z', '2027-05-31T09:00:00.000Z'),
        ])
        .when(extend())
        .thenRefuses('power_not_applicable');
    });

    it('shows the extended limit on the asset', () => {
      const { state } = spec.given([...base, limitExtendedEvent()]);
      expect(detentionLimit(state.detention)).toEqual({
        lastDay: '2029-06-30',
        firstOrderDate: '2026-12-01',
        extendedBy: { section: 's.303Z32(4)', orderDate: '2028-08-30', orderRef: 'WMC/4' },
      });
    });
  });

  describe('after the current detention expired', () => {
    const late = '2026-12-01T15:00:00Z';

    it('refuses an extension without a reason for the late application', () => {
      spec
        .given([sterlingCash, initialDetention])
        .when(
          command('OrderDetention', { kind: 'extension', expiresAt: '2027-05-01T10:00:00Z' }, late),
        )
        .thenRefuses('detention_lapsed', 'lateReason');
    });

    it('refuses an order starting after the expiry without a reason', () => {
      spec
        .given([sterlingCash, initialDetention])
        .when(
          command(
            'OrderDetention',
            {
              kind: 'extension',
              startsAt: '2026-12-01T11:00:00Z',
              expiresAt: '2027-05-01T10:00:00Z',
              occurredAt: '2026-12-01T09:00:00Z',
            },
            late,
          ),
        )
        .thenRefuses('detention_lapsed', 'lateReason');
    });

    it('accepts it with a reason, starting when made', () => {
      spec
        .given([sterlingCash, initialDetention])
        .when(
          command(
            'OrderDetention',
            {
              kind: 'extension',
              court: 'Croydon Magistrates',
              expiresAt: '2027-05-01T10:00:00+01:00',
              lateReason: 'Court list cancelled (snow)',
            },
            late,
          ),
        )
        .then([
          {
            type: 'DetentionOrdered',
            data: {
              kind: 'extension',
              court: 'Croydon Magistrates',
              startsAt: '2026-12-01T15:00:00.000Z',
              expiresAt: '2027-05-01T09:00:00.000Z',
              orderDate: '2026-12-01',
              lateReason: 'Court list cancelled (snow)',
              occurredAt: '2026-12-01T15:00:00.000Z',
            },
          },
        ]);
    });

    it('accepts an order made in time and recorded later', () => {
      spec
        .given([sterlingCash, initialDetention])
        .when(
          command(
            'OrderDetention',
            {
              kind: 'extension',
              expiresAt: '2027-05-01T10:00:00Z',
              occurredAt: '2026-12-01T09:00:00Z',
            },
            late,
          ),
        )
        .thenMatches([{ data: expect.objectContaining({ startsAt: '2026-12-01T10:00:00.000Z' }) }]);
    });
  });
});

describe('the initial period from the seizure (s.295(1), (1B))', () => {
  it('runs 48 counted hours from the seizure before any detention is recorded', () => {
    expect(initialPeriodFromSeizure(spec.given([sterlingCash]).state)).toEqual({
      startsAt: SEIZED_AT,
      expiresAt: '2026-12-01T10:00:00.000Z',
      countedHours: 48,
    });
  });

  it('gives way to a recorded detention', () => {
    expect(initialPeriodFromSeizure(spec.given([sterlingCash, initialDetention]).state)).toBe(
      undefined,
    );
  });

  it('is 6 hours for a listed asset and none for a PACE seizure', () => {
    expect(initialPeriodFromSeizure(spec.given([listedWatch]).state)?.countedHours).toBe(6);
    expect(initialPeriodFromSeizure(spec.given([paceVehicle]).state)).toBe(undefined);
  });

  describe('s.303K: how the 6 hours of a listed asset are counted (configuration, verify)', () => {
    // Seized Friday 27 November 2026 at 20:00 (GMT).
    const lateFriday = seized({
      ...listedWatch.data,
      occurredAt: '2026-11-27T20:00:00.000Z',
    });
    it('counted hours (the default): 4 on Friday, the weekend skipped, 2 on Monday', () => {
      expect(initialPeriodFromSeizure(spec.given([lateFriday]).state)?.expiresAt).toBe(
        '2026-11-30T02:00:00.000Z',
      );
    });
    it('real hours, where configured: Saturday 02:00', () => {
      const real = { ...timeLimits, listedHoursCounting: 'real' as const };
      expect(initialPeriodFromSeizure(spec.given([lateFriday]).state, real)?.expiresAt).toBe(
        '2026-11-28T02:00:00.000Z',
      );
    });
  });
});

function limitExtendedEvent(): AssetEvent {
  return {
    type: 'DetentionLimitExtended',
    data: {
      section: 's.303Z32(4)',
      court: 'Westminster MC',
      orderRef: 'WMC/4',
      orderDate: '2028-08-30',
      firstOrderDate: '2026-12-01',
      extendedTo: '2029-06-30',
      occurredAt: '2028-08-30T10:00:00.000Z',
    },
  };
}
