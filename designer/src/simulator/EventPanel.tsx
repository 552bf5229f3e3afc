import { ALL_ROLES, allowedEvents, type FieldError } from '@estateflow/model';
import { EstateForm } from '@estateflow/runtime-web/forms';
import type { JsonObject } from '@estateflow/runtime-web/api';
import { Alert, Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Definition } from '../definition/types';
import { useI18n } from '../i18n/I18nContext';
import { pickText } from '../i18n/translate';
import { FormErrorBoundary } from '../formbuilder/FormErrorBoundary';
import { withLocaleConvention } from '../formbuilder/localizeForm';
import { toJsonObject } from '../util/toJsonObject';
import type { Simulation } from './simulation';

/** The events the simulated instance accepts now; choosing one opens its form, sending validates it. */
export function EventPanel(props: {
  definition: Definition;
  simulation: Simulation;
  onSend: (input: { type: string; form: string | undefined; data: Record<string, unknown> }) => FieldError[];
}) {
  const { t, locale } = useI18n();
  const events = useMemo(
    () => allowedEvents(props.definition, props.simulation.snapshot, { roles: [...ALL_ROLES] }),
    [props.definition, props.simulation.snapshot],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [data, setData] = useState<JsonObject>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const event = events.find((candidate) => candidate.event === chosen);
  const form = event?.form ? props.definition.forms[event.form] : undefined;
  const send = (payload: Record<string, unknown>) => {
    if (!event) return;
    const problems = props.onSend({ type: event.event, form: event.form, data: payload });
    setErrors(problems);
    if (problems.length === 0) {
      setChosen(null);
      setData({});
    }
  };
  if (props.simulation.status === 'done') return <Alert type="success" showIcon title={t('sim.done')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('sim.events')}</Typography.Text>
      <Space wrap>
        {events.map((candidate) => (
          <Button
            key={`${candidate.statePath}.${candidate.event}`}
            type={candidate.event === chosen ? 'primary' : 'default'}
            size="small"
            onClick={() => (setChosen(candidate.event), setErrors([]), setData({}))}
            data-event={candidate.event}
          >
            {pickText(candidate.label, locale) || candidate.event}
          </Button>
        ))}
      </Space>
      {event && form && (
        <FormErrorBoundary resetKey={event.event}>
          <EstateForm
            schema={toJsonObject(form.schema)}
            uiSchema={toJsonObject(withLocaleConvention(form.uiSchema))}
            formData={data}
            onChange={setData}
            onSubmit={send}
            locale={locale}
            offline
          >
            <Button type="primary" htmlType="submit">
              {t('sim.send')}
            </Button>
          </EstateForm>
        </FormErrorBoundary>
      )}
      {event && !form && (
        <Button type="primary" onClick={() => send({})}>
          {t('sim.send')} {event.event}
        </Button>
      )}
      {errors.length > 0 && (
        <Alert type="error" showIcon title={errors.map((error) => `${error.path} ${error.message[locale]}`).join('；')} />
      )}
    </Space>
  );
}
