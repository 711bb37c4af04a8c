import { MoneyJson } from '@src/common/money';
import { AssetEvent } from '@src/ledger/assets/asset.events';
import {
  bitcoin,
  command,
  EUR_RATE,
  euroCash,
  extension,
  frozenAccount,
  initialDetention,
  listedWatch,
  paceVehicle,
  restrained,
  seized,
  spec,
  sterlingCash,
} from './fixtures';

const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });

const noticeDay = '2026-11-30T10:00:00Z';
const notice: AssetEvent = {
  type: 'ForfeitureNoticeGiven',
  data: {
    noticeRef: 'N/1',
    givenAt: '2026-11-30',
    objectionDeadline: '2026-12-30',
    occurredAt: '2026-11-30T10:00:00.000Z',
  },
};
const objection: AssetEvent = {
  type: 'ForfeitureObjected',
  data: {
    objector: 'Mr A',
    receivedAt: '2026-12-15',
    madeAt: '2026-12-15T10:00:00.000Z',
    occurredAt: '2026-12-15T10:00:00.000Z',
  },
};
const applied: AssetEvent = {
  type: 'ForfeitureApplied',
  data: {
    court: 'Croydon Magistrates',
    appliedAt: '2026-12-15',
    occurredAt: '2026-12-15T10:00:00.000Z',
  },
};
/** Cash detained under a s.295(2) order made on 30 November, in force to 31 May 2027. */
const underOrder = extension(
  '2026-12-01T10:00:00.000Z',
  '2027-05-31T09:00:00.000Z',
  '2026-11-30T09:00:00.000Z',
);
const detainedCash = [sterlingCash, initialDetention, underOrder];
const afterDeadline = '2027-01-01T10:00:00Z';

