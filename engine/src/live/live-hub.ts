import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import { type LiveEvent, readLiveEvent } from './live-event';
import { LiveRepository } from './live.repository';

/**
 * This process's end of the live channel. Database triggers record every committed change to an
 * instance, a task or an in-app notification (migration live_changes), whichever process made it;
 * the repository polls them and this hub fans them out to the SSE connections held here.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly incoming = new Subject<LiveEvent>();

  constructor(private readonly repository: LiveRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.repository.listen({
      onPayload: (payload) => {
        const event = readLiveEvent(payload);
        if (event) this.incoming.next(event);
      },
      watched: () => this.incoming.observed,
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
