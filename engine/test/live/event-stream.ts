import type { HttpClient } from '../harness/http-client';

export interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
}

/** A browser-like EventSource for tests: connects with the client's session and collects events. */
export class EventStreamReader {
  readonly events: StreamEvent[] = [];
  private readonly abort = new AbortController();
  status = 0;

  static async open(client: HttpClient): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    const response = await fetch(`${client.baseUrl}/api/events/stream`, {
      headers: { cookie: client.cookieHeader, accept: 'text/event-stream' },
      signal: reader.abort.signal,
    });
    reader.status = response.status;
    if (!response.ok || !response.body) return reader;
    void reader.read(response.body);
    await reader.waitFor((event) => event.type === 'ready', 5_000);
    return reader;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          this.events.push({ type, data: data ? JSON.parse(data) : {} });
        }
      }
    } catch {
      // aborted
    }
  }

  async waitFor(match: (event: StreamEvent) => boolean, timeoutMs = 10_000): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.abort.abort();
  }
}
