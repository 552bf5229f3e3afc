import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { isMobilePhone, normalisePhone } from '@estateflow/model/personal-numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useSession } from '../../shared/SessionProvider';
import { fetchDemoCode } from '../demo-code';
import { useLargeType } from '../LargeTypeProvider';

/** Phone + one-time code. In development the engine reveals the code, shown as a demo hint. */
export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { largeType, setLargeType } = useLargeType();
  const { signedIn } = useSession();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [cooldown, setCooldown] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (cooldown <= 0) return undefined;
    const timer = setTimeout(() => setCooldown((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  async function sendCode() {
    const digits = normalisePhone(phone);
    if (!isMobilePhone(digits)) {
      setError(t('portal.signIn.badPhone'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api.post('/auth/owner/code', { phone: digits });
      setCodeSent(true);
      setCooldown(60);
      setDemoCode(await fetchDemoCode(digits));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  async function signIn() {
    setError(null);
    setBusy(true);
    try {
      signedIn(await api.post<Me>('/auth/owner/login', { phone: phone.replace(/\D/g, ''), code: code.trim() }));
    } catch (caught) {
      const wrong = caught instanceof ApiError && (caught.status === 401 || caught.status === 400 || caught.status === 422);
      setError(wrong ? t('portal.signIn.badCode') : errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="ef-portal-signin">
      <div className="ef-signin-tools">
        <button
          type="button"
          className={largeType ? 'ef-chip on' : 'ef-chip'}
          aria-pressed={largeType}
          onClick={() => setLargeType(!largeType)}
        >
          {t('portal.home.largeType')}
        </button>
        <button type="button" className="ef-chip" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {locale === 'zh-CN' ? 'English' : '中文'}
        </button>
      </div>
      <h1>{t('portal.signIn.title')}</h1>
      <p className="ef-muted">{t('portal.title')}</p>
      <form
        className="ef-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void (codeSent ? signIn() : sendCode());
        }}
      >
        <label htmlFor="ef-phone">{t('portal.signIn.phone')}</label>
        <input
          id="ef-phone"
          className="ef-input"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={13}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        {codeSent ? (
          <>
            <label htmlFor="ef-code">{t('portal.signIn.code')}</label>
            <input
              id="ef-code"
              className="ef-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoFocus
            />
            {demoCode ? (
              <div className="ef-demo-code" data-testid="demo-code">
                {t('portal.signIn.demoCode', { code: demoCode })}
              </div>
            ) : null}
          </>
        ) : null}
        {error ? (
          <div className="ef-error" role="alert">
            {error}
          </div>
        ) : null}
        <button type="submit" className="ef-button primary" disabled={busy}>
          {busy ? t('common.loading') : codeSent ? t('portal.signIn.submit') : t('portal.signIn.sendCode')}
        </button>
        {codeSent ? (
          <button type="button" className="ef-button" disabled={cooldown > 0 || busy} onClick={() => void sendCode()}>
            {cooldown > 0 ? t('portal.signIn.resend', { seconds: cooldown }) : t('portal.signIn.sendCode')}
          </button>
        ) : null}
      </form>
    </main>
  );
}
