import { Actor, Role } from '../../common/actor';
import { parse as parseUuid, v4 as uuidv4, v5 as uuidv5 } from 'uuid';

/** What a command carries besides its data: who, which request, and how it relates to others. */
export interface CommandEnvelope {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** The role the actor acted in (the first of theirs that the route allows). */
  role: Role;
  /** The instant the command reached the ledger (server clock). */
  now: string;
  /** If-Match: the revision the client last saw; makes the command conditional. */
  expectedRevision?: bigint;
  /** Idempotency-Key and the hash of the request it came with. */
  idempotency?: { key: string; requestHash: string };
}

const EVENT_ID_NAMESPACE = '0c3d6f4a-2b7e-5c1d-9e8f-a1b2c3d4e5f6';
/** The namespace's bytes, parsed once rather than for every id (the same v5 ids). */
const EVENT_ID_NAMESPACE_BYTES = parseUuid(EVENT_ID_NAMESPACE);

/** Event ids derived from the command: a retried command yields the same ids, so no duplicates. */
export function eventIdFor(commandId: string, stream: string, index: number): string {
  return uuidv5(Buffer.from(`${commandId}|${stream}|${index}`, 'utf8'), EVENT_ID_NAMESPACE_BYTES);
}

/**
 * The envelope of a command issued by code rather than by an HTTP request (tools, benchmarks,
 * tests): a new command id that is also its correlation and causation id.
 */
export function newEnvelope(actor: Actor, role: Role, now: string): CommandEnvelope {
  const commandId = uuidv4();
  return { commandId, correlationId: commandId, causationId: commandId, actor, role, now };
}
