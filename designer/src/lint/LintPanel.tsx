import { CheckCircleOutlined, CloseCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Empty, List, Space, Typography } from 'antd';
import { select } from '../commands/editCommands';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { useLint, type DesignerFinding } from './LintContext';

const icons = {
  error: <CloseCircleOutlined style={{ color: '#cf222e' }} />,
  warning: <WarningOutlined style={{ color: '#bf8700' }} />,
  info: <InfoCircleOutlined />,
};

/** A long list helps nobody and costs a render: the worst ones first, the rest counted. */
const SHOWN = 100;

/** Findings of the live lint; choosing one selects the state, transition or form field it is about. */
export function LintPanel() {
  const { t } = useI18n();
  const { findings, errorCount } = useLint();
  const { perform, setTab, setFormFocus } = useEditor();
  const warnings = findings.length - errorCount;

  const reveal = (finding: DesignerFinding) => {
    const target = finding.target;
    switch (target.kind) {
      case 'state':
        setTab('canvas');
        perform(select({ states: [target.stateId], transitions: [] }));
        return;
      case 'transition':
        setTab('canvas');
        perform(select({ states: [], transitions: [target.transitionId] }));
        return;
      case 'field':
        setFormFocus({ form: target.form, field: target.field });
        setTab('forms');
        return;
      case 'definition':
        return;
    }
  };

  return (
    <section className="lint-panel" aria-label={t('lint.title')}>
      <Space className="lint-header">
        <Typography.Text strong>{t('lint.title')}</Typography.Text>
        {findings.length === 0 ? (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t('lint.clean')}
          </Typography.Text>
        ) : (
          <>
            <Badge color="red" text={t('lint.errors', { count: errorCount })} />
            <Badge color="gold" text={t('lint.warnings', { count: warnings })} />
          </>
        )}
      </Space>
      {findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lint.clean')} />
      ) : (
        <List
          size="small"
          dataSource={findings.slice(0, SHOWN)}
          footer={findings.length > SHOWN ? <Typography.Text type="secondary">{`+${findings.length - SHOWN}`}</Typography.Text> : null}
          renderItem={(finding) => (
            <List.Item className="lint-item">
              <button type="button" className="link-button" onClick={() => reveal(finding)}>
                {icons[finding.severity]} <code>{finding.code}</code> {finding.message}
              </button>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