describe('ForfeitureNoticeGiven', () => {
  describe('s.297A(1): cash only while detained under a s.295(2) order', () => {
    it('refuses a notice during the initial period', () => {
      spec
        .given([sterlingCash, initialDetention])
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, '2026-11-28T10:00:00Z'))
        .thenRefuses('detention_order_required');
      spec
        .given([sterlingCash])
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, '2026-11-27T11:00:00Z'))
        .thenRefuses('detention_order_required');
    });

    it('accepts one on the first day of the order and at its last instant, refuses one the second after', () => {
      spec
        .given(detainedCash)
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, '2026-11-30T09:00:00Z'))
        .thenMatches([{ type: 'ForfeitureNoticeGiven' }]);
      spec
        .given(detainedCash)
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, '2027-05-31T09:00:00Z'))
        .thenMatches([{ type: 'ForfeitureNoticeGiven' }]);
      spec
        .given(detainedCash)
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, '2027-05-31T09:00:01Z'))
        .thenRefuses('detention_order_required');
    });
  });

  describe('when the notice is treated as given (the notice regulations)', () => {
    const send = (method: 'post' | 'electronic' | 'publication', sentAt: string, more = {}) =>
      command(
        'GiveForfeitureNotice',
        { noticeRef: 'N/1', method, sentAt, ...more },
        '2026-12-20T10:00:00Z',
      );
    const givenOn = (date: string, deadline: string) => [
      { data: expect.objectContaining({ givenAt: date, objectionDeadline: deadline }) },
    ];

    it('electronic: the day it is sent at or before 4.30pm, the next day after', () => {
      spec
        .given(detainedCash)
        .when(send('electronic', '2026-12-02T16:30:00Z'))
        .thenMatches(givenOn('2026-12-02', '2027-01-01'));
      spec
        .given(detainedCash)
        .when(send('electronic', '2026-12-02T16:30:01Z'))
        .thenMatches(givenOn('2026-12-03', '2027-01-02'));
    });

    it('electronic: 4.30pm is London time (BST in summer)', () => {
      const summer = [
        sterlingCash,
        initialDetention,
        extension(
          '2026-12-01T10:00:00.000Z',
          '2027-05-31T09:00:00.000Z',
          '2026-11-30T09:00:00.000Z',
        ),
      ];
      spec
        .given(summer)
        .when(
          command(
            'GiveForfeitureNotice',
            { noticeRef: 'N/1', method: 'electronic', sentAt: '2027-05-04T15:31:00Z' },
            '2027-05-05T10:00:00Z',
          ),
        )
        .thenMatches([{ data: expect.objectContaining({ givenAt: '2027-05-05' }) }]);
    });

    it('post: the second business day after posting (Friday → Tuesday), unless the day is recorded', () => {
      spec
        .given(detainedCash)
        .when(send('post', '2026-12-04T12:00:00Z'))
        .thenMatches(givenOn('2026-12-08', '2027-01-07'));
      spec
        .given(detainedCash)
        .when(send('post', '2026-12-04T12:00:00Z', { givenAt: '2026-12-05' }))
        .thenMatches(givenOn('2026-12-05', '2027-01-04'));
      spec
        .given(detainedCash)
        .when(send('post', '2026-12-04T12:00:00Z', { givenAt: '2026-12-03' }))
        .thenRefuses('invalid_date', 'givenAt');
    });

    it('publication: the day it is published; a method needs its sentAt', () => {
      spec
        .given(detainedCash)
        .when(send('publication', '2026-12-04T09:00:00Z'))
        .thenMatches(givenOn('2026-12-04', '2027-01-03'));
      spec
        .given(detainedCash)
        .when(command('GiveForfeitureNotice', { noticeRef: 'N/1', method: 'post' }, noticeDay))
        .thenRefuses('invalid_state', 'sentAt');
    });
  });

  it('defaults the deadline to the end of 30 days starting with the day after the notice', () => {
    spec
      .given(detainedCash)
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, noticeDay))
      .then([notice]);
  });

  it('accepts a later deadline and refuses an earlier one', () => {
    spec
      .given(detainedCash)
      .when(
        command(
          'GiveForfeitureNotice',
          { noticeRef: 'N/1', objectionDeadline: '2027-01-15' },
          noticeDay,
        ),
      )
      .thenMatches([{ data: expect.objectContaining({ objectionDeadline: '2027-01-15' }) }]);
    spec
      .given(detainedCash)
      .when(
        command(
          'GiveForfeitureNotice',
          { noticeRef: 'N/1', objectionDeadline: '2026-12-29' },
          noticeDay,
        ),
      )
      .thenRefuses('invalid_state', 'objectionDeadline');
  });

  it('counts from a given notice date, which may not be in the future', () => {
    spec
      .given(detainedCash)
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/1', givenAt: '2026-11-28' }, noticeDay))
      .thenMatches([
        {
          data: expect.objectContaining({ givenAt: '2026-11-28', objectionDeadline: '2026-12-28' }),
        },
      ]);
    spec
      .given(detainedCash)
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/1', givenAt: '2026-12-01' }, noticeDay))
      .thenRefuses('future_date', 'givenAt');
  });

  it('is given for a frozen account (s.303Z9)', () => {
    spec
      .given([frozenAccount])
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/2' }, noticeDay))
      .thenMatches([{ type: 'ForfeitureNoticeGiven' }]);
  });

  it.each([
    ['a listed asset', listedWatch],
    ['a cryptoasset', bitcoin],
    ['cash held under PACE', seized({ power: 'PACE_S19' })],
  ])('is not for %s', (_what, asset) => {
    spec
      .given([asset])
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/1' }, noticeDay))
      .thenRefuses('power_not_applicable');
  });

  it('refuses a second notice while one is pending', () => {
    spec
      .given([...detainedCash, notice])
      .when(command('GiveForfeitureNotice', { noticeRef: 'N/2' }, noticeDay))
      .thenRefuses('invalid_state');
  });

  it('puts the asset under the notice', () => {
    const { state } = spec.given([...detainedCash, notice]);
    expect(state.status).toBe('notice_given');
    expect(state.forfeiture.notice).toEqual({
      noticeRef: 'N/1',
      givenAt: '2026-11-30',
      objectionDeadline: '2026-12-30',
      lapsed: false,
    });
  });
});

