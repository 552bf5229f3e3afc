import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeJobHandler } from './notice-job.handler';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

/** Notices (公告) to residents, delivered by the notification channels (docs/api.md, "Notices"). */
@Module({
  imports: [NotificationsModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticesRepository, NoticeJobHandler],
})
export class NoticesModule {}
