import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { NotificationChannels } from './channels/notification-channels';
import { InstanceNotificationLoader } from './instance-notification.loader';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotifyJobHandler } from './notify-job.handler';
import { RecipientResolver } from './recipient-resolver';

/**
 * Notifications (docs/notifications.md): Handlebars templates from the definition rendered in a
 * sandbox, delivered in-app (Notification rows) and through channel adapters by `notify` jobs.
 */
@Module({
  imports: [DefinitionsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationChannels,
    NotificationDispatcher,
    RecipientResolver,
    InstanceNotificationLoader,
    NotifyJobHandler,
  ],
  exports: [NotificationDispatcher, RecipientResolver, InstanceNotificationLoader, NotificationsRepository],
})
export class NotificationsModule {}
