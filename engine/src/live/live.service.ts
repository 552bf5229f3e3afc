import { Injectable } from '@nestjs/common';
import { filter, interval, map, merge, type Observable, of, finalize } from 'rxjs';
import type { Principal } from '../auth/principal';
import { ServiceUnavailableError } from '../common/errors';
import { LiveHub } from './live-hub';
import { visibleLiveEvent } from './live-visibility';

/** What NestJS writes as one Server-Sent Event. */
export interface ServerSentEvent {
  type: string;
  data: Record<string, unknown>;
  id?: string;
  retry?: number;
}

/** Each connection holds a little memory; past this many in one process, new ones are asked to retry (RELIABILITY 9). */
const MAX_STREAMS = 2_000;
/** Proxies close idle connections; a comment-like ping keeps the stream open. */
const HEARTBEAT_MS = 25_000;

@Injectable()
export class LiveService {
  private streams = 0;

  constructor(private readonly hub: LiveHub) {}

  /** The caller's stream: what they may see of every live event, plus a heartbeat. */
  stream(principal: Principal): Observable<ServerSentEvent> {
    if (this.streams >= MAX_STREAMS)
      throw new ServiceUnavailableError('Too many live connections on this server; please retry shortly.', 10);
    this.streams++;
    const events = this.hub.events.pipe(
      map((event) => visibleLiveEvent(principal, event)),
      filter((event): event is NonNullable<typeof event> => event !== null),
    );
    const ready: ServerSentEvent = { type: 'ready', data: {}, retry: 3_000 };
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): ServerSentEvent => ({ type: 'ping', data: {} })));
    return merge(of(ready), events, heartbeat).pipe(finalize(() => this.streams--));
  }
}
