import { AssetEvent } from '@src/ledger/assets/asset.events';
import { initialPeriodFromSeizure } from '@src/ledger/assets/detention.rules';
import { assetDeadlines } from '@src/projections/deadlines/deadline.rules';
import { command, paceVehicle, seized, spec } from './fixtures';

/**
 * s.47J: "(1) This section applies if an appropriate officer seizes property under section 47C.
 * (2) The property may be detained initially for a period of 48 hours." (4): calculated in
 * accordance with s.47H(7). s.47K(2): an application for a restraint order authorising detention
 * made within that period keeps the property detained until it is determined. s.47M: a
 * magistrates' court may extend the period. The BMW here is seized Friday 27 November 2026 10:00.
 */
describe('s.47C property: s.47J, s.47K and s.47M', () => {
  const bmw = seized({ ...paceVehicle.data, power: 'POCA_S47C' });
  const applied = (appliedAt: string): AssetEvent => ({
    type: 'RestraintApplied',
    data: { court: 'Southwark Crown Court', appliedAt, occurredAt: appliedAt },
  });

  it('s.47J: 48 counted hours from the seizure: Friday 10:00 → Tuesday 10:00', () => {
    expect(initialPeriodFromSeizure(spec.given([bmw]).state)).toEqual({
      startsAt: '2026-11-27T10:00:00.000Z',
      expiresAt: '2026-12-01T10:00:00.000Z',
      countedHours: 48,
    });
    const deadlines = assetDeadlines(spec.given([bmw]).state);
    expect(deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['detention_expiry', '2026-12-01T10:00:00.000Z'],
    ]);
    expect(deadlines[0].description).toMatch(/s\.47J/);
  });

  it('s.47K: an application for a restraint order at the last instant of the 48 hours is accepted, a second later refused', () => {
    const apply = (appliedAt: string) =>
      command(
        'ApplyForRestraint',
        { court: 'Southwark Crown Court', appliedAt },
        '2026-12-02T10:00:00Z',
      );
    spec
      .given([bmw])
      .when(apply('2026-12-01T10:00:00Z'))
      .then([
        {
          type: 'RestraintApplied',
          data: {
            court: 'Southwark Crown Court',
            appliedAt: '2026-12-01T10:00:00.000Z',
            occurredAt: '2026-12-02T10:00:00.000Z',
          },
        },
      ]);
    spec
      .given([bmw])
      .when(apply('2026-12-01T10:00:01Z'))
      .thenRefuses('detention_lapsed', 'appliedAt');
  });

  it('s.47K: while the application is pending, the 48-hour clock raises no deadline', () => {
    const { state } = spec.given([bmw, applied('2026-11-28T09:00:00.000Z')]);
    expect(initialPeriodFromSeizure(state)).toBeUndefined();
    expect(assetDeadlines(state)).toEqual([]);
  });

  it('s.47K is for s.47C property only', () => {
    spec
      .given([paceVehicle])
      .when(command('ApplyForRestraint', { court: 'Southwark Crown Court' }))
      .thenRefuses('power_not_applicable');
  });

  it("s.47M: a magistrates' order extends the period; it names the court; no s.295(2) limits or cap apply", () => {
    const order = (court?: string) =>
      command(
        'OrderDetention',
        { kind: 'extension', expiresAt: '2027-12-01T10:00:00Z', ...(court && { court }) },
        '2026-11-30T10:00:00Z',
      );
    spec.given([bmw]).when(order()).thenRefuses('invalid_state', 'court');
    spec
      .given([bmw])
      .when(order('Westminster MC'))
      .thenMatches([
        { type: 'DetentionOrdered', data: expect.objectContaining({ kind: 'extension' }) },
      ]);
    const { state } = spec.given([
      bmw,
      {
        type: 'DetentionOrdered',
        data: {
          kind: 'extension',
          court: 'Westminster MC',
          startsAt: '2026-11-30T10:00:00.000Z',
          expiresAt: '2027-12-01T10:00:00.000Z',
          occurredAt: '2026-11-30T10:00:00.000Z',
        },
      },
    ]);
    expect(assetDeadlines(state).map((d) => d.kind)).toEqual(['detention_expiry']);
  });
});
