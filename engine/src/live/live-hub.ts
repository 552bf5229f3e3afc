import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import { type LiveEvent, parseLiveEvent } from './live-event';
import { LiveRepository } from './live.repository';

/**
 * This process's end of the live channel: publishes events for every process (including this
 * one) and fans what arrives out to the SSE connections held here.
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

  /** Tell every engine process; never fails the caller's work (live updates are a courtesy, the data is in the database). */
  async publish(event: LiveEvent): Promise<void> {
    try {
      await this.repository.publish(event);
    } catch {
      // The browser refetches on reconnect; a lost live event costs a stale screen for a moment.
    }
  }
}
