import { Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** A JSON document from a chosen file or pasted text; `onJson` gets it parsed, errors shown inline. */
export function JsonFileInput(props: { onJson: (json: unknown) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const accept = (content: string) => {
    setText(content);
    if (content.trim() === '') return;
    try {
      props.onJson(JSON.parse(content));
      setError(null);
    } catch (parseError) {
      setError(t('import.invalid', { message: parseError instanceof Error ? parseError.message : String(parseError) }));
    }
  };
  return (
    <div>
      <input
        type="file"
        accept="application/json,.json"
        aria-label={t('import.file')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void file.text().then(accept);
        }}
      />
      <Input.TextArea
        style={{ marginTop: 8, fontFamily: 'monospace' }}
        rows={6}
        placeholder={t('import.paste')}
        value={text}
        onChange={(event) => accept(event.target.value)}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}
