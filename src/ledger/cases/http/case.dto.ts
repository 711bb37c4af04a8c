import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { JURISDICTIONS, Jurisdiction, SUBJECT_ROLES, SubjectRole } from '../case.events';
import { AgencyCode, IsIsoDate, OccurredAt, OptionalText, Text } from '../../http/dto/validators';

export class OpenCaseDto {
  @ApiProperty({
    example: 'MPS/ECU/2026/0113',
    description: 'Case reference, unique across the ledger',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/_.-]{2,63}$/, {
    message: 'reference must be 3 to 64 letters, digits or / _ . - (e.g. MPS/ECU/2026/0113)',
  })
  reference!: string;

  @Text(200, 'Case title', 'Operation Stimtone: cash courier network')
  title!: string;

  @OptionalText(100, 'Operation the case belongs to', 'Stimtone')
  operation?: string;

  @AgencyCode(true)
  leadAgency?: string;

  @AgencyCode(true)
  prosecutingAgency?: string;

  @ApiPropertyOptional({ enum: JURISDICTIONS, default: 'E&W' })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: Jurisdiction;

  @OptionalText(200, 'Offence type', 'Money laundering (POCA s.327)')
  offenceType?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class AddSubjectDto {
  @Text(200, 'Full name', 'Daniel Okafor')
  name!: string;

  @ApiProperty({ enum: SUBJECT_ROLES })
  @IsIn(SUBJECT_ROLES)
  role!: SubjectRole;

  @ApiPropertyOptional({ example: '1988-04-12' })
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class ShareCaseDto {
  @AgencyCode()
  agency!: string;

  @Text(500, 'Why the case is shared', 'Joint investigation with the NCA')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

export class ReasonDto {
  @Text(500, 'Reason', 'Joint investigation concluded')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}