describe('ForfeitureObjected', () => {
  it('records an objection, which lapses the notice', () => {
    spec
      .given([...detainedCash, notice])
      .when(command('ObjectToForfeiture', { objector: 'Mr A' }, '2026-12-15T10:00:00Z'))
      .then([objection]);
    const { state } = spec.given([...detainedCash, notice, objection]);
    expect(state.status).toBe('detained');
    expect(state.forfeiture.notice).toMatchObject({
      lapsed: true,
      objection: { objector: 'Mr A' },
    });
  });

  it('accepts an objection on the deadline day and refuses one after it', () => {
    spec
      .given([...detainedCash, notice])
      .when(
        command(
          'ObjectToForfeiture',
          { objector: 'Mr A', receivedAt: '2026-12-30' },
          afterDeadline,
        ),
      )
      .thenMatches([{ type: 'ForfeitureObjected' }]);
    spec
      .given([...detainedCash, notice])
      .when(command('ObjectToForfeiture', { objector: 'Mr A' }, afterDeadline))
      .thenRefuses('invalid_state', 'receivedAt');
  });

  it('refuses an objection with no notice pending', () => {
    spec
      .given(detainedCash)
      .when(command('ObjectToForfeiture', { objector: 'Mr A' }, noticeDay))
      .thenRefuses('invalid_state');
    spec
      .given([...detainedCash, notice, objection])
      .when(command('ObjectToForfeiture', { objector: 'Mrs B' }, '2026-12-16T10:00:00Z'))
      .thenRefuses('invalid_state');
  });
});

describe('ForfeitureApplied', () => {
  it('records the application', () => {
    spec
      .given(detainedCash)
      .when(command('ApplyForForfeiture', { court: 'Croydon Magistrates' }, '2026-12-15T10:00:00Z'))
      .then([applied]);
    expect(spec.given([...detainedCash, applied]).state.status).toBe('forfeiture_applied');
  });

  it('is possible after an objection lapsed the notice', () => {
    spec
      .given([...detainedCash, notice, objection])
      .when(command('ApplyForForfeiture', { court: 'Croydon Magistrates' }, '2026-12-16T10:00:00Z'))
      .thenMatches([{ type: 'ForfeitureApplied' }]);
  });

  it('refuses a second application, or one while a notice is pending', () => {
    spec
      .given([...detainedCash, applied])
      .when(command('ApplyForForfeiture', { court: 'C' }, '2026-12-16T10:00:00Z'))
      .thenRefuses('invalid_state');
    spec
      .given([...detainedCash, notice])
      .when(command('ApplyForForfeiture', { court: 'C' }, '2026-12-16T10:00:00Z'))
      .thenRefuses('invalid_state');
  });

  it('refuses assets not held under a civil-forfeiture power', () => {
    spec
      .given([paceVehicle])
      .when(command('ApplyForForfeiture', { court: 'C' }, noticeDay))
      .thenRefuses('power_not_applicable');
  });

  it('refuses an application date in the future', () => {
    spec
      .given(detainedCash)
      .when(command('ApplyForForfeiture', { court: 'C', appliedAt: '2026-12-01' }, noticeDay))
      .thenRefuses('future_date', 'appliedAt');
  });
});

