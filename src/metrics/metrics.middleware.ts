import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LedgerMetrics } from './ledger-metrics';

/** Counts and times every request by its route pattern (never the raw path: ids would explode). */
@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: LedgerMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.durations.startTimer();
    response.on('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      const route = pattern ? `${request.baseUrl}${pattern}` : 'unmatched';
      const labels = { method: request.method, route };
      end(labels);
      this.metrics.requests.inc({ ...labels, status: String(response.statusCode) });
    });
    next();
  }
}
