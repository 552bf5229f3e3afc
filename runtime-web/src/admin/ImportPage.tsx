import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, apiUrl } from '../api/client';
import { useApi } from '../hooks/use-api';
import { failureText } from './admin-request';
import { type Estate, IMPORT_FIELDS, type ImportField, type ImportView } from './admin-types';
import { useAdminText } from './use-admin-text';

const FIELD_LABELS: Record<ImportField, [string, string]> = {
  building: ['楼栋', 'Building'],
  entrance: ['单元', 'Entrance'],
  room: ['房号', 'Room'],
  name: ['姓名', 'Name'],
  phone: ['手机号', 'Phone'],
  idNumber: ['身份证号', 'ID number'],
  kind: ['身份', 'Owner/tenant'],
  floorArea: ['建筑面积', 'Floor area'],
  moveInAt: ['入住日期', 'Move-in date'],
};

/** Import owners and units from .xlsx or CSV: upload, map columns, check the preview, commit; export the same. */
export default function ImportPage() {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const estates = useApi<Estate[]>('/admin/estates');
  const [estateId, setEstateId] = useState<string | null>(null);
  const estate = estateId ?? estates.data?.[0]?.id ?? null;
  const [current, setCurrent] = useState<ImportView | null>(null);
  const busy = current?.status === 'validating' || current?.status === 'committing';

  // Progress of a long validation or commit: poll the import until it settles.
  useEffect(() => {
    if (!current || !busy) return undefined;
    const timer = setTimeout(() => {
      api.get<ImportView>(`/admin/imports/${current.id}`).then(setCurrent, (error: unknown) => message.error(failureText(error)));
    }, 500);
    return () => clearTimeout(timer);
  }, [current, busy, message]);

  async function upload(file: File) {
    if (estate === null) return;
    const form = new FormData();
    form.append('file', file);
    try {
      setCurrent(await api.post<ImportView>(`/admin/estates/${estate}/imports`, form));
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function remap(changes: {
    mapping?: ImportView['mapping'];
    decisions?: Record<string, 'merge' | 'skip'>;
    onDuplicate?: 'merge' | 'skip';
  }) {
    if (!current) return;
    try {
      setCurrent(await api.put<ImportView>(`/admin/imports/${current.id}/mapping`, changes));
    } catch (error) {
      message.error(failureText(error));
    }
  }

  async function commit() {
    if (!current) return;
    try {
      setCurrent(await api.post<ImportView>(`/admin/imports/${current.id}/commit`));
    } catch (error) {
      message.error(failureText(error));
    }
  }

  const summary = current?.preview.summary;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={tr('导入业主与房屋', 'Import owners and units')}
        extra={
          <Space>
            <Select
              style={{ minWidth: 160 }}
              value={estate ?? undefined}
              onChange={(value: string) => {
                setEstateId(value);
                setCurrent(null);
              }}
              options={(estates.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
            />
            {estate ? (
              <Button href={apiUrl(`/admin/estates/${estate}/export.xlsx`)}>{tr('导出名册（脱敏）', 'Export register (masked)')}</Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {tr(
            '支持 .xlsx 与 CSV（UTF-8 或 GBK），第一行为表头：楼栋、单元、房号、姓名、手机号、身份证号、身份（业主/租户）、建筑面积。全部成功才导入，有一行错误则不导入任何数据。',
            'Accepts .xlsx and CSV (UTF-8 or GBK) with a header row: building, entrance, room, name, phone, ID number, owner/tenant, floor area. Everything is imported or nothing.',
          )}
        </Typography.Paragraph>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} type="primary" disabled={estate === null}>
            {tr('选择文件', 'Choose file')}
          </Button>
        </Upload>
      </Card>
      {current ? (
        <Card title={`${current.fileName} · ${current.status}`} data-testid="import-status">
          {busy ? <Progress percent={Math.round(current.progress * 100)} status="active" /> : null}
          {current.notes.map((note) => (
            <Alert
              key={note.code}
              type="warning"
              showIcon
              message={note.message}
              description={note.cells?.join(', ')}
              style={{ marginBottom: 8 }}
            />
          ))}
          {current.failure ? <Alert type="error" showIcon message={current.failure} style={{ marginBottom: 8 }} /> : null}
          {current.preview.mappingProblems.map((problem) => (
            <Alert key={problem} type="error" message={problem} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions size="small" column={3} title={tr('列对应', 'Column mapping')}>
            {IMPORT_FIELDS.map((field) => (
              <Descriptions.Item key={field} label={tr(...FIELD_LABELS[field])}>
                <Select
                  size="small"
                  allowClear
                  style={{ minWidth: 120 }}
                  disabled={busy}
                  value={current.mapping[field]}
                  options={current.headers.map((header, index) => ({ value: index, label: header || `#${index + 1}` }))}
                  onChange={(value: number | undefined) => {
                    const mapping = { ...current.mapping };
                    if (value === undefined) delete mapping[field];
                    else mapping[field] = value;
                    void remap({ mapping });
                  }}
                />
              </Descriptions.Item>
            ))}
          </Descriptions>
          {summary ? (
            <Descriptions size="small" column={4} title={tr('预览：导入后将', 'Preview: committing will')} data-testid="import-summary">
              <Descriptions.Item label={tr('行数', 'Rows')}>{summary.rows}</Descriptions.Item>
              <Descriptions.Item label={tr('新建楼栋', 'New buildings')}>{summary.buildingsCreated}</Descriptions.Item>
              <Descriptions.Item label={tr('新建房屋', 'New units')}>{summary.unitsCreated}</Descriptions.Item>
              <Descriptions.Item label={tr('新建人员', 'New people')}>{summary.peopleCreated}</Descriptions.Item>
              <Descriptions.Item label={tr('匹配已有人员', 'Matched people')}>{summary.peopleMatched}</Descriptions.Item>
              <Descriptions.Item label={tr('新增入住关系', 'Residencies')}>{summary.residenciesAdded}</Descriptions.Item>
              <Descriptions.Item label={tr('跳过', 'Skipped')}>{summary.skipped}</Descriptions.Item>
              <Descriptions.Item label={tr('错误', 'Errors')}>{current.preview.errorCount}</Descriptions.Item>
            </Descriptions>
          ) : null}
          {current.preview.duplicates.length > 0 ? (
            <Table
              size="small"
              rowKey={(row) => `${row.line}-${row.kind}`}
              title={() =>
                tr('疑似重复（同手机号 / 同身份证号 / 同房同名）', 'Possible duplicates (same phone / ID number / unit and name)')
              }
              dataSource={current.preview.duplicates}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: tr('行', 'Row'), dataIndex: 'line' },
                { title: tr('类型', 'Kind'), dataIndex: 'kind' },
                {
                  title: tr('对应', 'Matches'),
                  render: (_, row) =>
                    row.matchesLine === null
                      ? tr('已有人员', 'person on record')
                      : tr(`第 ${row.matchesLine} 行`, `row ${row.matchesLine}`),
                },
                {
                  title: tr('处理', 'Choice'),
                  render: (_, row) => (
                    <Select
                      size="small"
                      value={row.choice}
                      disabled={busy}
                      onChange={(choice: 'merge' | 'skip') => void remap({ decisions: { [String(row.line)]: choice } })}
                      options={[
                        { value: 'merge', label: tr('合并', 'Merge') },
                        { value: 'skip', label: tr('跳过', 'Skip') },
                      ]}
                    />
                  ),
                },
              ]}
            />
          ) : null}
          {current.errors.length > 0 ? (
            <Table
              size="small"
              rowKey={(row) => `${row.line}-${row.field ?? ''}`}
              title={() => (
                <Space>
                  {tr(`错误 ${current.preview.errorCount} 处`, `${current.preview.errorCount} errors`)}
                  <Button size="small" href={apiUrl(`/admin/imports/${current.id}/errors.xlsx`)}>
                    {tr('下载错误报告', 'Download error report')}
                  </Button>
                </Space>
              )}
              dataSource={current.errors}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: tr('行', 'Row'), dataIndex: 'line' },
                { title: tr('列', 'Column'), dataIndex: 'field' },
                { title: tr('值', 'Value'), dataIndex: 'value' },
                { title: tr('问题', 'Problem'), dataIndex: 'message' },
              ]}
            />
          ) : null}
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" disabled={current.status !== 'ready'} onClick={() => void commit()} data-testid="import-commit">
              {tr('确认导入', 'Import')}
            </Button>
            {current.status === 'committed' ? <Typography.Text type="success">{tr('已全部导入', 'Imported')}</Typography.Text> : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
