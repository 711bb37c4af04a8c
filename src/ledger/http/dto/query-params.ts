import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const POSITION = /^\d{1,40}$/;

/** `minPosition`: wait until the read models have applied this ledger position (read your writes). */
export function MinPositionParam() {
  return applyDecorators(
    ApiPropertyOptional({
      example: '1042',
      description: 'Wait until the read models have applied this position (read your writes)',
    }),
    IsOptional(),
    Matches(POSITION, { message: 'minPosition must be a ledger position (digits)' }),
  );
}

/** `asKnownAt`: only events recorded up to this ledger position count (as known then). */
export function AsKnownAtParam() {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'Only events recorded up to this ledger position (as known then)',
    }),
    IsOptional(),
    Matches(POSITION, { message: 'asKnownAt must be a ledger position (digits)' }),
  );
}
