import { RecordedEvent } from '../event-store/event-store.port';
import { UpcasterRegistry } from '../ledger/upcasting/upcaster-registry';
import { ProjectedEvent } from './projection';

export function toProjected(event: RecordedEvent, upcasters: UpcasterRegistry): ProjectedEvent {
  return {
    type: event.type,
    data: upcasters.upcast(event.type, event.data, event.metadata.schemaVersion),
    metadata: event.metadata,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
  };
}
