import { useState } from 'react';
import { Alert, App, Button, Drawer } from 'antd';
import type { AllowedEvent, Instance, JsonObject } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useInstanceEvent } from '../../shared/use-instance-event';
import { LazyEstateForm } from './LazyEstateForm';

type Props = {
  instance: Instance;
  action: AllowedEvent;
  onClose: () => void;
  onApplied: (instance: Instance) => void;
  onConflict: () => void;
};

/** An owner's action (confirm, rate, reopen…) as a bottom sheet with its form. */
export function ActionSheet({ instance, action, onClose, onApplied, onConflict }: Props) {
  const { t, text, locale } = useI18n();
  const { message } = App.useApp();
  const [formData, setFormData] = useState<JsonObject>({});
  const [conflicted, setConflicted] = useState(false);
  const event = useInstanceEvent({
    instance,
    onApplied: (next) => {
      message.success(t('portal.request.done'));
      onApplied(next);
    },
    onConflict: () => {
      setConflicted(true);
      onConflict();
    },
  });
  const stillAllowed = instance.allowedEvents.some((allowed) => allowed.type === action.type);
  const submit = (data: JsonObject) => void event.send({ type: action.type, data });
  const button = (
    <Button
      type="primary"
      size="large"
      block
      loading={event.busy}
      disabled={!stillAllowed}
      onClick={() => submit({})}
      data-testid="form-submit"
    >
      {text(action.label)}
    </Button>
  );
  return (
    <Drawer open placement="bottom" size="auto" title={text(action.label)} onClose={onClose} destroyOnHidden className="ef-sheet">
      {conflicted ? <Alert type="warning" showIcon title={t('instance.conflict')} style={{ marginBottom: 12 }} /> : null}
      {!stillAllowed ? <Alert type="error" showIcon title={t('instance.actionGone')} style={{ marginBottom: 12 }} /> : null}
      {event.error ? <Alert type="error" showIcon title={errorMessage(event.error, t)} style={{ marginBottom: 12 }} /> : null}
      {action.form ? (
        <LazyEstateForm
          schema={action.form.schema}
          uiSchema={action.form.uiSchema}
          formData={formData}
          onChange={setFormData}
          onSubmit={submit}
          locale={locale}
          estateId={instance.estateId}
          instanceId={instance.id}
          serverErrors={event.serverErrors}
          busy={event.busy}
          disabled={!stillAllowed}
          submitLabel={text(action.label)}
          block
        />
      ) : (
        button
      )}
    </Drawer>
  );
}
