/**
 * The shape every aggregate follows (Emmett style): `decide` turns a command and the current state
 * into new events or throws a DomainError; `evolve` folds one event into the state. Pure: no I/O,
 * no clock (`now` arrives in the command), no framework.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** A domain event as deciders see it: a past-tense type and JSON data (money as strings). */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/**
 * A command: what the user asked for, `now` (ISO 8601 instant with offset, from the server's clock
 * at the edge) and, where a rule needs facts from other streams, `context` resolved by the handler
 * before deciding (so the decider stays pure).
 */
export interface DomainCommand<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
  now: string;
}

/** A decider and where its streams are: what the command handler needs to run a command. */
export interface Aggregate<C extends DomainCommand, E extends DomainEvent, S> {
  name: string;
  stream(id: string): string;
  decider: Decider<C, E, S>;
  /** The case a stream belongs to, for agency scope; absent: not scoped (e.g. reservations). */
  caseOf?(state: S): string | undefined;
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
