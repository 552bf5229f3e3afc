import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useSession } from '../../shared/SessionProvider';

type Credentials = { email: string; password: string };

export function SignInPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/auth/login', { email: values.email.trim(), password: values.password });
      if (me.kind !== 'staff') setError(t('signIn.notStaff'));
      else signedIn(me);
    } catch (caught) {
      const wrongCredentials = caught instanceof ApiError && (caught.status === 401 || caught.status === 400);
      setError(wrongCredentials ? t('signIn.invalid') : errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="ef-signin">
      <Card>
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('signIn.title')}
            </Typography.Title>
            <LanguageSwitch size="small" />
          </Space>
          <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
          <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} onFinishFailed={() => setError(t('signIn.required'))}>
            <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, message: t('signIn.required') }]}>
              <Input prefix={<UserOutlined />} type="email" autoComplete="username" inputMode="email" size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </main>
  );
}
