import { RuleCode, refuse } from '../../common/domain-error';
import { EventStore, WrongExpectedVersionError } from '../../event-store/event-store.port';
import { CommandHandler } from '../command-handling/command-handler';
import { CommandEnvelope } from '../command-handling/command-metadata';

export interface Reservation {
  /** The stream that holds the key, e.g. `caseref-MPS/ECU/2026/0113`. */
  stream: string;
  /** What the key is, for messages: "case reference MPS/ECU/2026/0113". */
  describe: string;
  /** The thing the key is reserved for (the new case or asset id). */
  ownerId: string;
  code: RuleCode;
  field: string;
}

export const caseReferenceStream = (reference: string) => `caseref-${normalise(reference)}`;
export const exhibitStream = (agency: string, exhibitRef: string) =>
  `exhibit-${normalise(agency)}-${normalise(exhibitRef)}`;

function normalise(key: string): string {
  return key.trim().toUpperCase();
}

/**
 * Unique keys without a second database: the first `ReferenceReserved` on a dedicated stream,
 * appended with expected revision no_stream, wins. A retry of the same command (same command id)
 * finds its own reservation and goes on; anyone else is refused with the rule's code.
 */
export class Reservations {
  constructor(
    private readonly store: EventStore,
    private readonly handler: CommandHandler,
  ) {}

  /** Returns the owner the key is reserved for (ours, or the original owner on a retried command). */
  async reserve(reservation: Reservation, envelope: CommandEnvelope): Promise<string> {
    const event = {
      type: 'ReferenceReserved',
      data: {
        ownerId: reservation.ownerId,
        commandId: envelope.commandId,
        occurredAt: envelope.now,
      },
    };
    try {
      await this.store.append(
        reservation.stream,
        this.handler.toEventData(reservation.stream, [event], envelope),
        { expectedRevision: 'no_stream' },
      );
      // Without an Idempotency-Key the command id is new, so the append wrote our reservation.
      if (!envelope.idempotency) return reservation.ownerId;
      // The event id derives from the command id, so a command retried after dying between its
      // reservation and its own events (same Idempotency-Key) appends as an idempotent no-op: the
      // reservation there is its own, made for the id it proposed the first time. Go on with that.
      const holder = await this.holder(reservation.stream);
      return holder?.commandId === envelope.commandId ? holder.ownerId : reservation.ownerId;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const holder = await this.holder(reservation.stream);
      if (holder && holder.commandId === envelope.commandId) return holder.ownerId;
      return refuse(
        reservation.code,
        `The ${reservation.describe} is already taken`,
        reservation.field,
      );
    }
  }

  private async holder(
    stream: string,
  ): Promise<{ ownerId: string; commandId: string } | undefined> {
    for await (const event of this.store.readStream(stream, { maxCount: 1 })) {
      return event.data as { ownerId: string; commandId: string };
    }
    return undefined;
  }
}
