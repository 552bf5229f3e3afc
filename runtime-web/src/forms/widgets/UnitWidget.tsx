import { useState } from 'react';
import { Input, Select } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import type { UnitOption } from '../../api/types';
import { readFormContext } from '../form-context';
import { useRemoteOptions, type RemoteOption } from './use-remote-options';

const toOption = (unit: UnitOption): RemoteOption => ({ value: unit.id, label: unit.label });

/** 房号: the owner's own units when the page knows them, else a search over the estate's units. */
export function UnitWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, registry, rawErrors } = props;
  const context = readFormContext(registry.formContext);
  const [search, setSearch] = useState('');
  const known = context.units?.map(toOption);
  const remotePath = !known && !context.offline && context.estateId ? `/estates/${context.estateId}/units` : null;
  const remote = useRemoteOptions({ path: remotePath, query: { q: search || undefined }, toOption });
  const current = typeof value === 'string' ? value : undefined;
  if (!known && !remotePath) {
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
      showSearch={{ filterOption: known ? true : false, onSearch: setSearch }}
      value={current}
      placeholder={context.t('form.unitPlaceholder')}
      options={known ?? remote.options}
      loading={remote.loading}
      disabled={disabled || readonly}
      status={rawErrors?.length ? 'error' : undefined}
      optionFilterProp="label"
      allowClear
      onFocus={() => onFocus(id, current)}
      onBlur={() => onBlur(id, current)}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
    />
  );
}
