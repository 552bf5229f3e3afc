import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nContext';

/** Placeholder until the model exports start/step/allowedEvents/generatePaths (see designer/README.md). */
export function SimulatorTab() {
  const { t } = useI18n();
  return <Alert type="info" showIcon title={t('sim.unavailable')} style={{ margin: 16 }} />;
}
