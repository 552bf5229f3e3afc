import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runAsTenant } from '../database/tenant-context';

/**
 * Runs each request's handler — its pipes, the service and every query it awaits — as the
 * principal's company (RELIABILITY 18). The SessionGuard has put the principal on the request by
 * now; a guard cannot wrap what follows it, an interceptor can. Requests without a principal
 * (public routes) run as no tenant: tenant tables look empty to them.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const companyId = context.switchToHttp().getRequest<FastifyRequest>().principal?.companyId ?? null;
    // Subscribing inside runAsTenant calls the handler inside it (Nest defers the handler until subscription).
    return new Observable((subscriber) => runAsTenant(companyId, () => next.handle().subscribe(subscriber)));
  }
}
