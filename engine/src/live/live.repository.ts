import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DatabaseService } from '../database/database.service';
import { LIVE_CHANNEL } from './live-event';

/** LISTEN/NOTIFY on PostgreSQL: how one engine process tells the others that something changed. */
@Injectable()
export class LiveRepository {
  private readonly logger = new Logger('LiveRepository');
  private client: PoolClient | null = null;
  private closed = false;

  constructor(private readonly database: DatabaseService) {}

  /** Holds one connection that LISTENs for the whole process; reconnects when it drops. */
  async listen(onPayload: (payload: string) => void): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.database.pool.connect();
      this.client = client;
      client.on('notification', (message) => {
        if (message.channel === LIVE_CHANNEL && message.payload !== undefined) onPayload(message.payload);
      });
      client.once('error', (error) => {
        this.logger.warn(`Live updates connection lost: ${error.message}; reconnecting.`);
        client.release(error);
        this.client = null;
        setTimeout(() => void this.listen(onPayload), 1_000).unref();
      });
      await client.query('LISTEN estateflow_live');
    } catch (error) {
      this.logger.warn(`Live updates cannot listen yet: ${error instanceof Error ? error.message : String(error)}`);
      setTimeout(() => void this.listen(onPayload), 2_000).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query('UNLISTEN estateflow_live');
    } finally {
      client.release();
    }
  }
}
