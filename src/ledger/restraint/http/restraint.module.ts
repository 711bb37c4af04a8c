import { Module } from '@nestjs/common';
import { RestraintController } from './restraint.controller';
import { RestraintService } from './restraint.service';

@Module({
  controllers: [RestraintController],
  providers: [RestraintService],
  exports: [RestraintService],
})
export class RestraintModule {}
