import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { ChecksOwnAuthorization, Public } from '../common/public.decorator';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { MetricsService } from './metrics.service';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /**
   * For Prometheus (docs/monitoring.md). With ESTATEFLOW_METRICS_TOKEN set, a scraper sends it as a
   * bearer token; without it, only this machine may read the figures.
   */
  @Public()
  @ChecksOwnAuthorization()
  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics: requests, jobs, incidents, backups, pools (bearer ESTATEFLOW_METRICS_TOKEN, or from this machine)',
  })
  async scrape(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    const token = this.config.metricsToken;
    if (token !== null) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, token))
        throw new UnauthenticatedError('Send the metrics token as "Authorization: Bearer <ESTATEFLOW_METRICS_TOKEN>".');
    } else if (!LOOPBACK.has(request.ip)) {
      throw new ForbiddenError(
        'Metrics are read from this machine only; set ESTATEFLOW_METRICS_TOKEN to let a scraper elsewhere read them.',
      );
    }
    response.header('content-type', this.metrics.registry.contentType);
    return this.metrics.text();
  }
}
