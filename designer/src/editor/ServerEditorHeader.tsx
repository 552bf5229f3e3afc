import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DefinitionDetail } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { downloadJson } from '../importexport/downloadJson';
import { PublishDialog } from '../versions/PublishDialog';
import { SaveStatusBadge } from '../versions/SaveStatusBadge';
import { useDraftAutosave } from '../versions/useDraftAutosave';
import { definitionName } from '../workflows/definitionName';
import { useEditor } from './EditorContext';

/** Name, save state (with the conflict choice), export and publish, above the tabs. */
export function ServerEditorHeader(props: {
  detail: DefinitionDetail;
  reload: () => Promise<DefinitionDetail>;
  onReloaded: (detail: DefinitionDetail) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { state, reset } = useEditor();
  const { status, flush } = useDraftAutosave({ definitionId: props.detail.id, revision: props.detail.draftRevision });
  const [publishing, setPublishing] = useState(false);
  const exportDraft = () => downloadJson({ fileName: `${state.definition.key}.definition.json`, json: state.definition });
  return (
    <Space className="editor-header">
      <Typography.Text strong>{definitionName(props.detail.name, locale)}</Typography.Text>
      <SaveStatusBadge status={status} />
      {status.kind === 'conflict' && (
        <>
          <Popconfirm
            title={t('editor.conflictReload')}
            onConfirm={() =>
              void props.reload().then((fresh) => {
                reset(fresh.draft);
                props.onReloaded(fresh);
              })
            }
          >
            <Button size="small" danger>
              {t('editor.conflictReload')}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={exportDraft}>
            {t('editor.conflictKeep')}
          </Button>
        </>
      )}
      <Button size="small" icon={<DownloadOutlined />} onClick={exportDraft} aria-label={t('editor.export')} />
      <Button
        type="primary"
        size="small"
        icon={<CloudUploadOutlined />}
        onClick={() => setPublishing(true)}
        disabled={status.kind === 'conflict'}
      >
        {t('editor.publish')}
      </Button>
      <PublishDialog
        open={publishing}
        definitionId={props.detail.id}
        flush={flush}
        onClose={() => setPublishing(false)}
        onPublished={(version) => {
          setPublishing(false);
          message.success(t('versions.published', { version }));
          void props.reload().then(props.onReloaded);
        }}
      />
    </Space>
  );
}
