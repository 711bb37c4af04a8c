import { HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '../common/http/problem.exception';
import { problem } from '../common/problem';
import { ProjectionRunner } from './projection-runner';

const WAIT_MS = 5_000;

/**
 * `minPosition`: wait (up to 5 s) until the read models have applied that ledger position, so a
 * client reads its own write; then 503 with Retry-After. Sets X-Ledger-Position to the position
 * the answer reflects.
 */
export async function readAfter(
  runner: ProjectionRunner,
  response: Response,
  minPosition: string | undefined,
): Promise<void> {
  if (minPosition !== undefined) {
    if (!/^\d{1,40}$/.test(minPosition)) {
      throw ProblemException.validation([
        {
          path: 'minPosition',
          message: 'must be a ledger position (digits) as returned by a command',
        },
      ]);
    }
    const reached = await runner.waitFor(BigInt(minPosition), WAIT_MS);
    if (!reached) {
      response.setHeader('Retry-After', '1');
      throw new ProblemException(
        problem(
          503,
          'not_yet_projected',
          'The read models have not reached that position yet',
          `minPosition ${minPosition}`,
        ),
      ) as HttpException;
    }
  }
  const position = runner.position();
  if (position !== null) response.setHeader('X-Ledger-Position', position.toString());
}
