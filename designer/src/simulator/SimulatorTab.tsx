import { EstateForm } from '@estateflow/runtime-web/forms';
import type { JsonObject } from '@estateflow/runtime-web/api';
import { Alert, Button, Divider, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import { FormErrorBoundary } from '../formbuilder/FormErrorBoundary';
import { withLocaleConvention } from '../formbuilder/localizeForm';
import { useI18n } from '../i18n/I18nContext';
import { toJsonObject } from '../util/toJsonObject';
import { ReadOnlyCanvas } from '../versions/ReadOnlyCanvas';
import { EventPanel } from './EventPanel';
import { ScenarioPanel } from './ScenarioPanel';
import { advanceClock, dataOf, sendEvent, SIMULATION_START, startSimulation, type Simulation } from './simulation';

const HOUR = 3_600_000;

/** Run the workflow in the browser with the model's step function: start, send events, fast-forward, watch data. */
export function SimulatorTab() {
  const { t, locale } = useI18n();
  const { state, setOverlay } = useEditor();
  const { definition } = state;
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const [startData, setStartData] = useState<JsonObject>({});
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    setOverlay(simulation ? { activeStates: simulation.activeStates, takenTransitions: simulation.taken } : null);
  }, [simulation, setOverlay]);
  const startForm = definition.startForm ? definition.forms[definition.startForm] : undefined;
  const begin = (data: Record<string, unknown>) => {
    const result = startSimulation(definition, { data });
    if (result.ok) {
      setSimulation(result.simulation);
      setErrors([]);
    } else setErrors(result.errors.map((error) => `${error.path} ${error.message[locale]}`));
  };
  return (
    <div className="simulator">
      <div className="simulator-canvas">
        <ReadOnlyCanvas definition={definition} activeStates={simulation?.activeStates ?? []} takenTransitions={simulation?.taken ?? []} />
      </div>
      <aside className="simulator-side" aria-label={t('sim.title')}>
        {!simulation ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Title level={5}>{t('sim.start')}</Typography.Title>
            {startForm ? (
              <FormErrorBoundary resetKey={JSON.stringify(startForm)}>
                <EstateForm
                  schema={toJsonObject(startForm.schema)}
                  uiSchema={toJsonObject(withLocaleConvention(startForm.uiSchema))}
                  formData={startData}
                  onChange={setStartData}
                  onSubmit={begin}
                  locale={locale}
                  offline
                >
                  <Button type="primary" htmlType="submit">
                    {t('sim.start')}
                  </Button>
                </EstateForm>
              </FormErrorBoundary>
            ) : (
              <Button type="primary" onClick={() => begin({})}>
                {t('sim.start')}
              </Button>
            )}
          </Space>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('sim.active')}</Typography.Text>
              {simulation.activeStates.map((path) => (
                <Tag key={path} color="green">
                  {path}
                </Tag>
              ))}
              <Button size="small" onClick={() => setSimulation(null)}>
                {t('sim.reset')}
              </Button>
            </Space>
            <EventPanel
              definition={definition}
              simulation={simulation}
              onSend={(input) => {
                const result = sendEvent(definition, simulation, input);
                if (result.ok) setSimulation(result.simulation);
                return result.ok ? [] : result.errors;
              }}
            />
            <Divider titlePlacement="start">{t('sim.advance')}</Divider>
            <Space wrap>
              {[
                { label: '+1h', ms: HOUR },
                { label: '+1d', ms: 24 * HOUR },
                { label: '+3d', ms: 72 * HOUR },
              ].map((option) => (
                <Button key={option.label} size="small" onClick={() => setSimulation(advanceClock(definition, simulation, option.ms))}>
                  {t('sim.advanceBy', { amount: option.label })}
                </Button>
              ))}
              <Typography.Text type="secondary">{`T+${Math.round((simulation.now - SIMULATION_START) / 60_000)} min`}</Typography.Text>
            </Space>
            {simulation.timers.map((timer) => (
              <Typography.Text
                key={timer.id}
                type="secondary"
              >{`⏱ ${timer.event} @ T+${Math.round((timer.dueAt - SIMULATION_START) / 60_000)} min`}</Typography.Text>
            ))}
            <Divider titlePlacement="start">{t('sim.data')}</Divider>
            <pre className="json-text sim-data">{JSON.stringify(dataOf(simulation), null, 2)}</pre>
            <Divider titlePlacement="start">{t('sim.history')}</Divider>
            <List
              size="small"
              dataSource={simulation.history}
              renderItem={(entry) => <List.Item>{`${entry.label} → ${entry.stateValue}`}</List.Item>}
            />
          </Space>
        )}
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} />}
        <Divider />
        <ScenarioPanel current={simulation?.scenario ?? null} />
      </aside>
    </div>
  );
}
