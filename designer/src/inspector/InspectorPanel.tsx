import { Empty, Typography } from 'antd';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { StateInspector } from './StateInspector';
import { TransitionInspector } from './TransitionInspector';

/** The right-hand panel: what is selected on the canvas, ready to edit. */
export function InspectorPanel() {
  const { t } = useI18n();
  const { selection } = useEditor().state;
  const count = selection.states.length + selection.transitions.length;
  const stateId = selection.states[0];
  const transitionId = selection.transitions[0];
  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      <Typography.Title level={5}>{t('inspector.title')}</Typography.Title>
      {count === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspector.nothing')} />}
      {count > 1 && <Typography.Text>{t('inspector.multi', { count })}</Typography.Text>}
      {count === 1 && stateId && <StateInspector key={stateId} stateId={stateId} />}
      {count === 1 && transitionId && <TransitionInspector key={transitionId} transitionId={transitionId} />}
    </aside>
  );
}