describe('AssetForfeited', () => {
  it('forfeits by notice once the window closed unobjected, for the whole current value', () => {
    spec
      .given([...detainedCash, notice])
      .when(command('ForfeitAsset', { route: 'notice_s297A' }, afterDeadline))
      .then([
        {
          type: 'AssetForfeited',
          data: {
            route: 'notice_s297A',
            amount: gbp('15000.00'),
            gbpAmount: gbp('15000.00'),
            occurredAt: '2027-01-01T10:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses forfeiture by notice before the deadline has passed', () => {
    spec
      .given([...detainedCash, notice])
      .when(command('ForfeitAsset', { route: 'notice_s297A' }, '2026-12-30T22:00:00Z'))
      .thenRefuses('power_not_applicable', 'route');
  });

  it('refuses forfeiture by notice after an objection', () => {
    spec
      .given([...detainedCash, notice, objection])
      .when(command('ForfeitAsset', { route: 'notice_s297A' }, afterDeadline))
      .thenRefuses('power_not_applicable', 'route');
  });

  it('forfeits an account by notice (s.303Z9)', () => {
    const accountNotice = { ...notice, data: { ...notice.data, noticeRef: 'N/2' } } as AssetEvent;
    spec
      .given([frozenAccount, accountNotice])
      .when(command('ForfeitAsset', { route: 'notice_s303Z9' }, afterDeadline))
      .thenMatches([{ data: expect.objectContaining({ amount: gbp('25000.00') }) }]);
  });

  it('forfeits cash by order (s.298), converting a foreign amount at the seizure rate', () => {
    spec
      .given([euroCash, initialDetention, applied])
      .when(
        command(
          'ForfeitAsset',
          {
            route: 'cash_s298',
            orderRef: 'CR/2027/9',
            court: 'Croydon Magistrates',
            amount: { amount: '12500.00', currency: 'EUR' },
          },
          '2027-02-01T10:00:00Z',
        ),
      )
      .then([
        {
          type: 'AssetForfeited',
          data: {
            route: 'cash_s298',
            orderRef: 'CR/2027/9',
            court: 'Croydon Magistrates',
            amount: { amount: '12500.00', currency: 'EUR' },
            gbpAmount: gbp('10708.75'),
            fx: EUR_RATE,
            occurredAt: '2027-02-01T10:00:00.000Z',
          },
        },
      ]);
  });

  it('forfeits part of the cash', () => {
    spec
      .given([...detainedCash, applied])
      .when(
        command(
          'ForfeitAsset',
          { route: 'cash_s298', amount: gbp('5000') },
          '2027-02-01T10:00:00Z',
        ),
      )
      .thenMatches([
        { data: expect.objectContaining({ amount: gbp('5000.00'), gbpAmount: gbp('5000.00') }) },
      ]);
  });

  it('needs a rate for a foreign amount the seizure did not record', () => {
    spec
      .given([...detainedCash, applied])
      .when(
        command(
          'ForfeitAsset',
          { route: 'cash_s298', amount: { amount: '100.00', currency: 'USD' } },
          '2027-02-01T10:00:00Z',
        ),
      )
      .thenRefuses('fx_rate_required', 'amount');
  });

  it('refuses a non-positive amount', () => {
    spec
      .given([...detainedCash, applied])
      .when(
        command(
          'ForfeitAsset',
          { route: 'cash_s298', amount: gbp('0.00') },
          '2027-02-01T10:00:00Z',
        ),
      )
      .thenRefuses('invalid_money', 'amount.amount');
  });

  it.each([
    ['listed_s303O for cash', 'listed_s303O', sterlingCash],
    ['account_s303Z14 for cash', 'account_s303Z14', sterlingCash],
    ['cash_s298 for cash held under PACE', 'cash_s298', seized({ power: 'PACE_S19' })],
    ['crypto_s303Z41 for a watch', 'crypto_s303Z41', listedWatch],
    ['cash_s298 for an account', 'cash_s298', frozenAccount],
    ['notice_s297A without a notice', 'notice_s297A', sterlingCash],
  ] as const)('refuses %s', (_what, route, asset) => {
    spec
      .given([asset])
      .when(command('ForfeitAsset', { route, amount: gbp('5000.00') }, afterDeadline))
      .thenRefuses('power_not_applicable', 'route');
  });

  it.each([
    ['account_s303Z14', frozenAccount, '25000.00'],
    ['crypto_s303Z41', bitcoin, '75000.00'],
  ] as const)('forfeits by %s for the current value', (route, asset, amount) => {
    spec
      .given([asset])
      .when(command('ForfeitAsset', { route }, afterDeadline))
      .thenMatches([{ data: expect.objectContaining({ route, amount: gbp(amount) }) }]);
  });

  it('forfeits a listed asset at its latest valuation, and needs an amount without one', () => {
    const valuation: AssetEvent = {
      type: 'AssetValued',
      data: {
        valuationId: 'v-1',
        basis: 'market',
        value: gbp('9500.00'),
        gbpValue: gbp('9500.00'),
        valuedAsAt: '2026-11-26',
        valuer: 'V',
        occurredAt: '2026-11-26T10:00:00.000Z',
      },
    };
    spec
      .given([listedWatch, valuation])
      .when(command('ForfeitAsset', { route: 'listed_s303O' }, afterDeadline))
      .thenMatches([{ data: expect.objectContaining({ amount: gbp('9500.00') }) }]);
    spec
      .given([listedWatch])
      .when(command('ForfeitAsset', { route: 'listed_s303O' }, afterDeadline))
      .thenRefuses('invalid_money', 'amount');
  });

  it('allows civil recovery of any asset', () => {
    spec
      .given([paceVehicle])
      .when(
        command(
          'ForfeitAsset',
          { route: 'civil_recovery', amount: gbp('30000.00') },
          afterDeadline,
        ),
      )
      .thenMatches([{ type: 'AssetForfeited' }]);
  });

  it('is not blocked by restraint', () => {
    spec
      .given([...detainedCash, restrained('r-1'), applied])
      .when(command('ForfeitAsset', { route: 'cash_s298' }, afterDeadline))
      .thenMatches([{ type: 'AssetForfeited' }]);
  });

  describe('afterwards', () => {
    const forfeitedCash: AssetEvent[] = [
      ...detainedCash,
      applied,
      {
        type: 'AssetForfeited',
        data: {
          route: 'cash_s298',
          amount: gbp('15000.00'),
          gbpAmount: gbp('15000.00'),
          occurredAt: '2027-01-01T10:00:00.000Z',
        },
      },
    ];
    const forfeitedWatch: AssetEvent[] = [
      listedWatch,
      {
        type: 'AssetForfeited',
        data: {
          route: 'listed_s303O',
          amount: gbp('8000.00'),
          gbpAmount: gbp('8000.00'),
          occurredAt: '2027-01-01T10:00:00.000Z',
        },
      },
    ];
    const later = '2027-01-05T10:00:00Z';

    it('treats forfeited cash as paid over: nothing more can be done to it', () => {
      const { state } = spec.given(forfeitedCash);
      expect(state.status).toBe('forfeited');
      expect(state.forfeiture.forfeited).toMatchObject({ route: 'cash_s298', paidOver: true });
      spec
        .given(forfeitedCash)
        .when(command('TransferCustody', { to: 'Bank', reason: 'r' }, later))
        .thenRefuses('asset_not_held');
      spec
        .given(forfeitedCash)
        .when(
          command(
            'RealiseAsset',
            { grossProceeds: gbp('1.00'), costs: gbp('0.00'), realisedBy: 'R' },
            later,
          ),
        )
        .thenRefuses('asset_not_held');
    });

    it('keeps a forfeited listed asset until it is realised', () => {
      spec
        .given(forfeitedWatch)
        .when(
          command(
            'RealiseAsset',
            { grossProceeds: gbp('7600.00'), costs: gbp('400.00'), realisedBy: 'Bonhams' },
            later,
          ),
        )
        .thenMatches([
          { type: 'AssetRealised', data: expect.objectContaining({ netProceeds: gbp('7200.00') }) },
        ]);
      spec
        .given(forfeitedWatch)
        .when(command('ReleaseAsset', { reason: 'owner_claim', releasedTo: 'Mr A' }, later))
        .thenRefuses('invalid_state');
      spec
        .given(forfeitedWatch)
        .when(command('ForfeitAsset', { route: 'listed_s303O' }, later))
        .thenRefuses('invalid_state', 'route');
    });
  });
});

describe('ForfeitureRefused', () => {
  const refusedAt = '2027-02-01T10:00:00Z';

  it('puts the asset back into detention', () => {
    spec
      .given([...detainedCash, applied])
      .when(
        command(
          'RefuseForfeiture',
          { court: 'Croydon Magistrates', reason: 'Not proven' },
          refusedAt,
        ),
      )
      .then([
        {
          type: 'ForfeitureRefused',
          data: {
            court: 'Croydon Magistrates',
            reason: 'Not proven',
            outcome: 'detained',
            occurredAt: '2027-02-01T10:00:00.000Z',
          },
        },
      ]);
    const { state } = spec.given([
      ...detainedCash,
      applied,
      ...spec
        .given([...detainedCash, applied])
        .when(command('RefuseForfeiture', { court: 'C', reason: 'r' }, refusedAt))
        .events(),
    ]);
    expect(state.status).toBe('detained');
  });

  it('releases the asset when the court so orders', () => {
    const events = spec
      .given([...detainedCash, applied])
      .when(
        command('RefuseForfeiture', { court: 'C', reason: 'r', outcome: 'released' }, refusedAt),
      )
      .events();
    const { state } = spec.given([...detainedCash, applied, ...events]);
    expect(state.status).toBe('released');
    expect(state.release).toMatchObject({ reason: 'court_refused' });
  });

  it('cannot release an asset under restraint', () => {
    spec
      .given([...detainedCash, restrained('r-1'), applied])
      .when(
        command('RefuseForfeiture', { court: 'C', reason: 'r', outcome: 'released' }, refusedAt),
      )
      .thenRefuses('asset_restrained', 'outcome');
  });

  it('needs a pending application', () => {
    spec
      .given(detainedCash)
      .when(command('RefuseForfeiture', { court: 'C', reason: 'r' }, refusedAt))
      .thenRefuses('invalid_state');
  });
});
