import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/** Figures for Prometheus (docs/monitoring.md). */
@Module({ controllers: [MetricsController], providers: [MetricsService, MetricsRepository], exports: [MetricsService] })
export class MetricsModule {}
