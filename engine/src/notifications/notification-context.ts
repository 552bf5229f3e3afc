import { stateLabel, type WorkflowDefinition } from '@estateflow/model';
import { maskFormTokens } from '../privacy/form-personal-data';
import type { InstanceForNotification } from './notifications.repository';

function labelFor(input: { definition: WorkflowDefinition; instance: InstanceForNotification; locale: 'zh-CN' | 'en' }): string {
  try {
    const label = stateLabel(input.definition, input.instance.snapshot);
    return (input.locale === 'en' ? label.en : undefined) ?? label['zh-CN'];
  } catch {
    // A snapshot the model cannot read still gets its notification, named by its state key.
    return input.instance.stateValue;
  }
}

/**
 * What a notification template sees (docs/notifications.md): the instance's reference, title,
 * state and dates, its form data, the estate's parameters, the estate, and the time of sending.
 * The recipient's name is added per recipient.
 */
export function notificationContext(input: {
  definition: WorkflowDefinition;
  instance: InstanceForNotification;
  parameters: Record<string, unknown>;
  locale: 'zh-CN' | 'en';
  now: Date;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const { instance } = input;
  return {
    instance: {
      id: instance.id,
      reference: instance.reference,
      title: instance.title,
      workflowKey: instance.workflowKey,
      state: instance.stateValue,
      stateLabel: labelFor(input),
      status: instance.status,
      createdAt: instance.createdAt.toISOString(),
      updatedAt: instance.updatedAt.toISOString(),
    },
    // Phone and ID numbers typed into forms, masked (notifications leave the engine: SMS, WeChat, email).
    data: maskFormTokens(instance.data),
    params: input.parameters,
    estate: { name: instance.estateName },
    now: input.now.toISOString(),
    ...input.extra,
  };
}
