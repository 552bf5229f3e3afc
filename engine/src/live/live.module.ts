import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';

/**
 * Live updates (docs/live-updates.md): Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY so that
 * a change made through any engine process reaches browsers connected to any other. The
 * announcements come from database triggers, so no other module has to remember to publish.
 */
@Module({ controllers: [LiveController], providers: [LiveHub, LiveRepository, LiveService] })
export class LiveModule {}
