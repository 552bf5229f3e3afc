import { Badge } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { SaveStatus } from './useDraftAutosave';

export function SaveStatusBadge(props: { status: SaveStatus }) {
  const { t } = useI18n();
  const { status } = props;
  switch (status.kind) {
    case 'saved':
      return <Badge status="success" text={t('editor.saved')} />;
    case 'pending':
      return <Badge status="default" text={t('editor.unsaved')} />;
    case 'saving':
      return <Badge status="processing" text={t('editor.saving')} />;
    case 'conflict':
      return <Badge status="error" text={t('editor.conflict')} />;
    case 'failed':
      return <Badge status="error" text={t('editor.saveFailed', { message: status.message })} />;
  }
}
