import { InputNumber } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { moneyUnitForSchemaType, storedToYuan, yuanToStored } from '../money';

/** ¥ amount; `type: integer` stores fen, `type: number` stores yuan (see forms/README.md). */
export function MoneyWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, schema, rawErrors } = props;
  const unit = moneyUnitForSchemaType(schema.type);
  const yuan = storedToYuan(value, unit);
  return (
    <InputNumber<number>
      id={id}
      prefix="¥"
      style={{ width: '100%' }}
      precision={2}
      step={1}
      min={typeof schema.minimum === 'number' ? (storedToYuan(schema.minimum, unit) ?? undefined) : undefined}
      inputMode="decimal"
      value={yuan}
      disabled={disabled}
      readOnly={readonly}
      status={rawErrors?.length ? 'error' : undefined}
      onFocus={() => onFocus(id, value)}
      onBlur={() => onBlur(id, value)}
      onChange={(next) => onChange(yuanToStored(next, unit))}
    />
  );
}
