import { refuse } from '../../common/domain-error';
import { assertNotFuture, compareInstants, parseIsoInstant } from '../../common/time';
import { ApplyForRestraint } from './asset.commands';
import { RestraintApplied } from './asset.events';
import { ExistingAsset, requireStatus } from './asset.guards';
import { initialPeriodFromSeizure } from './detention.rules';

/**
 * s.47K(2): "If within the period mentioned in section 47J an application is made for a
 * restraint order which includes provision under section 41A authorising detention of the
 * property, the property may be detained until the application is determined or otherwise
 * disposed of." RestraintApplied: s.47C property only (`power_not_applicable`), once
 * (`invalid_state`), made within the 48 hours of s.47J: at their last instant, not a second
 * after (`detention_lapsed`).
 */
export function decideRestraintApplication(
  command: ApplyForRestraint,
  asset: ExistingAsset,
  at: string,
): RestraintApplied[] {
  if (asset.power !== 'POCA_S47C') {
    refuse(
      'power_not_applicable',
      `s.47K is for property seized under s.47C; this asset is held under ${asset.power}`,
      undefined,
      { power: asset.power },
    );
  }
  requireStatus(asset, ['held', 'detained'], 'apply for a restraint order');
  if (asset.restraintApplication) {
    refuse('invalid_state', `an application was made on ${asset.restraintApplication.appliedAt}`);
  }
  const appliedAt =
    command.data.appliedAt === undefined
      ? at
      : parseIsoInstant(command.data.appliedAt, 'appliedAt');
  assertNotFuture(appliedAt, command.now, 'appliedAt');
  const expiresAt = asset.detention?.expiresAt ?? initialPeriodFromSeizure(asset)?.expiresAt;
  if (expiresAt !== undefined && compareInstants(appliedAt, expiresAt) > 0) {
    refuse(
      'detention_lapsed',
      `the 48 hours of s.47J ended at ${expiresAt}: an application after them does not extend the detention (s.47K(2))`,
      'appliedAt',
      { expiredAt: expiresAt },
    );
  }
  return [
    {
      type: 'RestraintApplied',
      data: { court: command.data.court, appliedAt, occurredAt: at },
    },
  ];
}
