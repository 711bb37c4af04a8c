import { Module } from '@nestjs/common';
import { RestraintController } from './http/restraint.controller';
import { RestraintService } from './http/restraint.service';

@Module({
  controllers: [RestraintController],
  providers: [RestraintService],
  exports: [RestraintService],
})
export class RestraintModule {}
