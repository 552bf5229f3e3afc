import { useEffect } from 'react';
import { commandRegistry, matchesShortcut } from '../commands/registry';
import { useEditor } from '../editor/EditorContext';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="combobox"], .ant-select') !== null
  );
}

/** Keyboard shortcuts of the registry, while the statechart tab is open and nobody is typing. */
export function CanvasShortcutsEffect() {
  const { run } = useEditor();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const command = commandRegistry.find((entry) => entry.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut)));
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
  return null;
}
