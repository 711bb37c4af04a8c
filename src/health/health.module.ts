import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { HealthController } from './health.controller';

@Module({ imports: [ProjectionsModule, WorkflowsModule], controllers: [HealthController] })
export class HealthModule {}
