import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthenticated } from '../auth/api-authenticated.decorator';
import { LedgerMetrics } from './ledger-metrics';

@ApiTags('health')
@ApiAuthenticated()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP requests by route and status, the log head, and each projection and reactor checkpoint and lag',
  })
  @ApiOkResponse({ description: 'text/plain; version=0.0.4 (Prometheus exposition format)' })
  async scrape(@Res() response: Response): Promise<void> {
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
