import { Module } from '@nestjs/common';
import { ConfiscationController } from './http/confiscation.controller';
import { ConfiscationService } from './http/confiscation.service';

@Module({
  controllers: [ConfiscationController],
  providers: [ConfiscationService],
  exports: [ConfiscationService],
})
export class ConfiscationModule {}
