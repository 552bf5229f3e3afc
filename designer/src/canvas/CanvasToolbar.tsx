import {
  AppstoreAddOutlined,
  BorderOutlined,
  ClusterOutlined,
  CopyOutlined,
  DeleteOutlined,
  ExpandOutlined,
  ForkOutlined,
  LoginOutlined,
  PlusSquareOutlined,
  RedoOutlined,
  SelectOutlined,
  SnippetsOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { commandRegistry, shortcutText, type RegisteredCommand } from '../commands/registry';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';

const ICONS: Record<string, ReactNode> = {
  undo: <UndoOutlined />,
  redo: <RedoOutlined />,
  add: <PlusSquareOutlined />,
  final: <StopOutlined />,
  compound: <BorderOutlined />,
  parallel: <ForkOutlined />,
  initial: <LoginOutlined />,
  delete: <DeleteOutlined />,
  copy: <CopyOutlined />,
  paste: <SnippetsOutlined />,
  selectAll: <SelectOutlined />,
  layout: <ClusterOutlined />,
  fit: <ExpandOutlined />,
};

/** The canvas toolbar: every button is a registry command, labelled with its shortcut. */
export function CanvasToolbar() {
  const { t } = useI18n();
  const { state, run } = useEditor();
  const enabled = (command: RegisteredCommand) => command.kind === 'view' || command.enabled(state);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t('editor.tab.canvas')}>
      {commandRegistry.map((command) => {
        const shortcut = command.shortcuts?.[0];
        const title = shortcut ? `${t(command.label)} (${shortcutText(shortcut)})` : t(command.label);
        return (
          <Tooltip key={command.id} title={title}>
            <Button
              size="small"
              icon={ICONS[command.icon ?? ''] ?? <AppstoreAddOutlined />}
              aria-label={t(command.label)}
              disabled={!enabled(command)}
              onClick={() => run(command)}
              data-command={command.id}
            >
              {command.id === 'addState' || command.id === 'autoLayout' ? t(command.label) : null}
            </Button>
          </Tooltip>
        );
      })}
    </div>
  );
}
