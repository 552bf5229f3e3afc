import { Controller, Res, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { LiveService, type ServerSentEvent } from './live.service';

@ApiTags('live')
@Controller('events')
export class LiveController {
  constructor(private readonly live: LiveService) {}

  @Sse('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-Sent Events for the caller: instance.updated { id, version }, task.changed { estateId }, notification { id }',
  })
  stream(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: FastifyReply): Observable<ServerSentEvent> {
    // Reverse proxies (nginx) buffer responses unless told not to; a buffered stream is not live.
    response.header('X-Accel-Buffering', 'no');
    return this.live.stream(principal);
  }
}
