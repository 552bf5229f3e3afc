import { findState, type WorkflowDefinition } from '@estateflow/model';
import type { Localized } from './instance-view';

/** The label of a stored state value ("a.b | c.d") without the snapshot: deepest labelled state per leaf. */
export function labelOfStateValue(definition: WorkflowDefinition, stateValue: string): Localized {
  const labels = stateValue.split(' | ').map((leaf) => {
    const segments = leaf.split('.');
    for (let length = segments.length; length > 0; length--) {
      const label = findState(definition, segments.slice(0, length).join('.'))?.meta?.label;
      if (label !== undefined) return { 'zh-CN': label['zh-CN'], en: label.en ?? label['zh-CN'] };
    }
    return { 'zh-CN': leaf, en: leaf };
  });
  return { 'zh-CN': labels.map((label) => label['zh-CN']).join(' / '), en: labels.map((label) => label.en).join(' / ') };
}
