import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ClaimedJob, type JobHandler, ObsoleteJobError, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadNumber, payloadRecord, payloadString } from '../jobs/job-payload';
import { InstanceNotificationLoader } from '../notifications/instance-notification.loader';
import { type LocalizedTemplate, NotificationDispatcher } from '../notifications/notification-dispatcher';
import { notificationContext } from '../notifications/notification-context';
import { RecipientResolver } from '../notifications/recipient-resolver';
import { Clock } from './clock';
import { escalationRole } from './escalation-ladder';
import { SlaRepository } from './sla.repository';

/** Used when the escalation names no template of the definition. */
const BUILT_IN_TEMPLATE: LocalizedTemplate = {
  'zh-CN': {
    title: '超时升级：{{instance.reference}}',
    body: '{{instance.reference}}「{{instance.title}}」{{escalation.reason}}（第 {{escalation.level}} 级升级），当前状态：{{instance.stateLabel}}。请尽快处理。',
  },
  en: {
    title: 'Escalated: {{instance.reference}}',
    body: '{{instance.reference}} "{{instance.title}}": {{escalation.reason}} (escalation level {{escalation.level}}); now: {{instance.stateLabel}}. Please act.',
  },
};

const SLA_REASONS = {
  respond: { 'zh-CN': '响应超时', en: 'not responded to in time' },
  complete: { 'zh-CN': '处理超时', en: 'not completed in time' },
  other: { 'zh-CN': '已超时', en: 'overdue' },
} as const;

/**
 * `escalate` jobs: from an escalate action in the definition (role given), or from the SLA sweep
 * (role from the escalation ladder). Tells the role holders in the instance's estate, in-app.
 */
@Injectable()
export class EscalateJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'escalate';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly loader: InstanceNotificationLoader,
    private readonly recipients: RecipientResolver,
    private readonly dispatcher: NotificationDispatcher,
    private readonly sla: SlaRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const instanceId = job.instanceId ?? payloadString(job.payload, 'instanceId');
    if (job.companyId === null || instanceId === null) throw new PermanentJobError('An escalate job needs a company and an instance.');
    const { instance, definition, parameters } = await this.loader.load({ companyId: job.companyId, instanceId });
    const level = payloadNumber(job.payload, 'level') ?? 1;
    const taskId = payloadString(job.payload, 'taskId');
    let role = payloadString(payloadRecord(job.payload, 'to') ?? {}, 'role');
    let reason: { 'zh-CN': string; en: string } = SLA_REASONS.other;
    if (taskId !== null) {
      // From the SLA sweep: only while the task is still open.
      const task = await this.sla.openTask({ companyId: job.companyId, taskId, now: this.clock.now() });
      if (task === null) throw new ObsoleteJobError('the task was finished before its escalation went out');
      role ??= escalationRole({ definition, statePath: task.stateKey, level });
      if (role === null) throw new ObsoleteJobError('the workflow escalates this task itself (sla.escalation: false)');
      reason = task.respondBreached && level === 1 ? SLA_REASONS.respond : SLA_REASONS.complete;
    }
    if (role === null) throw new PermanentJobError('An escalate job needs a role to escalate to.');
    const reasonText = payloadRecord(job.payload, 'reason');
    const templateKey = payloadString(job.payload, 'template');
    const template = (templateKey === null ? undefined : definition.notifications?.[templateKey]) ?? BUILT_IN_TEMPLATE;
    const recipients = await this.recipients.resolve({
      companyId: instance.companyId,
      estateId: instance.estateId,
      instanceId: instance.id,
      requesterPersonId: instance.requesterPersonId,
      to: [{ kind: 'role', role }],
    });
    const now = this.clock.now();
    await this.dispatcher.deliver({
      companyId: instance.companyId,
      estateId: instance.estateId,
      instanceId: instance.id,
      templateKey: templateKey ?? 'escalation',
      template,
      context: (locale) => {
        const given = reasonText === null ? null : (payloadString(reasonText, locale) ?? payloadString(reasonText, 'zh-CN'));
        return notificationContext({
          definition,
          instance,
          parameters,
          locale,
          now,
          extra: { escalation: { level, role, reason: given ?? reason[locale] } },
        });
      },
      timezone: instance.timezone,
      recipients,
      channels: ['inApp'],
      dedupeKey: job.dedupeKey,
    });
  }
}
