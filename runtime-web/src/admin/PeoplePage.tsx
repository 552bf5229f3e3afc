import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { failureText } from './admin-request';
import type { Estate, Page, Person, Unit } from './admin-types';
import { useAdminText } from './use-admin-text';

/** Owners and tenants of an estate and their units; phone and ID numbers are only ever shown masked. */
export default function PeoplePage() {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const estates = useApi<Estate[]>('/admin/estates');
  const [estateId, setEstateId] = useState<string | null>(null);
  const estate = estateId ?? estates.data?.[0]?.id ?? null;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const people = useApi<Page<Person>>(estate === null ? null : `/admin/estates/${estate}/people`, { q, page, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [unitQuery, setUnitQuery] = useState('');
  const units = useApi<Page<Unit>>(estate === null || !adding ? null : `/admin/estates/${estate}/units`, { q: unitQuery, pageSize: 20 });

  async function add(values: { name: string; phone: string; idNumber?: string; unitId: string; kind: 'owner' | 'tenant' }) {
    try {
      await api.post('/admin/people', {
        name: values.name,
        phone: values.phone,
        ...(values.idNumber ? { idNumber: values.idNumber } : {}),
        residencies: [{ unitId: values.unitId, kind: values.kind }],
      });
      setAdding(false);
      people.reload();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function endResidency(residencyId: string) {
    try {
      await api.post(`/admin/residencies/${residencyId}/end`);
      people.reload();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  return (
    <Card
      title={tr('业主与租户', 'Owners and tenants')}
      extra={
        <Space>
          <Select
            style={{ minWidth: 160 }}
            value={estate ?? undefined}
            onChange={(value: string) => {
              setEstateId(value);
              setPage(1);
            }}
            options={(estates.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
          <Input.Search
            allowClear
            placeholder={tr('姓名或房号', 'Name or unit')}
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            style={{ width: 200 }}
          />
          <Button type="primary" onClick={() => setAdding(true)}>
            {tr('登记业主/租户', 'Add owner/tenant')}
          </Button>
        </Space>
      }
    >
      <Table<Person>
        rowKey="id"
        size="small"
        loading={people.loading}
        dataSource={people.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: people.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: tr('姓名', 'Name'), dataIndex: 'name' },
          { title: tr('手机号', 'Phone'), dataIndex: 'phoneMasked' },
          { title: tr('身份证号', 'ID number'), dataIndex: 'idNumberMasked' },
          {
            title: tr('房屋', 'Units'),
            render: (_, person) =>
              person.residencies
                .filter((residency) => residency.endedAt === null)
                .map((residency) => (
                  <Popconfirm key={residency.id} title={tr('确认迁出？', 'Move out?')} onConfirm={() => void endResidency(residency.id)}>
                    <Tag style={{ cursor: 'pointer' }} color={residency.kind === 'owner' ? 'blue' : 'green'}>
                      {`${residency.unitLabel} · ${residency.kind === 'owner' ? tr('业主', 'owner') : tr('租户', 'tenant')}`}
                    </Tag>
                  </Popconfirm>
                )),
          },
        ]}
      />
      <Modal open={adding} title={tr('登记业主/租户', 'Add owner/tenant')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={add} initialValues={{ kind: 'owner' }}>
          <Form.Item name="name" label={tr('姓名', 'Name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={tr('手机号', 'Mobile')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="idNumber" label={tr('身份证号（可选）', 'ID number (optional)')}>
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label={tr('房屋', 'Unit')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setUnitQuery}
              options={(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.label }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={tr('身份', 'Kind')}>
            <Select
              options={[
                { value: 'owner', label: tr('业主', 'Owner') },
                { value: 'tenant', label: tr('租户', 'Tenant') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
