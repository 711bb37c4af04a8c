import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { Public } from '../auth/public.decorator';
import { HealthReport } from './health.report';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReport, description: 'The event store is reachable' })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The event store is not reachable',
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const store = await this.store.health();
    const report: HealthReport = { status: store.ok ? 'ok' : 'unavailable', eventStore: store };
    response.status(store.ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
