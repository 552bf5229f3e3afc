import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { migrationStatus, type MigrationStatus } from '../database/migrator';

@Injectable()
export class HealthRepository {
  constructor(private readonly database: DatabaseService) {}

  async ping(): Promise<void> {
    await this.database.pool.query('SELECT 1');
  }

  migrations(): Promise<MigrationStatus> {
    return migrationStatus(this.database.pool);
  }
}
