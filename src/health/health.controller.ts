import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblem } from '../common/http/api-problem.decorator';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { Public } from '../auth/public.decorator';
import { HealthReport } from './health.report';
import { lagOf } from '../metrics/ledger-metrics';
import { ProjectionRunner } from '../projections/projection-runner';
import { ReactorRunner } from '../workflows/reactor-runner';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly reactors: ReactorRunner,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness and readiness: whether the event store is reachable, and how far each projection and reactor lags',
    description: 'Needs no token.',
  })
  @ApiOkResponse({ type: HealthReport, description: 'The event store is reachable' })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The event store is not reachable',
  })
  // It takes no body, but every request's body is parsed as JSON before routing, as on any route.
  @ApiProblem(400, 'malformed_json: the request carries a body that is not valid JSON')
  @ApiProblem(413, 'payload_too_large: the request carries a body over 1 MB')
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const store = await this.store.health();
    const report: HealthReport = { status: store.ok ? 'ok' : 'unavailable', eventStore: store };
    if (store.ok) {
      // Readiness detail: how far the read side is behind (the API answers meanwhile).
      const lag = await lagOf(this.store, this.projections, this.reactors);
      const view = (l: { name: string; caughtUp: boolean; lag: bigint }) => ({
        name: l.name,
        caughtUp: l.caughtUp,
        lag: l.lag.toString(),
      });
      report.projections = lag.projections.map(view);
      report.reactors = lag.reactors.map(view);
    }
    response.status(store.ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
