import { useState } from 'react';
import { Alert, Button, Input, List, Segmented, Space, Tag } from 'antd';
import type { PersonSearchResult } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';

export type OwnerChoice = { person: PersonSearchResult; unit: { id: string; label: string } | null };

/** Front desk: find an owner by phone or unit (answers are masked) and pick one of their units. */
export function OwnerSearch({ estateId, onPick }: { estateId: string; onPick: (choice: OwnerChoice) => void }) {
  const { t } = useI18n();
  const [by, setBy] = useState<'phone' | 'unit'>('phone');
  const [term, setTerm] = useState('');
  const people = useApi<PersonSearchResult[]>(
    term ? `/estates/${estateId}/people` : null,
    by === 'phone' ? { phone: term } : { unit: term },
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={by}
          onChange={(value) => setBy(value === 'unit' ? 'unit' : 'phone')}
          options={[
            { value: 'phone', label: t('file.byPhone') },
            { value: 'unit', label: t('file.byUnit') },
          ]}
        />
        <Input.Search
          key={by}
          allowClear
          enterButton={t('common.search')}
          inputMode={by === 'phone' ? 'tel' : 'text'}
          placeholder={by === 'phone' ? t('file.phonePlaceholder') : t('file.unitPlaceholder')}
          style={{ width: 300 }}
          onSearch={(value) => setTerm(value.trim())}
          data-testid="owner-search"
        />
      </Space>
      {people.error ? <Alert type="error" showIcon title={errorMessage(people.error, t)} /> : null}
      {term ? (
        <List
          bordered
          loading={people.loading}
          locale={{ emptyText: t('file.noPeople') }}
          dataSource={people.data ?? []}
          renderItem={(person) => (
            <List.Item>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space>
                  <strong>{person.name}</strong>
                  <span>{person.phoneMasked}</span>
                </Space>
                <Space wrap>
                  {(person.units ?? []).map((unit) => (
                    <Button key={unit.id} size="small" onClick={() => onPick({ person, unit: { id: unit.id, label: unit.label } })}>
                      {unit.label} {unit.kind ? <Tag style={{ marginLeft: 4 }}>{unit.kind}</Tag> : null}
                    </Button>
                  ))}
                  {(person.units ?? []).length === 0 ? (
                    <Button size="small" onClick={() => onPick({ person, unit: null })}>
                      {t('file.pick')}
                    </Button>
                  ) : null}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}
