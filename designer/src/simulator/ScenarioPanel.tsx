import { coverage, generatePaths, runScenario, type Scenario, type ScenarioRun } from '@estateflow/model';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { editDefinition } from '../commands/editCommands';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';

/** Generated paths as runnable scenarios, saved tests, and how much of the chart they cover. */
export function ScenarioPanel(props: { current: Scenario | null }) {
  const { t } = useI18n();
  const { state, perform } = useEditor();
  const { definition } = state;
  const [generated, setGenerated] = useState<Scenario[]>([]);
  const [runs, setRuns] = useState<Map<string, ScenarioRun>>(new Map());
  const tests = useMemo(() => definition.tests ?? [], [definition.tests]);
  const report = useMemo(() => (tests.length ? coverage(definition, tests) : null), [definition, tests]);
  const save = (scenario: Scenario) => {
    const names = new Set(tests.map((test) => test.name));
    let name = scenario.name || 'scenario';
    for (let index = 2; names.has(name); index += 1) name = `${scenario.name || 'scenario'} ${index}`;
    perform(
      editDefinition({ id: 'saveScenario', edit: (current) => ({ ...current, tests: [...(current.tests ?? []), { ...scenario, name }] }) }),
    );
  };
  const run = (scenario: Scenario) => setRuns((current) => new Map(current).set(scenario.name, runScenario(definition, scenario)));
  const current = props.current;
  const row = (scenario: Scenario, saved: boolean) => {
    const result = runs.get(scenario.name);
    return (
      <List.Item
        actions={[
          <Button key="run" size="small" onClick={() => run(scenario)}>
            {t('sim.run')}
          </Button>,
          ...(saved
            ? []
            : [
                <Button key="save" size="small" onClick={() => save(scenario)}>
                  {t('sim.saveScenario')}
                </Button>,
              ]),
        ]}
      >
        <Space size={4} wrap>
          <Typography.Text>{scenario.name}</Typography.Text>
          <Tag>{scenario.steps.length}</Tag>
          {result && <Tag color={result.passed ? 'green' : 'red'}>{result.passed ? t('sim.passed') : t('sim.failed')}</Tag>}
        </Space>
      </List.Item>
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('sim.scenarios')}</Typography.Text>
        <Button size="small" onClick={() => setGenerated(generatePaths(definition))}>
          {t('sim.generate')}
        </Button>
        {current && current.steps.length > 0 && (
          <Button size="small" onClick={() => save({ ...current, name: `manual ${tests.length + 1}` })}>
            {t('sim.saveScenario')}
          </Button>
        )}
      </Space>
      {generated.length > 0 && <List size="small" dataSource={generated} renderItem={(scenario) => row(scenario, false)} />}
      <Typography.Text strong>{t('sim.savedTests')}</Typography.Text>
      <List size="small" dataSource={tests} renderItem={(scenario) => row(scenario, true)} />
      {report && (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{t('sim.coverage')}</Typography.Text>
          <Typography.Text>{`${t('sim.coverageStates', { covered: report.states.covered, total: report.states.total })} (${report.states.percent}%)`}</Typography.Text>
          <Typography.Text>{`${t('sim.coverageTransitions', { covered: report.transitions.covered, total: report.transitions.total })} (${report.transitions.percent}%)`}</Typography.Text>
          {report.transitions.missing.length > 0 && (
            <Typography.Text type="secondary">{report.transitions.missing.join(', ')}</Typography.Text>
          )}
        </Space>
      )}
    </Space>
  );
}
