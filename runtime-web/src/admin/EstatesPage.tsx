import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, InputNumber, List, Modal, Space, Table, Typography } from 'antd';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { failureText } from './admin-request';
import type { Building, Estate } from './admin-types';
import { CalendarCard } from './CalendarCard';
import { ServiceTargetsCard } from './ServiceTargetsCard';
import { useAdminText } from './use-admin-text';

type GenerateResult = { planned: number; created: number; existing: number; sample: string[] };

/** Estates, their buildings, units generated from a pattern, each estate's business calendar and service targets. */
export default function EstatesPage() {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const estates = useApi<Estate[]>('/admin/estates');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = estates.data?.find((estate) => estate.id === selectedId) ?? estates.data?.[0] ?? null;

  async function createEstate(values: { code: string; name: string; address?: string }) {
    try {
      const estate = await api.post<Estate>('/admin/estates', values);
      setCreating(false);
      setSelectedId(estate.id);
      estates.reload();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={tr('项目', 'Estates')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-estate">
            {tr('新建项目', 'New estate')}
          </Button>
        }
      >
        <Table<Estate>
          rowKey="id"
          size="small"
          loading={estates.loading}
          dataSource={estates.data ?? []}
          pagination={false}
          onRow={(estate) => ({ onClick: () => setSelectedId(estate.id), style: { cursor: 'pointer' } })}
          rowClassName={(estate) => (estate.id === selected?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: tr('编码', 'Code'), dataIndex: 'code' },
            { title: tr('名称', 'Name'), dataIndex: 'name' },
            { title: tr('地址', 'Address'), dataIndex: 'address' },
            { title: tr('楼栋', 'Buildings'), dataIndex: 'buildingCount' },
            { title: tr('房屋', 'Units'), dataIndex: 'unitCount' },
          ]}
        />
      </Card>
      {selected ? <BuildingsCard key={selected.id} estate={selected} onChanged={estates.reload} /> : null}
      {selected ? <CalendarCard key={`calendar-${selected.id}`} estateId={selected.id} /> : null}
      {selected ? <ServiceTargetsCard key={`targets-${selected.id}`} estate={selected} onChanged={estates.reload} /> : null}
      <Modal open={creating} title={tr('新建项目', 'New estate')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={createEstate}>
          <Form.Item
            name="code"
            label={tr('编码（字母数字）', 'Code (letters, digits)')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label={tr('名称', 'Name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={tr('地址', 'Address')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {tr('创建', 'Create')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}

function BuildingsCard({ estate, onChanged }: { estate: Estate; onChanged: () => void }) {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const buildings = useApi<Building[]>(`/admin/estates/${estate.id}/buildings`);
  const [generating, setGenerating] = useState<Building | null>(null);
  const [preview, setPreview] = useState<GenerateResult | null>(null);
  const [form] = Form.useForm();

  async function addBuilding(values: { name: string; floors?: number }) {
    try {
      await api.post(`/admin/estates/${estate.id}/buildings`, values);
      buildings.reload();
      onChanged();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function generate(dryRun: boolean) {
    if (!generating) return;
    const values: { entrances: number; from: number; to: number; roomsPerFloor: number; skip?: string; floorArea?: number } =
      await form.validateFields();
    const skipFloors = (values.skip ?? '')
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number)
      .filter(Number.isInteger);
    try {
      const result = await api.post<GenerateResult>(`/admin/buildings/${generating.id}/units/generate`, {
        entrances: values.entrances,
        floors: { from: values.from, to: values.to },
        roomsPerFloor: values.roomsPerFloor,
        skipFloors,
        ...(values.floorArea ? { floorArea: values.floorArea } : {}),
        dryRun,
      });
      setPreview(result);
      if (!dryRun) {
        message.success(
          tr(`已创建 ${result.created} 套，已有 ${result.existing} 套`, `${result.created} units created, ${result.existing} existed`),
        );
        setGenerating(null);
        buildings.reload();
        onChanged();
      }
    } catch (error) {
      message.error(failureText(error));
    }
  }

  return (
    <Card title={`${estate.name} · ${tr('楼栋与房屋', 'Buildings and units')}`}>
      <List<Building>
        loading={buildings.loading}
        dataSource={buildings.data ?? []}
        renderItem={(building) => (
          <List.Item
            actions={[
              <Button
                key="generate"
                size="small"
                onClick={() => {
                  setPreview(null);
                  setGenerating(building);
                }}
                data-testid={`generate-${building.name}`}
              >
                {tr('按规则生成房屋', 'Generate units')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={building.name} description={tr(`${building.unitCount} 套房屋`, `${building.unitCount} units`)} />
          </List.Item>
        )}
      />
      <Form layout="inline" onFinish={addBuilding} style={{ marginTop: 12 }}>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={tr('楼栋名，如 3栋', 'Building, e.g. 3栋')} data-testid="building-name" />
        </Form.Item>
        <Form.Item name="floors">
          <InputNumber min={1} max={200} placeholder={tr('层数', 'Floors')} />
        </Form.Item>
        <Button htmlType="submit" data-testid="add-building">
          {tr('添加楼栋', 'Add building')}
        </Button>
      </Form>
      <Modal
        open={generating !== null}
        title={`${generating?.name ?? ''} · ${tr('按规则生成房屋', 'Generate units')}`}
        onCancel={() => setGenerating(null)}
        footer={null}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ entrances: 2, from: 1, to: generating?.floors ?? 18, roomsPerFloor: 2 }}>
          <Space wrap>
            <Form.Item name="entrances" label={tr('单元数（0 = 无单元）', 'Entrances (0 = none)')} rules={[{ required: true }]}>
              <InputNumber min={0} max={20} />
            </Form.Item>
            <Form.Item name="from" label={tr('起始层', 'From floor')} rules={[{ required: true }]}>
              <InputNumber min={-5} max={200} />
            </Form.Item>
            <Form.Item name="to" label={tr('最高层', 'To floor')} rules={[{ required: true }]}>
              <InputNumber min={-5} max={200} />
            </Form.Item>
            <Form.Item name="roomsPerFloor" label={tr('每层户数', 'Rooms per floor')} rules={[{ required: true }]}>
              <InputNumber min={1} max={40} />
            </Form.Item>
          </Space>
          <Form.Item name="skip" label={tr('跳过楼层（如 4, 13）', 'Skip floors (e.g. 4, 13)')}>
            <Input />
          </Form.Item>
          <Form.Item name="floorArea" label={tr('建筑面积（㎡，可选）', 'Floor area (m², optional)')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
          {preview ? (
            <Typography.Paragraph data-testid="generate-preview">
              {tr(`将生成 ${preview.planned} 套，例如 `, `${preview.planned} units, e.g. `)}
              {preview.sample.join('、')}
            </Typography.Paragraph>
          ) : null}
          <Space>
            <Button onClick={() => void generate(true)} data-testid="generate-preview-button">
              {tr('预览', 'Preview')}
            </Button>
            <Button type="primary" onClick={() => void generate(false)} data-testid="generate-confirm">
              {tr('生成', 'Generate')}
            </Button>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
