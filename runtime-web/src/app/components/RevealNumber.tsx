import { type ReactNode, useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
import { errorMessage } from '../../shared/error-message';

/**
 * A masked phone or ID number, and the way to see it in full: the reader gives a reason, and
 * `read` asks the engine, which checks their role and records the read in the audit log
 * (POST /api/instances/{id}/unmask for a form's field, /api/people/{id}/unmask for a person).
 * A phone becomes a link that calls it; so does each mobile number in a free text (kind `text`).
 * `forbidden`: what to say when the role may not see it.
 */
export function RevealNumber(props: {
  testId: string;
  kind: 'phone' | 'idNumber' | 'text';
  masked: string;
  read: (reason: string) => Promise<string>;
  forbidden: MessageKey;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<string | null>(null);

  if (value !== null)
    return props.kind === 'text' ? (
      <span data-testid={`revealed-${props.testId}`}>
        <TextWithCalls text={value} call={t('reveal.call')} />
      </span>
    ) : props.kind === 'phone' ? (
      <a href={`tel:${value}`} data-testid={`revealed-${props.testId}`}>
        {value} · {t('reveal.call')}
      </a>
    ) : (
      <span data-testid={`revealed-${props.testId}`}>{value}</span>
    );

  async function reveal() {
    setBusy(true);
    try {
      setValue(await props.read(reason.trim()));
      setAsking(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'forbidden') {
        // Not a failure to retry: this role may not see it. Say who may.
        message.error(t(props.forbidden));
        setAsking(false);
      } else {
        message.error(errorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {props.masked}{' '}
      <Button
        type="link"
        size="small"
        onClick={() => {
          setReason(t('reveal.defaultReason'));
          setAsking(true);
        }}
        data-testid={`reveal-${props.testId}`}
      >
        {t('reveal.show')}
      </Button>
      {asking ? (
        <Modal
          title={t('reveal.title')}
          open
          onCancel={() => setAsking(false)}
          footer={[
            <Button key="cancel" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="reveal"
              type="primary"
              loading={busy}
              disabled={reason.trim().length < 2}
              onClick={() => void reveal()}
              data-testid="reveal-confirm"
            >
              {t('reveal.show')}
            </Button>,
          ]}
        >
          <label>
            {t('reveal.reason')}
            <Input value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} data-testid="reveal-reason" />
          </label>
        </Modal>
      ) : null}
    </>
  );
}

// A mobile number, or a landline as the engine reads it back (area code first, digits only).
const CALLABLE = /(?<!\d)(?:1[3-9]\d{9}|0\d{9,11})(?!\d)/g;

/** Text whose phone numbers are links that call them. */
function TextWithCalls({ text, call }: { text: string; call: string }) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(CALLABLE)) {
    parts.push(text.slice(from, match.index));
    parts.push(
      <a key={match.index} href={`tel:${match[0]}`} title={call}>
        {match[0]}
      </a>,
    );
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
