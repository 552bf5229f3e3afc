/** The visual guard builder's model: conditions joined by all/any, written as a CEL expression. */

export type ConditionOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'isSet';

export interface Condition {
  /** `data.x`, `event.data.x` or `params.x`. */
  field: string;
  operator: ConditionOperator;
  value: string | number | boolean | string[];
}

export interface ConditionGroup {
  join: 'all' | 'any';
  conditions: Condition[];
}

function literal(value: Condition['value']): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function conditionToCel(condition: Condition): string {
  if (condition.operator === 'isSet') return `has(${condition.field})`;
  return `${condition.field} ${condition.operator} ${literal(condition.value)}`;
}

export function groupToCel(group: ConditionGroup): string {
  const parts = group.conditions.map(conditionToCel);
  if (parts.length <= 1) return parts[0] ?? 'true';
  return parts.map((part) => (group.conditions.length > 1 ? `(${part})` : part)).join(group.join === 'all' ? ' && ' : ' || ');
}

const FIELD = String.raw`((?:event\.)?data(?:\.[A-Za-z_]\w*)+|params\.[A-Za-z_]\w*)`;
const COMPARISON = new RegExp(String.raw`^${FIELD}\s*(==|!=|<=|>=|<|>|in)\s*(.+)$`);
const HAS = new RegExp(String.raw`^has\(${FIELD}\)$`);

function parseLiteral(text: string): Condition['value'] | undefined {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === 'string') return parsed;
    if (Array.isArray(parsed) && parsed.every((item): item is string => typeof item === 'string')) return parsed;
  } catch {
    return undefined;
  }
  return undefined;
}

function parseCondition(text: string): Condition | null {
  const trimmed = text
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  const has = HAS.exec(trimmed);
  if (has?.[1]) return { field: has[1], operator: 'isSet', value: true };
  const match = COMPARISON.exec(trimmed);
  if (!match?.[1] || !match[2] || match[3] === undefined) return null;
  const value = parseLiteral(match[3]);
  if (value === undefined) return null;
  const operator = match[2];
  switch (operator) {
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'in':
      return { field: match[1], operator, value };
    default:
      return null;
  }
}

/** Reads back an expression the builder wrote; anything else is `null` (edit it as text). */
export function parseCel(expression: string): ConditionGroup | null {
  const text = expression.trim();
  if (text === '' || text === 'true') return { join: 'all', conditions: [] };
  const hasAnd = text.includes('&&');
  const hasOr = text.includes('||');
  if (hasAnd && hasOr) return null;
  const join = hasOr ? 'any' : 'all';
  const conditions: Condition[] = [];
  for (const part of text.split(hasOr ? '||' : '&&')) {
    const condition = parseCondition(part);
    if (!condition) return null;
    conditions.push(condition);
  }
  return { join, conditions };
}
