import { HttpException } from '@nestjs/common';
import { FieldError, Problem, problem } from '../problem';

/** An HTTP error that already knows its problem+json body. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static validation(errors: FieldError[]): ProblemException {
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return new ProblemException({
      ...problem(400, 'validation_failed', 'The request is not valid', summary),
      errors,
    });
  }
}
