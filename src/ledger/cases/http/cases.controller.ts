import { Body, Controller, Delete, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../../auth/api-authenticated.decorator';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import { CommandResponse, sendOutcome, SubjectAddedResponse } from '../../http/command-response';
import { IdParam } from '../../http/id-param';
import { AgencyParam } from '../../http/agency-param';
import { AddSubjectDto, OpenCaseDto, ReasonDto, ShareCaseDto } from './case.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiAuthenticated()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiCommand('Open a case', ['investigator', 'supervisor'], { creates: true })
  async open(
    @Body() dto: OpenCaseDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.open(dto, envelope));
  }

  @Post(':caseId/subjects')
  @ApiCommand(
    'Add a subject (suspect, defendant, respondent or third party); answers with its subjectId',
    ['investigator', 'court_liaison', 'supervisor'],
    { response: SubjectAddedResponse },
  )
  async addSubject(
    @IdParam('caseId') caseId: string,
    @Body() dto: AddSubjectDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectAddedResponse> {
    const outcome = await this.cases.addSubject(caseId, dto, envelope);
    return { ...sendOutcome(response, outcome), subjectId: outcome.subjectId };
  }

  @Post(':caseId/shares')
  @ApiCommand('Share the case with another agency', ['supervisor', 'investigator'])
  async share(
    @IdParam('caseId') caseId: string,
    @Body() dto: ShareCaseDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.share(caseId, dto, envelope));
  }

  @Delete(':caseId/shares/:agency')
  @ApiCommand('Revoke sharing with an agency', ['supervisor', 'investigator'])
  async revoke(
    @IdParam('caseId') caseId: string,
    @AgencyParam('agency') agency: string,
    @Body() dto: ReasonDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.revoke(caseId, agency, dto, envelope));
  }

  @Post(':caseId/close')
  @ApiCommand('Close the case', ['supervisor'])
  async close(
    @IdParam('caseId') caseId: string,
    @Body() dto: ReasonDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.close(caseId, dto, envelope));
  }
}
