import { Injectable } from '@nestjs/common';
import { engineVersion } from '../common/engine-version';
import { HealthRepository } from './health.repository';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  pendingMigrations: string[];
  version: string;
}

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  async check(): Promise<Health> {
    try {
      await this.repository.ping();
    } catch {
      return { status: 'degraded', database: 'unreachable', migrations: 'unknown', pendingMigrations: [], version: engineVersion() };
    }
    const { pending } = await this.repository.migrations();
    return {
      status: pending.length === 0 ? 'ok' : 'degraded',
      database: 'ok',
      migrations: pending.length === 0 ? 'current' : 'pending',
      pendingMigrations: pending,
      version: engineVersion(),
    };
  }
}
