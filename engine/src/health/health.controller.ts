import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/public.decorator';
import { type Health, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Database reachable, migrations current, engine version (503 when degraded)' })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<Health> {
    const health = await this.health.check();
    if (health.status !== 'ok') response.status(503);
    return health;
  }
}
