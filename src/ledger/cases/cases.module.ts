import { Module } from '@nestjs/common';
import { CasesController } from './http/cases.controller';
import { CasesService } from './http/cases.service';
import { ProjectionsModule } from '../../projections/projections.module';

@Module({
  imports: [ProjectionsModule],
  controllers: [CasesController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
