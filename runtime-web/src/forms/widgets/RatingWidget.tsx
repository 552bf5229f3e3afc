import { Rate } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { readFormContext } from '../form-context';

/** Satisfaction 1–5 stars (an integer). */
export function RatingWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, registry } = props;
  const { t } = readFormContext(registry.formContext);
  const labels = t('form.ratingLabels').split(',');
  return (
    <Rate
      id={id}
      className="ef-rating"
      value={typeof value === 'number' ? value : 0}
      count={5}
      tooltips={labels}
      disabled={disabled || readonly}
      onChange={(next) => onChange(next === 0 ? undefined : next)}
    />
  );
}
