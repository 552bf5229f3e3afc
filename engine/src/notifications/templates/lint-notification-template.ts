import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from './template-helpers';
import type { TemplateProblem } from './template-problem';

/** Block helpers built into Handlebars that templates may use; `lookup` and `log` are not among them. */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const HELPERS = new Set<string>([...BLOCK_HELPERS, ...TEMPLATE_HELPERS]);
/** Names that lead from data to the JavaScript runtime. */
const FORBIDDEN_SEGMENT = /^(__.*|constructor|prototype)$/;
const MAX_LENGTH = 5_000;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineOf(node: Node): number | undefined {
  const loc = node.loc;
  if (!isNode(loc) || !isNode(loc.start) || typeof loc.start.line !== 'number') return undefined;
  return loc.start.line;
}

function problem(node: Node, message: { zh: string; en: string }): TemplateProblem {
  const line = lineOf(node);
  return { message: { 'zh-CN': message.zh, en: message.en }, ...(line === undefined ? {} : { line }) };
}

function checkPath(node: Node, problems: TemplateProblem[]): void {
  const original = typeof node.original === 'string' ? node.original : '';
  const parts = Array.isArray(node.parts) ? node.parts.filter((part): part is string => typeof part === 'string') : [];
  if (typeof node.data === 'boolean' && node.data) {
    problems.push(problem(node, { zh: `不允许使用 @ 变量：${original}`, en: `@ variables are not allowed: ${original}` }));
  }
  if (parts.some((part) => FORBIDDEN_SEGMENT.test(part)) || /(^|[./[])(__|constructor\b|prototype\b)/.test(original)) {
    problems.push(problem(node, { zh: `不允许访问 ${original}`, en: `"${original}" may not be used in a template.` }));
  }
}

function callee(node: Node): string | null {
  const path = node.path;
  if (!isNode(path) || path.type !== 'PathExpression' || typeof path.original !== 'string') return null;
  return path.original;
}

function walk(value: unknown, problems: TemplateProblem[]): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, problems);
    return;
  }
  if (!isNode(value)) return;
  switch (value.type) {
    case 'MustacheStatement':
      if (value.escaped === false) {
        problems.push(
          problem(value, {
            zh: '不允许使用 {{{ }}} 或 {{& }}：请用 {{ }}。',
            en: 'Triple-stash {{{ }}} and {{& }} are not allowed; use {{ }}.',
          }),
        );
      }
      break;
    case 'PartialStatement':
    case 'PartialBlockStatement':
      problems.push(problem(value, { zh: '不允许使用子模板 {{> }}。', en: 'Partials {{> }} are not allowed.' }));
      return;
    case 'Decorator':
    case 'DecoratorBlock':
      problems.push(problem(value, { zh: '不允许使用装饰器 {{* }}。', en: 'Decorators {{* }} are not allowed.' }));
      return;
    case 'PathExpression':
      checkPath(value, problems);
      return;
    default:
      break;
  }
  if (value.type === 'MustacheStatement' || value.type === 'BlockStatement' || value.type === 'SubExpression') {
    const name = callee(value);
    const hasArguments = (Array.isArray(value.params) && value.params.length > 0) || isNode(value.hash);
    if (name !== null && (hasArguments || value.type !== 'MustacheStatement') && !HELPERS.has(name)) {
      problems.push(
        problem(value, {
          zh: `未知的辅助函数 ${name}。可用：${[...HELPERS].join('、')}`,
          en: `Unknown helper "${name}". Available: ${[...HELPERS].join(', ')}.`,
        }),
      );
    }
    if (value.type === 'BlockStatement' && name !== null && !BLOCK_HELPERS.has(name)) {
      problems.push(problem(value, { zh: `${name} 不能用作块。`, en: `"${name}" cannot open a block.` }));
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'loc') walk(child, problems);
  }
}

/**
 * What is wrong with a notification template written by a user (RELIABILITY 12): parse errors,
 * triple-stash, partials, decorators, @data, helpers we do not provide, and paths that reach
 * for `__proto__`, `constructor` or `prototype`. Empty when the template may be compiled.
 */
export function lintNotificationTemplate(source: string): TemplateProblem[] {
  if (source.length > MAX_LENGTH) {
    return [
      {
        message: { 'zh-CN': `模板过长（最多 ${MAX_LENGTH} 个字符）。`, en: `The template is too long (at most ${MAX_LENGTH} characters).` },
      },
    ];
  }
  let ast: unknown;
  try {
    ast = Handlebars.parseWithoutProcessing(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ message: { 'zh-CN': `模板语法错误：${detail}`, en: `Template syntax error: ${detail}` } }];
  }
  const problems: TemplateProblem[] = [];
  walk(ast, problems);
  return problems;
}
