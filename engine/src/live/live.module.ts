import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';

/**
 * Live updates (docs/live-updates.md): Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY so that
 * a change made through any engine process reaches browsers connected to any other. Global so
 * that the instances pipeline and the workers can publish through LiveHub.
 */
@Global()
@Module({ controllers: [LiveController], providers: [LiveHub, LiveRepository, LiveService], exports: [LiveHub] })
export class LiveModule {}
