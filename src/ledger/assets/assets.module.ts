import { Module } from '@nestjs/common';
import { AssetController } from './http/asset.controller';
import { AssetService } from './http/asset.service';

@Module({ controllers: [AssetController], providers: [AssetService], exports: [AssetService] })
export class AssetsModule {}
