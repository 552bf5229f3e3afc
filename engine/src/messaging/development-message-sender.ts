import fs from 'node:fs';
import path from 'node:path';
import type { MessageSender, OutgoingMessage } from './message-sender';

/**
 * Sends nothing: appends each message as one JSON line to `<dataDir>/messages.jsonl`, where the
 * demo portal (through GET /api/dev/latest-code) and the tests read sign-in codes.
 */
export class DevelopmentMessageSender implements MessageSender {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'messages.jsonl');
  }

  async send(message: OutgoingMessage): Promise<void> {
    const line = {
      channel: message.channel,
      to: message.to,
      text: message.text,
      ...(message.title ? { title: message.title } : {}),
      ...(message.code ? { code: message.code } : {}),
    };
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    // One appendFile per line: concurrent appends of small lines do not interleave.
    await fs.promises.appendFile(this.file, JSON.stringify(line) + '\n', { mode: 0o600 });
  }

  /** The latest code sent to a phone, or null. */
  async latestCode(to: string): Promise<string | null> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    const lines = text.split('\n').filter(Boolean).reverse();
    for (const line of lines) {
      const parsed: unknown = JSON.parse(line);
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'to' in parsed &&
        'code' in parsed &&
        parsed.to === to &&
        typeof parsed.code === 'string'
      )
        return parsed.code;
    }
    return null;
  }
}
