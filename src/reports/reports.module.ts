import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { ReconciliationController } from './reconciliation/reconciliation.controller';
import { ValuationStatementController } from './valuation-statement/valuation-statement.controller';

/** The documents the ledger exists to produce (issue 5): read-only, from the event store. */
@Module({
  imports: [ProjectionsModule],
  controllers: [ReconciliationController, ValuationStatementController],
})
export class ReportsModule {}
