import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import { type LiveEvent, parseLiveEvent } from './live-event';
import { LiveRepository } from './live.repository';

/**
 * This process's end of the live channel. Database triggers announce every committed change to
 * an instance, a task or an in-app notification (migration live_updates_and_sla_escalation),
 * whichever process made it; this hub fans what arrives out to the SSE connections held here.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly incoming = new Subject<LiveEvent>();

  constructor(private readonly repository: LiveRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.repository.listen((payload) => {
      const event = parseLiveEvent(payload);
      if (event) this.incoming.next(event);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.incoming.complete();
    await this.repository.close();
  }

  get events(): Observable<LiveEvent> {
    return this.incoming.asObservable();
  }
}
