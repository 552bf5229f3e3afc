import { useEffect } from 'react';
import { parseLiveEvent, publishLiveEvent } from './live-events';

const eventNames = ['instance.updated', 'task.changed', 'notification', 'message'];

/** Keeps one EventSource on /api/events/stream open while signed in; renders nothing. */
export function LiveEventsEffect({ onStatus }: { onStatus?: (connected: boolean) => void }) {
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/events/stream', { withCredentials: true });
    let wasLost = false;
    const handlers = eventNames.map((name) => {
      const handler = (message: MessageEvent<string>) => {
        const event = parseLiveEvent(name, message.data);
        if (event) publishLiveEvent(event);
      };
      source.addEventListener(name, handler);
      return { name, handler };
    });
    source.onopen = () => {
      onStatus?.(true);
      // Anything may have changed while the stream was down.
      if (wasLost) publishLiveEvent({ kind: 'reconnected' });
      wasLost = false;
    };
    source.onerror = () => {
      wasLost = true;
      onStatus?.(false);
    };
    return () => {
      for (const { name, handler } of handlers) source.removeEventListener(name, handler);
      source.close();
    };
  }, [onStatus]);
  return null;
}
