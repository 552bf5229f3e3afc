import { Alert, Input, List, Modal } from 'antd';
import { ApiError } from '@estateflow/runtime-web/api';
import { useState } from 'react';
import { designerApi } from '../api/designerApi';
import { useI18n } from '../i18n/I18nContext';
import { useLint } from '../lint/LintContext';

/** Publish with a change note; lint errors (here, or the server's 422) block it. */
export function PublishDialog(props: {
  open: boolean;
  definitionId: string;
  flush: () => Promise<boolean>;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const { t } = useI18n();
  const { errorCount, findings, current } = useLint();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const blocked = errorCount > 0 || !current;
  const publish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      if (!(await props.flush())) throw new Error(t('editor.conflict'));
      const answer = await designerApi.publish({ id: props.definitionId, changeNote: note });
      setNote('');
      props.onPublished(answer.version);
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 422
          ? `${error.message} ${JSON.stringify(error.details)}`
          : error instanceof Error
            ? error.message
            : String(error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('versions.publish')}
      onCancel={props.onClose}
      onOk={() => void publish()}
      okButtonProps={{ disabled: blocked || note.trim() === '' }}
      confirmLoading={busy}
      okText={t('editor.publish')}
    >
      {blocked && (
        <Alert
          type="error"
          showIcon
          title={t('versions.blocked', { count: errorCount })}
          description={
            <List
              size="small"
              dataSource={findings.filter((finding) => finding.severity === 'error').slice(0, 5)}
              renderItem={(finding) => <List.Item>{finding.message}</List.Item>}
            />
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Input.TextArea
        aria-label={t('versions.changeNote')}
        placeholder={t('versions.changeNote')}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
