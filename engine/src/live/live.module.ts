import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';
import { LiveRepository } from './live.repository';
import { LiveService } from './live.service';

/**
 * Live updates (docs/live-updates.md): Server-Sent Events fed by a change table that every engine
 * process polls, so that a change made through any engine process reaches browsers connected to
 * any other. The changes are written by database triggers, so no other module has to remember to
 * publish.
 */
@Module({ controllers: [LiveController], providers: [LiveHub, LiveRepository, LiveService] })
export class LiveModule {}
