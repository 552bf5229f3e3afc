import { useState } from 'react';
import { Input } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { readFormContext } from '../form-context';
import { maskPhone, normalisePhone } from '@estateflow/model/personal-numbers';

/** Mobile number: shown masked (138****5678) until focused, full while typing. */
export function PhoneWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, registry, rawErrors } = props;
  const { t } = readFormContext(registry.formContext);
  const [editing, setEditing] = useState(false);
  const text = typeof value === 'string' ? value : '';
  return (
    <Input
      id={id}
      type="tel"
      inputMode="numeric"
      autoComplete="tel"
      maxLength={editing ? 13 : undefined}
      placeholder={t('form.phonePlaceholder')}
      value={editing && !readonly ? text : maskPhone(normalisePhone(text))}
      disabled={disabled}
      readOnly={readonly}
      status={rawErrors?.length ? 'error' : undefined}
      onFocus={() => {
        setEditing(true);
        onFocus(id, text);
      }}
      onBlur={() => {
        setEditing(false);
        onBlur(id, text);
      }}
      onChange={(event) => onChange(event.target.value.replace(/[^\d]/g, '') || undefined)}
    />
  );
}
