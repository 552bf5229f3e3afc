import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { exportPack } from '../api/packs';
import type { DefinitionSummary } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';

/** Downloads what an estate runs for this workflow as a template pack (the current estate if bound there). */
export function PackExportButton(props: { row: DefinitionSummary }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { estateId } = useSession();
  const binding = props.row.bindings.find((candidate) => candidate.estateId === estateId) ?? props.row.bindings[0];
  if (binding === undefined) return null;

  const download = async () => {
    try {
      const { archive, fileName } = await exportPack({ workflowKey: props.row.key, estateId: binding.estateId });
      const url = URL.createObjectURL(archive);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Button size="small" icon={<DownloadOutlined />} title={binding.estateName} onClick={() => void download()}>
      {t('pack.export')}
    </Button>
  );
}
