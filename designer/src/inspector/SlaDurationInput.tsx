import { isDurationByCase, type SlaDuration } from '@estateflow/model';
import { Button, Input, Select, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { DurationInput } from './DurationInput';
import { slaCases } from './slaCases';

/**
 * A task's SLA: a duration as DurationInput edits it, or "by case" — rows of [condition, duration]
 * where the first condition that holds for an instance decides, and an optional "otherwise".
 */
export function SlaDurationInput(props: {
  value: SlaDuration | undefined;
  onChange: (value: SlaDuration | undefined) => void;
  parameterNames: string[];
  label: string;
}) {
  const { t } = useI18n();
  const { value, parameterNames, label } = props;
  if (value === undefined || !isDurationByCase(value))
    return (
      <DurationInput
        label={label}
        parameterNames={parameterNames}
        value={value}
        onChange={props.onChange}
        onByCase={() => props.onChange(slaCases.start(value))}
      />
    );
  return (
    <div className="sla-cases" data-testid={`sla-cases-${label}`}>
      <Select
        aria-label={label}
        style={{ width: 110, marginBottom: 6 }}
        value="cases"
        onChange={(next: string) => {
          if (next === 'none') props.onChange(undefined);
          else if (next === 'fixed') props.onChange('PT2H');
          else if (next === 'param') props.onChange({ param: parameterNames[0] ?? 'hours', unit: 'hours' });
        }}
        options={[
          { value: 'none', label: t('common.none') },
          { value: 'fixed', label: t('inspector.duration') },
          { value: 'param', label: t('inspector.durationParam') },
          { value: 'cases', label: t('inspector.byCase') },
        ]}
      />
      {value.cases.map((item, index) => (
        <div className="sla-case" key={index} style={{ marginBottom: 6 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={`${label} ${t('inspector.caseWhen')} ${index + 1}`}
              value={item.when}
              placeholder="data.urgency == 'emergency'"
              onChange={(event) => props.onChange(slaCases.update(value, { index, patch: { when: event.target.value } }))}
            />
            <Button aria-label={`${t('common.delete')} ${index + 1}`} onClick={() => props.onChange(slaCases.remove(value, index))}>
              ×
            </Button>
          </Space.Compact>
          <DurationInput
            label={`${label} ${index + 1}`}
            parameterNames={parameterNames}
            value={item.duration}
            onChange={(duration) => duration !== undefined && props.onChange(slaCases.update(value, { index, patch: { duration } }))}
          />
        </div>
      ))}
      <Button size="small" onClick={() => props.onChange(slaCases.add(value))} style={{ marginBottom: 6 }}>
        {t('inspector.addCase')}
      </Button>
      <div>{t('inspector.otherwise')}</div>
      <DurationInput
        label={`${label} ${t('inspector.otherwise')}`}
        parameterNames={parameterNames}
        value={value.otherwise}
        onChange={(otherwise) => props.onChange(slaCases.setOtherwise(value, otherwise))}
      />
    </div>
  );
}
