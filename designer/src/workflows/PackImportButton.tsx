import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRef } from 'react';
import { ApiError } from '@estateflow/runtime-web/api';
import { importPack } from '../api/packs';
import { useI18n } from '../i18n/I18nContext';

/** Problems of a refused pack, as the pack API names them: file, JSON path and reason. */
function problemLines(error: unknown): string[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null || !('problems' in error.details))
    return [];
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.slice(0, 5).map((problem: unknown) => {
    if (typeof problem !== 'object' || problem === null) return String(problem);
    const part = (key: string) => (key in problem ? String(Reflect.get(problem, key)) : '');
    return `${part('file')} ${part('path')}: ${part('reason')}`.trim();
  });
}

/** Imports a template pack archive (.tgz) through the pack API, then refreshes the list. */
export function PackImportButton(props: { onImported: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const input = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    try {
      const report = await importPack(file);
      const keys = report.workflows.map((workflow) => `${workflow.key} v${workflow.version} (${t(`pack.status.${workflow.status}`)})`);
      message.success(t('pack.imported', { name: report.pack.name, version: report.pack.version, workflows: keys.join(', ') }));
      props.onImported();
    } catch (error) {
      modal.error({
        title: t('pack.refused'),
        content: [error instanceof Error ? error.message : String(error), ...problemLines(error)].join('\n'),
      });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".tgz,.tar.gz,application/gzip"
        data-testid="pack-import-input"
        style={{ display: 'none' }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Button icon={<CloudUploadOutlined />} onClick={() => input.current?.click()}>
        {t('pack.import')}
      </Button>
    </>
  );
}
