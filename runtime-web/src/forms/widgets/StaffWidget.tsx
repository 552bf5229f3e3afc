import { Input, Select } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import type { StaffOption } from '../../api/types';
import { optionString, readFormContext } from '../form-context';
import { useRemoteOptions, type RemoteOption } from './use-remote-options';

const toOption = (staff: StaffOption): RemoteOption => ({ value: staff.id, label: staff.name });

/** A staff member of the estate, optionally of one role (ui:options.role, e.g. "technician"). */
export function StaffWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, registry, options, rawErrors } = props;
  const context = readFormContext(registry.formContext);
  const role = optionString(options, 'role', '');
  const path = !context.offline && context.estateId ? `/estates/${context.estateId}/staff` : null;
  const remote = useRemoteOptions({ path, query: { role: role || undefined }, toOption });
  const current = typeof value === 'string' ? value : undefined;
  if (!path) {
    return (
      <Input
        id={id}
        value={current ?? ''}
        disabled={disabled}
        readOnly={readonly}
        onChange={(event) => onChange(event.target.value || undefined)}
      />
    );
  }
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      value={current}
      placeholder={context.t('form.staffPlaceholder')}
      options={remote.options}
      loading={remote.loading}
      disabled={disabled || readonly}
      status={rawErrors?.length ? 'error' : undefined}
      allowClear
      onFocus={() => onFocus(id, current)}
      onBlur={() => onBlur(id, current)}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
    />
  );
}
