import { applyDecorators, Type } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { ApiProblem as problem } from '../../common/http/api-problem.decorator';
import { Role } from '../../common/actor';
import { CommandResponse } from './command-response';

/**
 * A command route: who may call it (`@Roles`, which the AuthGuard enforces with a 403 and
 * `@Envelope()` reads to pick the role the actor acts in), and its OpenAPI: summary, headers,
 * responses and errors. The roles are named here only.
 */
export function ApiCommand(
  summary: string,
  roles: readonly Role[],
  options: { creates?: boolean; response?: Type<CommandResponse> } = {},
) {
  const response = options.response ?? CommandResponse;
  return applyDecorators(
    Roles(...roles),
    ApiOperation({ summary, description: `Roles: ${roles.join(', ')}.` }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'UUID; a retry with the same key and body returns the first response and writes nothing',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The revision last seen (ETag); the command fails with 409 if the stream has moved on',
    }),
    ApiResponse({
      status: options.creates ? 201 : 200,
      type: response,
      description: 'Recorded. ETag: the new revision',
    }),
    ...(options.creates
      ? []
      : [
          ApiResponse({
            status: 201,
            type: response,
            description: 'Recorded, and the command created the stream',
          }),
        ]),
    problem(400, 'Invalid request: each bad field listed with its path'),
    problem(404, 'No such resource'),
    problem(409, 'concurrency_conflict: the stream moved on (If-Match), with currentRevision'),
    problem(413, 'Body over 1 MB'),
    problem(415, 'Body not application/json'),
    problem(
      422,
      'A domain rule refused the command (rule code in `code`), or idempotency_key_reused',
    ),
  );
}
