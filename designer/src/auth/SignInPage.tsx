import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/I18nContext';
import { useSession } from './SessionContext';

interface Credentials {
  email: string;
  password: string;
}

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') return state.from;
  return '/';
}

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  if (session.status === 'signedIn') return <Navigate to={returnPath(location.state)} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setFailed(false);
    try {
      await signIn(values);
      navigate(returnPath(location.state), { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        {failed && <Alert type="error" showIcon title={t('auth.failed')} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <Segmented
          style={{ marginTop: 16 }}
          value={locale}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'zh-CN')}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
        />
      </Card>
    </main>
  );
}
