import { DatePicker } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import dayjs, { type Dayjs } from 'dayjs';
import { readFormContext } from '../form-context';
import { readRange, writeRange } from '../date-range';

function RangeWidget({ props, withTime }: { props: WidgetProps; withTime: boolean }) {
  const { id, value, disabled, readonly, onChange, schema, registry, rawErrors } = props;
  const { t } = readFormContext(registry.formContext);
  const range = readRange(value);
  const toText = (day: Dayjs) => (withTime ? day.toISOString() : day.format('YYYY-MM-DD'));
  return (
    <DatePicker.RangePicker
      id={id}
      style={{ width: '100%' }}
      showTime={withTime ? { format: 'HH:mm' } : false}
      format={withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      placeholder={[t('form.rangeStart'), t('form.rangeEnd')]}
      value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
      disabled={disabled || readonly}
      status={rawErrors?.length ? 'error' : undefined}
      onChange={(days) => {
        const [start, end] = days ?? [];
        onChange(writeRange(start && end ? [toText(start), toText(end)] : null, schema.type));
      }}
    />
  );
}

export function DateRangeWidget(props: WidgetProps) {
  return <RangeWidget props={props} withTime={false} />;
}

export function DateTimeRangeWidget(props: WidgetProps) {
  return <RangeWidget props={props} withTime />;
}
