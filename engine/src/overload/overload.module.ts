import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { OverloadMiddleware } from './overload.middleware';

/** The in-process concurrency limit on the routes that run the workflow engine (RELIABILITY 9). */
@Module({ providers: [OverloadMiddleware] })
export class OverloadModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(OverloadMiddleware)
      .forRoutes(
        { path: 'instances/{*rest}', method: RequestMethod.POST },
        { path: 'estates/:estateId/instances', method: RequestMethod.POST },
        { path: 'attachments', method: RequestMethod.POST },
      );
  }
}
