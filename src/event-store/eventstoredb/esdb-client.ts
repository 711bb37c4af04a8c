import type {
  AllStreamResolvedEvent,
  AppendToStreamOptions,
  AppendResult as EsdbAppendResult,
  EventData as EsdbEventData,
  ReadAllOptions as EsdbReadAllOptions,
  ReadStreamOptions as EsdbReadStreamOptions,
  SubscribeToAllOptions as EsdbSubscribeToAllOptions,
  ResolvedEvent,
} from '@eventstore/db-client';

/** A read as the client returns it: an async iterable of events that can be cancelled. */
export interface EsdbReadLike<E> extends AsyncIterable<E> {
  cancel(): Promise<void>;
}

/**
 * The part of the client's catch-up subscription (a Node stream in object mode) the adapter uses.
 * `readableLength` is how many events the stream holds that have not been emitted as `data` yet.
 */
export interface EsdbSubscriptionLike {
  readonly readableLength: number;
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'confirmation' | 'caughtUp' | 'end' | 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

/** The client methods the adapter calls; `EventStoreDBClient` satisfies it, unit tests stub it. */
export interface EsdbClientLike {
  appendToStream(
    streamName: string,
    events: EsdbEventData[],
    options?: AppendToStreamOptions,
  ): Promise<EsdbAppendResult>;
  readStream(streamName: string, options?: EsdbReadStreamOptions): EsdbReadLike<ResolvedEvent>;
  readAll(options?: EsdbReadAllOptions): EsdbReadLike<AllStreamResolvedEvent>;
  subscribeToAll(options?: EsdbSubscribeToAllOptions): EsdbSubscriptionLike;
  dispose(): Promise<void>;
}
