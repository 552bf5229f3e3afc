import { useEffect } from 'react';
import { App } from 'antd';
import { isRetryable } from '../../api/with-retry';
import { publishLiveEvent } from '../../hooks/live-events';
import { useI18n } from '../../i18n/I18nProvider';
import { flushOutbox } from '../offline-drafts';
import { sendRequest } from '../send-request';
import { useUnit } from '../UnitProvider';

/** Sends requests queued while offline as soon as the phone is back online; renders nothing. */
export function OutboxEffect() {
  const { me } = useUnit();
  const { t } = useI18n();
  const { message } = App.useApp();
  useEffect(() => {
    let running = false;
    async function flush() {
      if (running || !navigator.onLine) return;
      running = true;
      try {
        const result = await flushOutbox({ store: localStorage, personId: me.id, send: sendRequest, isRetryable });
        if (result.sent.length > 0) {
          message.success(`${t('common.online')} · ${t('portal.new.submitted')}`);
          publishLiveEvent({ kind: 'task.changed' });
        }
      } finally {
        running = false;
      }
    }
    void flush();
    window.addEventListener('online', flush);
    const timer = setInterval(() => void flush(), 30_000);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
    };
  }, [me.id, message, t]);
  return null;
}
