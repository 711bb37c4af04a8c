import { DomainError, RuleCode } from '@src/common/domain-error';
import { Decider, fold } from '@src/ledger/decider';

/**
 * given(events).when(command).then(events) | .thenRefuses(code): decider tests that read as the
 * rules of the domain.
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(history: E[]) {
      const state = fold(decider, history);
      return {
        state,
        when(command: C) {
          const decide = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(decide()).toEqual(expected);
            },
            thenMatches(expected: Partial<E>[]) {
              const events = decide();
              expect(events).toHaveLength(expected.length);
              expected.forEach((e, i) => expect(events[i]).toMatchObject(e));
            },
            thenRefuses(code: RuleCode, field?: string) {
              let error: unknown;
              try {
                decide();
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (field !== undefined) expect((error as DomainError).field).toBe(field);
            },
            events: decide,
          };
        },
      };
    },
  };
}
