import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { isIsoDate, isIsoInstant } from '../../../common/time';

/** ISO 8601 instant with an offset, e.g. 2026-11-27T10:15:00+00:00. */
export function IsIsoInstant(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value),
        defaultMessage: () =>
          '$property must be an ISO 8601 instant with an offset, e.g. 2026-11-27T10:15:00+00:00',
      },
    },
    options,
  );
}

/**
 * Beside `ValidateNested({ each: true })` on a list of objects: class-validator validates the
 * items of a list inside the list as if they were the list's own, so `[[{ ... }]]` would pass
 * validation and reach the command as a list of lists.
 */
export function NoNestedLists() {
  return ValidateBy({
    name: 'noNestedLists',
    validator: {
      validate: (value) => !Array.isArray(value) || !value.some((item) => Array.isArray(item)),
      defaultMessage: () => 'each of $property must be an object, not a list',
    },
  });
}

/** A calendar date, YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: () => '$property must be a date, YYYY-MM-DD',
      },
    },
    options,
  );
}

export const DECIMAL_STRING = /^-?\d{1,18}(\.\d{1,18})?$/;

/** A decimal amount as a string (never a JSON number), e.g. "25000.00". */
export function IsDecimalString() {
  return applyDecorators(
    IsString({ message: '$property must be a decimal string such as "25000.00", not a number' }),
    Matches(DECIMAL_STRING, { message: '$property must be a decimal string such as "25000.00"' }),
  );
}

/** Required free text, trimmed length 1..max. */
export function Text(max: number, description?: string, example?: string) {
  return applyDecorators(
    ApiProperty({ description, example, maxLength: max }),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
}

export function OptionalText(max: number, description?: string, example?: string) {
  return applyDecorators(
    ApiPropertyOptional({ description, example, maxLength: max }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
}

export function OccurredAt() {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'When it happened (ISO 8601 with offset); defaults to now; never in the future',
      example: '2026-11-27T10:15:00+00:00',
    }),
    IsOptional(),
    IsIsoInstant(),
  );
}

/** Agency codes such as MPS, CoLP, NCA, CPS, HMCTS. */
export const AGENCY_CODE = /^[A-Za-z][A-Za-z0-9]{1,15}$/;

export function AgencyCode(optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ example: 'MPS', description: 'Agency code' })
      : ApiProperty({ example: 'MPS', description: 'Agency code' }),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    Matches(AGENCY_CODE, { message: '$property must be an agency code such as MPS or NCA' }),
  );
}

/** Ids are compared in lower case: `@Transform(lowerCase)` before `@IsUUID`. */
export const lowerCase = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.toLowerCase() : value;
