import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { ProblemDto } from '../../common/http/problem.dto';
import { Role } from '../command-handling/command-metadata';
import { CommandResponse } from './command-response';

const problem = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } },
    },
  });

/** OpenAPI for a command route: who may call it, its headers, its responses and errors. */
export function ApiCommand(summary: string, roles: Role[], options: { creates?: boolean } = {}) {
  return applyDecorators(
    Roles(...roles),
    ApiExtraModels(ProblemDto),
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
      type: CommandResponse,
      description: 'Recorded. ETag: the new revision',
    }),
    ...(options.creates
      ? []
      : [
          ApiResponse({
            status: 201,
            type: CommandResponse,
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
