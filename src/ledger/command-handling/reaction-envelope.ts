import { v5 as uuidv5 } from 'uuid';
import { RecordedEvent } from '../../event-store/event-store.port';
import { CommandEnvelope } from './command-metadata';
import { ROLES, Role } from '../../common/actor';

const REACTION_NAMESPACE = '7b0f3c9e-41d2-5a8b-b6c4-2e9d8a1f0c35';

/**
 * The envelope of a command a reactor issues in answer to `source`. Its id is derived from the
 * source event and `key` (e.g. the asset it links), so a replay issues the same command and the
 * same event ids; it is caused by the source event and keeps the source's correlation id.
 */
export function reactionEnvelope(
  reactor: string,
  source: RecordedEvent,
  key: string,
): CommandEnvelope {
  const commandId = uuidv5(`${reactor}|${source.id}|${key}`, REACTION_NAMESPACE);
  const text = (name: string) =>
    typeof source.metadata[name] === 'string' ? source.metadata[name] : undefined;
  const role = text('role');
  return {
    commandId,
    correlationId: text('correlationId') ?? source.id,
    causationId: source.id,
    actor: { id: `system:${reactor}`, agency: text('agency') ?? 'system', roles: [] },
    role: (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : 'court_liaison',
    now: new Date().toISOString(),
    // Recorded like a client's Idempotency-Key, so a replay after the stream moved on (the asset
    // was lifted since) returns the first outcome instead of deciding again.
    idempotency: { key: commandId, requestHash: `reaction:${reactor}` },
  };
}
