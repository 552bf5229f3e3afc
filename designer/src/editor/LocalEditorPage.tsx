import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { blankDefinition } from '../definition/blankDefinition';
import type { Definition } from '../definition/types';
import { useI18n } from '../i18n/I18nContext';
import { downloadJson } from '../importexport/downloadJson';
import { EditorProvider } from './EditorProvider';
import { EditorWorkspace } from './EditorWorkspace';
import { useEditor } from './EditorContext';
import { LocalDefinitionHookEffect } from './LocalDefinitionHookEffect';

function LocalHeader() {
  const { t } = useI18n();
  const { definition } = useEditor().state;
  return (
    <Space>
      <Typography.Text strong>{definition.key}</Typography.Text>
      <Button size="small" onClick={() => downloadJson({ fileName: `${definition.key}.definition.json`, json: definition })}>
        {t('editor.export')}
      </Button>
    </Space>
  );
}

/**
 * /designer/local: the editor without an engine, for trying things out and for bench/designer.mjs,
 * which hands it a definition through `window.estateflowDesigner.load(definition)`.
 */
export function LocalEditorPage() {
  const [definition] = useState<Definition>(() => blankDefinition({ key: 'local', name: '本地草稿' }));
  return (
    <EditorProvider definition={definition}>
      <LocalDefinitionHookEffect />
      <div className="local-editor">
        <EditorWorkspace header={<LocalHeader />} />
      </div>
    </EditorProvider>
  );
}
