import { DomainError } from '@src/common/domain-error';

/** Runs fn, expecting a DomainError; returns its code and field (fails the test otherwise). */
export function refusal(fn: () => unknown): { code: string; field: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
