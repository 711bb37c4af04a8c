import { DomainError } from '../common/domain-error';
import { ProblemException } from '../common/http/problem.exception';
import { IdempotencyKeyReusedError } from '../common/idempotency-key-reused.error';

/** A step the ledger refused, or could not run; names the step. */
export class DemoStepError extends Error {
  constructor(
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Demo step "${step}": ${message}`, options);
    this.name = 'DemoStepError';
  }
}

/** A refusal or failure, named after the step and said the way a person can act on it. */
export function asStepError(name: string, error: unknown): Error {
  if (error instanceof DemoStepError) return error;
  if (error instanceof IdempotencyKeyReusedError) {
    return new DemoStepError(
      name,
      'the store already holds a different version of this step (loaded by another version of ' +
        'the demo): run `poca-ledger demo --reset` to load it afresh',
      { cause: error },
    );
  }
  if (error instanceof DomainError) {
    const field = error.field ? ` (${error.field})` : '';
    return new DemoStepError(name, `refused: ${error.code}: ${error.message}${field}`, {
      cause: error,
    });
  }
  if (error instanceof ProblemException) {
    const { code, detail } = error.problem;
    return new DemoStepError(name, `refused: ${code}: ${detail ?? ''}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DemoStepError(name, message, { cause: error });
}
