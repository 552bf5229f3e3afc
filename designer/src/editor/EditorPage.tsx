import { Alert, Result, Spin } from 'antd';
import { lazy, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { designerApi } from '../api/designerApi';
import type { DefinitionDetail } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { EditorProvider } from './EditorProvider';
import { EditorWorkspace } from './EditorWorkspace';
import { ServerEditorHeader } from './ServerEditorHeader';

// The history and side-by-side diff load when the Versions tab is first shown.
const VersionsTab = lazy(() => import('../versions/VersionsTab').then((module) => ({ default: module.VersionsTab })));

/** One company workflow from the engine: its draft under edit, autosaved, publishable. */
export function EditorPage() {
  const { t } = useI18n();
  const { definitionId = '' } = useParams();
  const [detail, setDetail] = useState<DefinitionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => designerApi.getDefinition(definitionId), [definitionId]);
  useEffect(() => {
    let alive = true;
    load()
      .then((loaded) => alive && setDetail(loaded))
      .catch((loadError: unknown) => alive && setError(loadError instanceof Error ? loadError.message : String(loadError)));
    return () => {
      alive = false;
    };
  }, [load]);
  if (error) return <Result status="404" title={t('editor.notFound')} subTitle={error} />;
  if (!detail) return <Spin style={{ margin: 48 }} />;
  return (
    <EditorProvider key={detail.id} definition={detail.draft}>
      <EditorWorkspace
        header={<ServerEditorHeader detail={detail} reload={load} onReloaded={setDetail} />}
        versions={<VersionsTab detail={detail} onChanged={() => void load().then(setDetail)} />}
      />
      {detail.status === 'archived' && <Alert type="warning" banner title={t('list.status.archived')} />}
    </EditorProvider>
  );
}
