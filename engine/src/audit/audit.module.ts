import { Global, Module } from '@nestjs/common';
import { AuditViewerRepository } from './audit-viewer.repository';
import { AuditViewerService } from './audit-viewer.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit trail; global so that any capability can record what it must. Viewer and verify read the same chain. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, AuditViewerService, AuditViewerRepository],
  exports: [AuditService, AuditViewerService],
})
export class AuditModule {}
