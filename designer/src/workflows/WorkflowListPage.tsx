import { CopyOutlined, InboxOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { designerApi } from '../api/designerApi';
import type { DefinitionSummary } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';
import { CreateWorkflowDialog } from './CreateWorkflowDialog';
import { DuplicateWorkflowDialog } from './DuplicateWorkflowDialog';
import { PackExportButton } from './PackExportButton';
import { PackImportButton } from './PackImportButton';
import { definitionName } from './definitionName';

// The XState import (parser, mapping) loads only when the import dialog is opened.
const ImportDialog = lazy(() => import('../importexport/ImportDialog').then((module) => ({ default: module.ImportDialog })));

/** The company's workflows: status, bindings, create, duplicate, archive, search. */
export function WorkflowListPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { estateId } = useSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<DefinitionSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [duplicating, setDuplicating] = useState<DefinitionSummary | null>(null);

  const reload = useCallback(() => {
    designerApi
      .listDefinitions({ q: query })
      .then(setRows)
      .catch((error: unknown) => {
        setRows([]);
        message.error(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
      });
  }, [query, message, t]);

  useEffect(() => {
    const timer = setTimeout(reload, 200);
    return () => clearTimeout(timer);
  }, [reload]);

  const visible = (rows ?? []).filter(
    (row) => !estateId || row.bindings.some((binding) => binding.estateId === estateId) || row.bindings.length === 0,
  );

  return (
    <section className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('list.searchPlaceholder')}
            aria-label={t('common.search')}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: 240 }}
          />
          <PackImportButton onImported={reload} />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('list.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('list.create')}
          </Button>
        </Space>
      </Space>
      <Table<DefinitionSummary>
        rowKey="id"
        loading={rows === null}
        dataSource={visible}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          {
            title: t('common.name'),
            key: 'name',
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/workflows/${row.id}`}>{definitionName(row.name, locale)}</Link>
                <Typography.Text type="secondary" code>
                  {row.key}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('list.status'),
            key: 'status',
            render: (_, row) => (
              <Space size={4} wrap>
                {row.status === 'archived' ? <Tag>{t('list.status.archived')}</Tag> : null}
                {row.latestVersion ? <Tag color="green">{t('list.status.published', { version: row.latestVersion })}</Tag> : null}
                {row.status === 'draft' || !row.latestVersion ? <Tag color="gold">{t('list.status.draft')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('list.bindings'),
            key: 'bindings',
            render: (_, row) =>
              row.bindings.map((binding) => <Tag key={binding.estateId}>{`${binding.estateName} · v${binding.version}`}</Tag>),
          },
          { title: t('list.updatedAt'), key: 'updatedAt', render: (_, row) => new Date(row.updatedAt).toLocaleString(locale) },
          {
            title: t('list.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => navigate(`/workflows/${row.id}`)}>
                  {t('list.open')}
                </Button>
                <PackExportButton row={row} />
                <Button size="small" icon={<CopyOutlined />} onClick={() => setDuplicating(row)}>
                  {t('list.duplicate')}
                </Button>
                {row.status !== 'archived' && (
                  <Popconfirm title={t('list.archiveConfirm')} onConfirm={() => designerApi.archive(row.id).then(reload)}>
                    <Button size="small" icon={<InboxOutlined />}>
                      {t('list.archive')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateWorkflowDialog open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/workflows/${id}`)} />
      <DuplicateWorkflowDialog
        source={duplicating}
        onClose={() => setDuplicating(null)}
        onDuplicated={(id) => navigate(`/workflows/${id}`)}
      />
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={(id) => navigate(`/workflows/${id}`)} />
        </Suspense>
      )}
    </section>
  );
}
