import { Module } from '@nestjs/common';
import { BackupService } from './backup.service';

/** Backups of the database and its uploads, on demand and daily (docs/backups.md). */
@Module({ providers: [BackupService], exports: [BackupService] })
export class BackupModule {}
