import { Module } from '@nestjs/common';
import { CasesController } from './http/cases.controller';
import { CasesService } from './http/cases.service';

@Module({ controllers: [CasesController], providers: [CasesService], exports: [CasesService] })
export class CasesModule {}
