import { Dropdown } from 'antd';
import type { ReactNode } from 'react';
import { commandRegistry, shortcutText } from '../commands/registry';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';

/** Right-click menu over the canvas: the same registry commands as the toolbar and shortcuts. */
export function CanvasContextMenu(props: { children: ReactNode }) {
  const { t } = useI18n();
  const { state, run } = useEditor();
  return (
    <Dropdown
      trigger={['contextMenu']}
      menu={{
        items: commandRegistry.map((command) => ({
          key: command.id,
          label: t(command.label),
          extra: command.shortcuts?.[0] ? shortcutText(command.shortcuts[0]) : undefined,
          disabled: command.kind !== 'view' && !command.enabled(state),
        })),
        onClick: ({ key }) => {
          const command = commandRegistry.find((entry) => entry.id === key);
          if (command) run(command);
        },
      }}
    >
      <div className="canvas-frame">{props.children}</div>
    </Dropdown>
  );
}
