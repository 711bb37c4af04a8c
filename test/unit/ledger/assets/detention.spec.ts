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

  it('accepts an order of exactly 6 months, starting when the current detention expires', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          {
            kind: 'extension',
            orderRef: 'CR/2026/123',
            court: 'Croydon Magistrates',
            expiresAt: '2027-06-01T10:00:00+01:00',
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
            expiresAt: '2027-06-01T09:00:00.000Z',
            occurredAt: '2026-11-30T14:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses 6 months and a day', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(
        command(
          'OrderDetention',
          { kind: 'extension', expiresAt: '2027-06-02T10:00:00+01:00' },
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
            { kind: 'extension', expiresAt: '2027-05-27T10:00:00Z' },
            cashNow,
          ),
        )
        .events(),
    ]);
    expect(state.detention).toMatchObject({
      firstStartedAt: '2026-11-27T10:30:00.000Z',
      expiresAt: '2027-05-27T10:00:00.000Z',
    });
  });

  describe('overall limit', () => {
    const twoYearsOfOrders = (seizure: AssetEvent): AssetEvent[] => [
      seizure,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-06-01T09:00:00.000Z'),
      extension('2027-06-01T09:00:00.000Z', '2027-12-01T10:00:00.000Z'),
      extension('2027-12-01T10:00:00.000Z', '2028-06-01T09:00:00.000Z'),
    ];
    const now = '2028-05-30T12:00:00Z';

    it('allows detention up to 2 years from the first order', () => {
      spec
        .given(twoYearsOfOrders(sterlingCash))
        .when(
          command('OrderDetention', { kind: 'extension', expiresAt: '2028-11-27T10:00:00Z' }, now),
        )
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    it('refuses detention past 2 years', () => {
      spec
        .given(twoYearsOfOrders(sterlingCash))
        .when(
          command('OrderDetention', { kind: 'extension', expiresAt: '2028-11-28T10:00:00Z' }, now),
        )
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
    });

    it('allows a cryptoasset past 2 years', () => {
      spec
        .given(twoYearsOfOrders(bitcoin))
        .when(
          command('OrderDetention', { kind: 'extension', expiresAt: '2028-11-28T10:00:00Z' }, now),
        )
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    const threeYears = [
      ...twoYearsOfOrders(bitcoin),
      extension('2028-06-01T09:00:00.000Z', '2028-12-01T10:00:00.000Z'),
      extension('2028-12-01T10:00:00.000Z', '2029-06-01T09:00:00.000Z'),
    ];

    it('allows a cryptoasset up to 3 years', () => {
      spec
        .given(threeYears)
        .when(
          command(
            'OrderDetention',
            { kind: 'extension', expiresAt: '2029-11-27T10:00:00Z' },
            '2029-05-30T12:00:00Z',
          ),
        )
        .thenMatches([{ type: 'DetentionOrdered' }]);
    });

    it('refuses a cryptoasset past 3 years', () => {
      spec
        .given(threeYears)
        .when(
          command(
            'OrderDetention',
            { kind: 'extension', expiresAt: '2029-11-28T10:00:00Z' },
            '2029-05-30T12:00:00Z',
          ),
        )
        .thenRefuses('detention_limit_exceeded', 'expiresAt');
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
