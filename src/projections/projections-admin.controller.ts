import { Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ProjectionRunner, ProjectionStatus } from './projection-runner';
import { RebuildProgress } from './rebuild';

/**
 * Operations on the running server's projections: the CLI's `projections rebuild` asks here when
 * a server holds the data directory (only one process may write it).
 */
@ApiTags('admin')
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @ApiOperation({ summary: 'Each projection: version, generation, checkpoint, caught up, state' })
  status(): ProjectionStatus[] {
    return this.runner.status();
  }

  @Post(':name/rebuild')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Rebuild a projection from position 0 while the current tables keep serving',
  })
  async rebuild(@Param('name') name: string): Promise<RebuildProgress> {
    if (!this.runner.projections.some((p) => p.name === name))
      throw new NotFoundException(`No projection ${name}`);
    return this.runner.rebuild(name);
  }
}
