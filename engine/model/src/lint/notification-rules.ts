import type { LocalizedText } from '../generated/definition.js';
import { ownEntries } from '../util/records.js';
import type { LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

// Handlebars compiling is the engine's job; the model refuses what must never reach it:
// triple-stash (unescaped HTML) and prototype names (RELIABILITY 12).
const UNSAFE_TEMPLATE = /\{\{\{|\{\{\s*&|__proto__|constructor|prototype|__defineGetter__|__lookupGetter__/;

/** unsafeTemplate in notification texts and state progress texts. */
export function lintNotifications(context: LintContext): void {
  for (const [name, template] of ownEntries(context.definition.notifications)) {
    for (const [locale, text] of ownEntries({ 'zh-CN': template['zh-CN'], en: template.en })) {
      checkText(context, { text: `${text.title}\n${text.body}`, target: { kind: 'notification', field: `${name}.${locale}` } });
    }
  }
  for (const state of context.states) {
    const progress: LocalizedText | undefined = state.node.meta?.progress;
    if (progress !== undefined)
      checkText(context, { text: `${progress['zh-CN']}\n${progress.en ?? ''}`, target: { kind: 'state', statePath: state.path } });
  }
}

function checkText(context: LintContext, options: { text: string; target: LintTarget }): void {
  const match = UNSAFE_TEMPLATE.exec(options.text);
  if (match === null) return;
  context.report({
    severity: 'error',
    code: 'unsafeTemplate',
    zh: `模板中不允许 "${match[0]}"`,
    en: `"${match[0]}" is not allowed in a template`,
    target: options.target,
  });
}
