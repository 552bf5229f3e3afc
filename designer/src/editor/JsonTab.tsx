import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { downloadJson } from '../importexport/downloadJson';
import { useEditor } from './EditorContext';

/** The whole definition as JSON, read-only, with export. */
export function JsonTab() {
  const { t } = useI18n();
  const { definition } = useEditor().state;
  const text = JSON.stringify(definition, null, 2);
  return (
    <div className="page-scroll">
      <Space style={{ marginBottom: 8 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadJson({ fileName: `${definition.key}.definition.json`, json: definition })}
        >
          {t('editor.export')}
        </Button>
      </Space>
      <Input.TextArea aria-label="JSON" className="json-text" readOnly value={text} autoSize={{ minRows: 20, maxRows: 40 }} />
    </div>
  );
}
