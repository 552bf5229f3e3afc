import { Module, type DynamicModule } from '@nestjs/common';
import type { EngineConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { MessagingModule } from './messaging/messaging.module';
import { PrivacyModule } from './privacy/privacy.module';
import { SeedModule } from './seed/seed.module';
import { PeopleModule } from './people/people.module';
import { IncidentsModule } from './incidents/incidents.module';
import { JobsModule } from './jobs/jobs.module';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TimersModule } from './timers/timers.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ChildWorkflowsModule } from './child-workflows/child-workflows.module';
import { SchedulesModule } from './schedules/schedules.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { OverloadModule } from './overload/overload.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { BindingsModule } from './bindings/bindings.module';
import { InstancesModule } from './instances/instances.module';
import { TasksModule } from './tasks/tasks.module';
import { AccessModule } from './access/access.module';
import { AdminModule } from './admin/admin.module';
import { ImportsModule } from './imports/imports.module';
import { ResidencyModule } from './residency/residency.module';
import { RetentionModule } from './retention/retention.module';
import { PacksModule } from './packs/packs.module';
import { ReportsModule } from './reports/reports.module';
import { DemoHistoryModule } from './demo-history/demo-history.module';
import { BackupModule } from './backup/backup.module';
import { MetricsModule } from './metrics/metrics.module';
import { NoticesModule } from './notices/notices.module';

/** Every capability module of the engine, wired to one configuration and one database. */
@Module({})
export class AppModule {
  static forRoot(config: EngineConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        PrivacyModule,
        AuditModule,
        MessagingModule,
        AuthModule,
        SeedModule,
        PeopleModule,
        HealthModule,
        JobsModule,
        IncidentsModule,
        LiveModule,
        NotificationsModule,
        TimersModule,
        WebhooksModule,
        ChildWorkflowsModule,
        ResidencyModule,
        SchedulesModule,
        AttachmentsModule,
        OverloadModule,
        AccessModule,
        AdminModule,
        ImportsModule,
        RetentionModule,
        DefinitionsModule,
        BindingsModule,
        InstancesModule,
        TasksModule,
        PacksModule,
        ReportsModule,
        DemoHistoryModule,
        BackupModule,
        MetricsModule,
        NoticesModule,
      ],
    };
  }
}
