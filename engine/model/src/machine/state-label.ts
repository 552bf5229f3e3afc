import type { LocalizedText, WorkflowDefinition } from '../generated/definition.js';
import { compileMachine } from './compile-machine.js';
import { findState } from './state-tree.js';
import { activeLeafPaths } from './state-value.js';
import { checkSnapshot } from './workflow-snapshot.js';

/**
 * What to call the instance's state: for each active leaf, the label of the deepest labelled
 * state on its path (so "awaitingConfirmation.owner.waiting" reads "待业主确认"); parallel
 * regions are joined with " / ". Falls back to the state name.
 */
export function stateLabel(definition: WorkflowDefinition, snapshot: unknown): LocalizedText {
  const checked = checkSnapshot(compileMachine(definition), snapshot);
  const labels = activeLeafPaths(checked.value).map((leaf) => labelOf(definition, leaf));
  const unique = labels.filter((label, index) => labels.findIndex((other) => other['zh-CN'] === label['zh-CN']) === index);
  return {
    'zh-CN': unique.map((label) => label['zh-CN']).join(' / '),
    en: unique.map((label) => label.en ?? label['zh-CN']).join(' / '),
  };
}

function labelOf(definition: WorkflowDefinition, leaf: string): LocalizedText {
  const segments = leaf.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const label = findState(definition, segments.slice(0, length).join('.'))?.meta?.label;
    if (label !== undefined) return label;
  }
  return { 'zh-CN': leaf, en: leaf };
}
