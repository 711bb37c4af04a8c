import { Module } from '@nestjs/common';
import { ConfiscationController } from './confiscation.controller';
import { ConfiscationService } from './confiscation.service';

@Module({
  controllers: [ConfiscationController],
  providers: [ConfiscationService],
  exports: [ConfiscationService],
})
export class ConfiscationModule {}
