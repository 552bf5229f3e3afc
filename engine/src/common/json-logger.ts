import type { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Structured logs: one JSON object per line on stdout (errors on stderr). */
export class JsonLogger implements LoggerService {
  constructor(private readonly minimum: Level = 'info') {}

  private write(level: Level, message: unknown, context: unknown): void {
    if (LEVELS[level] < LEVELS[this.minimum]) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      context: typeof context === 'string' ? context : undefined,
      message: message instanceof Error ? message.message : message,
    });
    (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
  }

  log(message: unknown, context?: unknown): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: unknown, context?: unknown): void {
    this.write('error', typeof trace === 'string' && trace ? `${String(message)}\n${trace}` : message, context ?? trace);
  }
  warn(message: unknown, context?: unknown): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: unknown): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.write('debug', message, context);
  }
}
