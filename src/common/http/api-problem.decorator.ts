import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiResponseOptions, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { ProblemDto } from './problem.dto';

/**
 * OpenAPI for an error response: every error leaves as RFC 9457 problem+json (ProblemFilter), so
 * each one is documented with that media type and the ProblemDto schema. On a route, or on a
 * controller for all of its routes.
 */
export function ApiProblem(
  status: number,
  description: string,
  headers?: ApiResponseOptions['headers'],
) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status,
      description,
      ...(headers ? { headers } : {}),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );
}
