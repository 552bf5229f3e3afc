import { Checkbox } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { optionString } from '../form-context';

/** A statement the user must tick (e.g. 装修承诺书); its text is ui:options.text or the description. */
export function ConfirmWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, options, schema, label } = props;
  const text = optionString(options, 'text', typeof schema.description === 'string' ? schema.description : label);
  return (
    <Checkbox id={id} checked={value === true} disabled={disabled || readonly} onChange={(event) => onChange(event.target.checked)}>
      {text}
    </Checkbox>
  );
}
