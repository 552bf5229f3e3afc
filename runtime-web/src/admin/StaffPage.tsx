import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { adminApi, failureText } from './admin-request';
import { type Estate, type Role, STAFF_ROLES, type Staff, type StaffRoleName } from './admin-types';
import { useAdminText } from './use-admin-text';

type RoleRow = { estateId: string; role: StaffRoleName };
const COMPANY = 'company';

/** Staff accounts and their roles per estate; every change of roles is audited by the engine. */
export default function StaffPage() {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const staff = useApi<Staff[]>('/admin/staff');
  const estates = useApi<Estate[]>('/admin/estates');
  const [editing, setEditing] = useState<Staff | null>(null);
  const [creating, setCreating] = useState(false);
  const estateName = (id: string | null) =>
    id === null ? tr('全公司', 'Company-wide') : (estates.data?.find((estate) => estate.id === id)?.name ?? id.slice(0, 8));
  const roleName = (role: StaffRoleName) => {
    const found = STAFF_ROLES.find((entry) => entry.value === role);
    return found ? tr(found.zh, found.en) : role;
  };
  const toRoles = (rows: RoleRow[] | undefined): Role[] =>
    (rows ?? []).map((row) => ({ estateId: row.estateId === COMPANY ? null : row.estateId, role: row.role }));
  const estateOptions = [
    { value: COMPANY, label: tr('全公司', 'Company-wide') },
    ...(estates.data ?? []).map((estate) => ({ value: estate.id, label: estate.name })),
  ];

  async function create(values: { email: string; name: string; password: string; phone?: string; roles?: RoleRow[] }) {
    try {
      await api.post('/admin/staff', {
        email: values.email,
        name: values.name,
        password: values.password,
        ...(values.phone ? { phone: values.phone } : {}),
        roles: toRoles(values.roles),
      });
      setCreating(false);
      staff.reload();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function saveRoles(values: { roles?: RoleRow[] }) {
    if (!editing) return;
    try {
      await api.put(`/admin/staff/${editing.id}/roles`, { roles: toRoles(values.roles) });
      setEditing(null);
      staff.reload();
      message.success(tr('角色已更新（已记入审计日志）', 'Roles updated (recorded in the audit log)'));
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function setActive(person: Staff, active: boolean) {
    try {
      await adminApi.patch(`/admin/staff/${person.id}`, { active });
      staff.reload();
    } catch (error) {
      message.error(failureText(error));
    }
  }

  const rolesField = (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Space key={field.key}>
              <Form.Item name={[field.name, 'estateId']} noStyle rules={[{ required: true }]}>
                <Select style={{ width: 160 }} options={estateOptions} />
              </Form.Item>
              <Form.Item name={[field.name, 'role']} noStyle rules={[{ required: true }]}>
                <Select style={{ width: 160 }} options={STAFF_ROLES.map((role) => ({ value: role.value, label: tr(role.zh, role.en) }))} />
              </Form.Item>
              <Button size="small" onClick={() => remove(field.name)}>
                {tr('删除', 'Remove')}
              </Button>
            </Space>
          ))}
          <Button size="small" onClick={() => add({ estateId: estates.data?.[0]?.id ?? COMPANY, role: 'front_desk' })}>
            {tr('添加角色', 'Add role')}
          </Button>
        </Space>
      )}
    </Form.List>
  );

  return (
    <Card
      title={tr('员工与角色', 'Staff and roles')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {tr('新建员工', 'New staff')}
        </Button>
      }
    >
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={staff.loading}
        dataSource={staff.data ?? []}
        columns={[
          { title: tr('姓名', 'Name'), dataIndex: 'name' },
          { title: tr('邮箱', 'E-mail'), dataIndex: 'email' },
          { title: tr('手机', 'Phone'), dataIndex: 'phoneMasked' },
          {
            title: tr('角色', 'Roles'),
            render: (_, person) =>
              person.roles.map((role) => (
                <Tag key={`${role.estateId}-${role.role}`}>{`${estateName(role.estateId)} · ${roleName(role.role)}`}</Tag>
              )),
          },
          {
            title: tr('启用', 'Active'),
            render: (_, person) => <Switch size="small" checked={person.active} onChange={(value) => void setActive(person, value)} />,
          },
          {
            title: '',
            render: (_, person) => (
              <Button size="small" onClick={() => setEditing(person)}>
                {tr('修改角色', 'Edit roles')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={`${editing?.name ?? ''} · ${tr('角色', 'Roles')}`}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={saveRoles}
          initialValues={{ roles: editing?.roles.map((role) => ({ estateId: role.estateId ?? COMPANY, role: role.role })) }}
        >
          {rolesField}
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
            {tr('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
      <Modal open={creating} title={tr('新建员工', 'New staff')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={create}>
          <Form.Item name="name" label={tr('姓名', 'Name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={tr('邮箱', 'E-mail')} rules={[{ required: true, type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={tr('初始密码（至少 10 位）', 'Initial password (10+ characters)')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password />
          </Form.Item>
          <Form.Item name="phone" label={tr('手机号', 'Mobile')}>
            <Input />
          </Form.Item>
          {rolesField}
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
            {tr('创建', 'Create')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
