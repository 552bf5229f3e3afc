import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { BindingsController } from './bindings.controller';
import { BindingsRepository } from './bindings.repository';
import { BindingsService } from './bindings.service';

@Module({ imports: [DefinitionsModule], controllers: [BindingsController], providers: [BindingsService, BindingsRepository] })
export class BindingsModule {}
