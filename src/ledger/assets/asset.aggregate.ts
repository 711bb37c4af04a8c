import { Aggregate } from '../decider';
import { AssetCommand } from './asset.commands';
import { assetDecider, AssetState } from './asset.decider';
import { AssetEvent, assetStream } from './asset.events';

export const assetAggregate: Aggregate<AssetCommand, AssetEvent, AssetState> = {
  name: 'asset',
  stream: assetStream,
  caseOf: (state) => state.caseId,
  decider: assetDecider,
};
