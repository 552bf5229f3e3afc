import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import type { AllowedEvent, Instance, JsonObject } from '../../api/types';
import { EstateForm } from '../../forms/EstateForm';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useInstanceEvent } from '../../shared/use-instance-event';

type Props = {
  instance: Instance;
  action: AllowedEvent;
  onClose: () => void;
  onApplied: (instance: Instance) => void;
  onConflict: () => void;
};

/** One allowed event as a dialog: its form (shared form set), a comment, and a safe submit. */
export function ActionDialog({ instance, action, onClose, onApplied, onConflict }: Props) {
  const { t, text, locale } = useI18n();
  const { message } = App.useApp();
  const [formData, setFormData] = useState<JsonObject>({});
  const [comment, setComment] = useState('');
  const [conflicted, setConflicted] = useState(false);
  const event = useInstanceEvent({
    instance,
    onApplied: (next) => {
      message.success(t('instance.done'));
      onApplied(next);
    },
    onConflict: () => {
      setConflicted(true);
      onConflict();
    },
  });
  const stillAllowed = instance.allowedEvents.some((allowed) => allowed.type === action.type);
  const submit = (data: JsonObject) => {
    setConflicted(false);
    void event.send({ type: action.type, data, comment: comment.trim() || undefined });
  };
  const form = action.form;

  return (
    <Modal open title={text(action.label)} onCancel={onClose} footer={null} width={640} destroyOnHidden mask={{ closable: false }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {conflicted ? <Alert type="warning" showIcon title={t('instance.conflict')} data-testid="conflict-alert" /> : null}
        {!stillAllowed ? <Alert type="error" showIcon title={t('instance.actionGone')} /> : null}
        {event.error ? <Alert type="error" showIcon title={errorMessage(event.error, t)} /> : null}
        {event.serverErrors.length > 0 ? <Alert type="error" showIcon title={t('instance.fixErrors')} /> : null}
        <Input.TextArea
          placeholder={t('instance.comment')}
          aria-label={t('instance.comment')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={comment}
          onChange={(change) => setComment(change.target.value)}
        />
        {form ? (
          <EstateForm
            schema={form.schema}
            uiSchema={form.uiSchema}
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
            extraButtons={<Button onClick={onClose}>{t('common.cancel')}</Button>}
          />
        ) : (
          <Space>
            <Button type="primary" loading={event.busy} disabled={!stillAllowed} onClick={() => submit({})} data-testid="form-submit">
              {text(action.label)}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
        )}
      </Space>
    </Modal>
  );
}
