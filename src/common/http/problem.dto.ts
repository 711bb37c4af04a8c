import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'declared.amount' })
  path!: string;

  @ApiProperty({ example: 'must be a decimal string such as "25000.00"' })
  message!: string;
}

/** RFC 9457 problem details, as documented in docs/api-errors.md. */
export class ProblemDto {
  @ApiProperty({ example: '/problems/validation_failed' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiProperty({
    example: 'validation_failed',
    description: 'Stable code to branch on (rule codes for 422)',
  })
  code!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    example: '3',
    description: 'With 409 concurrency_conflict: where the stream is now',
  })
  currentRevision?: string;
}
