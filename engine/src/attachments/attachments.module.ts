import { Module } from '@nestjs/common';
import { AttachmentStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Uploads (RELIABILITY 15): checked by size and content, stored under random names outside the web root. */
@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService, AttachmentStorage],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
