import { Injectable } from '@nestjs/common';
import { RowLevelSecurityCheck, type RowLevelSecurityStatus } from '../access/row-level-security.check';
import { engineVersion } from '../common/engine-version';
import { HealthRepository } from './health.repository';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  pendingMigrations: string[];
  /** The second wall of tenancy (RELIABILITY 18); health is degraded when it is not in force. */
  rowLevelSecurity?: RowLevelSecurityStatus;
  version: string;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly repository: HealthRepository,
    private readonly rowLevelSecurity: RowLevelSecurityCheck,
  ) {}

  async check(): Promise<Health> {
    try {
      await this.repository.ping();
    } catch {
      return { status: 'degraded', database: 'unreachable', migrations: 'unknown', pendingMigrations: [], version: engineVersion() };
    }
    const { pending } = await this.repository.migrations();
    const rowLevelSecurity = pending.length === 0 ? await this.rowLevelSecurity.status() : undefined;
    return {
      status: pending.length === 0 && rowLevelSecurity?.status === 'enforced' ? 'ok' : 'degraded',
      database: 'ok',
      migrations: pending.length === 0 ? 'current' : 'pending',
      pendingMigrations: pending,
      ...(rowLevelSecurity === undefined ? {} : { rowLevelSecurity }),
      version: engineVersion(),
    };
  }
}
