import { ConflictException, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../auth/api-authenticated.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblem } from '../common/http/api-problem.decorator';
import { ProjectionRunner, ProjectionStatus, RebuildInProgressError } from './projection-runner';
import { REBUILD_ALL, RebuildProgress } from './rebuild';

/**
 * Operations on the running server's projections: the CLI's `projections rebuild` asks here when
 * a server holds the data directory (only one process may write it).
 */
@ApiTags('admin')
@ApiAuthenticated()
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
    summary:
      'Rebuild a projection (`all`: every projection, in one pass over the log) from position 0 while the current tables keep serving',
  })
  @ApiCreatedResponse({
    description:
      'Rebuilt and swapped in: names, events read, position reached, seconds, events per second',
  })
  @ApiProblem(404, 'No projection of that name')
  @ApiProblem(409, 'A rebuild is already in progress')
  async rebuild(@Param('name') name: string): Promise<RebuildProgress> {
    if (name !== REBUILD_ALL && !this.runner.projections.some((p) => p.name === name))
      throw new NotFoundException(`No projection ${name}`);
    try {
      return await (name === REBUILD_ALL ? this.runner.rebuildAll() : this.runner.rebuild(name));
    } catch (error) {
      if (error instanceof RebuildInProgressError) throw new ConflictException(error.message);
      throw error;
    }
  }
}
