import { Logger } from '@nestjs/common';
import { DomainError } from '../../../common/domain-error';
import { RecordedEvent } from '../../../event-store/event-store.port';
import { assetAggregate } from '../../assets/asset.aggregate';
import { CommandHandler } from '../../command-handling/command-handler';
import { reactionEnvelope } from '../../command-handling/reaction-envelope';
import { restraintAggregate } from '../restraint.aggregate';

/** The name the link commands' ids derive from (and the workflow's checkpoint name). */
export const RESTRAINT_LINKS = 'restraint-links';

/**
 * Restraint order made / varied / discharged → AssetPlacedUnderRestraint / AssetRestraintLifted on
 * each asset's stream. Run twice for every order event, by design: by the restraint command itself
 * before the order is acknowledged (so a release sent right after the 201 is refused), and by the
 * restraint-links workflow from the log (so a crash between the order and its links is completed).
 * Both issue the same commands: ids derive from the source event and the asset, each is recorded
 * like an Idempotency-Key, and the asset decider treats placing an asset under an order it is
 * already under (or lifting one it is not under) as nothing to do.
 */
export class RestraintLinks {
  private readonly logger = new Logger('RestraintLinks');

  constructor(private readonly handler: CommandHandler) {}

  async follow(event: RecordedEvent): Promise<void> {
    const orderId = event.streamId.slice('restraint-'.length);
    const data = event.data as {
      assetIds?: string[];
      addedAssetIds?: string[];
      removedAssetIds?: string[];
    };
    switch (event.type) {
      case 'RestraintOrderMade':
        return this.link(event, orderId, data.assetIds ?? [], 'PlaceUnderRestraint');
      case 'RestraintOrderVaried':
        await this.link(event, orderId, data.addedAssetIds ?? [], 'PlaceUnderRestraint');
        return this.link(event, orderId, data.removedAssetIds ?? [], 'LiftRestraint');
      case 'RestraintOrderDischarged': {
        const { state } = await this.handler.load(restraintAggregate, orderId);
        return this.link(event, orderId, state.assetIds, 'LiftRestraint');
      }
      default:
        return;
    }
  }

  private async link(
    source: RecordedEvent,
    restraintOrderId: string,
    assetIds: string[],
    type: 'PlaceUnderRestraint' | 'LiftRestraint',
  ): Promise<void> {
    for (const assetId of assetIds) {
      const envelope = reactionEnvelope(RESTRAINT_LINKS, source, `${type}|${assetId}`);
      const occurredAt =
        typeof source.data.occurredAt === 'string' ? source.data.occurredAt : undefined;
      try {
        await this.handler.handle(
          assetAggregate,
          assetId,
          { type, now: envelope.now, data: { restraintOrderId, occurredAt } },
          envelope,
        );
      } catch (error) {
        // A link the asset refuses (voided, or already under another order) cannot be forced; the
        // order was checked when it was made, so this is the rare race: say so and go on.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(
          `${type} ${assetId} for restraint order ${restraintOrderId} refused: ${error.code}: ${error.message}`,
        );
      }
    }
  }
}
