import type { Duration } from '@estateflow/model';
import { Input, Select, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';

type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

function isUnit(value: string): value is DurationUnit {
  return value === 'seconds' || value === 'minutes' || value === 'hours' || value === 'days';
}

/** An SLA or timer duration: a fixed ISO 8601 duration (PT2H) or a reference to a numeric parameter. */
export function DurationInput(props: {
  value: Duration | undefined;
  onChange: (value: Duration | undefined) => void;
  parameterNames: string[];
  label: string;
  /** Offers "by case" too (task SLAs only); called when it is chosen. */
  onByCase?: () => void;
}) {
  const { t } = useI18n();
  const { value } = props;
  const mode = value === undefined ? 'none' : typeof value === 'string' ? 'fixed' : 'param';
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label={props.label}
        style={{ width: 110 }}
        value={mode}
        onChange={(next: string) => {
          if (next === 'none') props.onChange(undefined);
          else if (next === 'fixed') props.onChange('PT2H');
          else if (next === 'cases') props.onByCase?.();
          else props.onChange({ param: props.parameterNames[0] ?? 'hours', unit: 'hours' });
        }}
        options={[
          { value: 'none', label: t('common.none') },
          { value: 'fixed', label: t('inspector.duration') },
          { value: 'param', label: t('inspector.durationParam') },
          ...(props.onByCase ? [{ value: 'cases', label: t('inspector.byCase') }] : []),
        ]}
      />
      {typeof value === 'string' && (
        <Input
          aria-label={`${props.label} ISO 8601`}
          value={value}
          placeholder="PT2H"
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {value !== undefined && typeof value !== 'string' && (
        <>
          <Select
            aria-label={t('inspector.durationParam')}
            style={{ flex: 1, minWidth: 100 }}
            value={value.param}
            onChange={(param: string) => props.onChange({ ...value, param })}
            options={props.parameterNames.map((name) => ({ value: name, label: name }))}
          />
          <Select
            aria-label="unit"
            style={{ width: 86 }}
            value={value.unit}
            onChange={(unit: string) => isUnit(unit) && props.onChange({ ...value, unit })}
            options={(['minutes', 'hours', 'days'] as const).map((unit) => ({ value: unit, label: t(`inspector.unit.${unit}`) }))}
          />
        </>
      )}
    </Space.Compact>
  );
}
