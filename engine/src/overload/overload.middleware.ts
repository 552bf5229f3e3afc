import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { ServiceUnavailableError } from '../common/errors';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { ConcurrencyLimiter } from './concurrency-limiter';

/** Seconds a refused client waits; short, because event requests are short. */
const RETRY_AFTER_SECONDS = 1;

/** RELIABILITY 9 on the instance and event routes: refused whole (503 + Retry-After), never half-applied. */
@Injectable()
export class OverloadMiddleware implements NestMiddleware {
  private readonly limiter: ConcurrencyLimiter;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrentEvents);
  }

  /** Nest middleware on Fastify sees the Node.js request and response. */
  use(_request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const release = this.limiter.tryAcquire();
    if (release === null)
      throw new ServiceUnavailableError('The server is busy; nothing was changed. Please retry in a moment.', RETRY_AFTER_SECONDS);
    response.once('finish', release);
    response.once('close', release);
    next();
  }
}
