import { Input } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { readFormContext } from '../form-context';
import { isValidIdNumber, maskIdNumber, normaliseIdNumber } from '@estateflow/model/personal-numbers';

/** 18-character resident ID number; the check digit is verified as soon as all 18 are typed. */
export function IdNumberWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, registry, rawErrors } = props;
  const { t } = readFormContext(registry.formContext);
  const text = typeof value === 'string' ? value : '';
  const complete = text.length === 18;
  const invalid = complete && !isValidIdNumber(normaliseIdNumber(text));
  return (
    <div>
      <Input
        id={id}
        value={readonly ? maskIdNumber(normaliseIdNumber(text)) : text}
        maxLength={18}
        autoComplete="off"
        disabled={disabled}
        readOnly={readonly}
        status={invalid || rawErrors?.length ? 'error' : undefined}
        onFocus={() => onFocus(id, text)}
        onBlur={() => onBlur(id, text)}
        onChange={(event) => onChange(event.target.value.toUpperCase().replace(/[^\dX]/g, '') || undefined)}
      />
      {invalid && !rawErrors?.length ? <div className="ef-field-hint-error">{t('form.idNumberInvalid')}</div> : null}
    </div>
  );
}
