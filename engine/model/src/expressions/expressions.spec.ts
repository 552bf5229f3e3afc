import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression.js';
import { evaluateCondition, evaluateExpression, type ExpressionScope } from './evaluate-expression.js';
import { ExpressionError } from './expression-error.js';
import { expressionReferences } from './expression-references.js';
import { parseExpression } from './parse-expression.js';

const scope: ExpressionScope = {
  data: {
    urgency: 'emergency',
    rating: 2,
    items: [
      { name: '消防泵', ok: false },
      { name: '水箱', ok: true },
    ],
    quote: { amount: 120.5 },
  },
  event: { type: 'DISPATCH', data: { technicianId: 'tech-7' } },
  params: { respondMinutes: 30, allowPhoneDispatch: false },
  now: 1_767_574_800_000,
  actor: { id: 'desk-1', roles: ['front_desk'] },
};

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error: unknown) {
    return error instanceof ExpressionError ? error.code : 'other';
  }
  return undefined;
}

describe('evaluateExpression', () => {
  it('reads data, event, params, now and actor', () => {
    expect(evaluateExpression("data.urgency == 'emergency' || params.allowPhoneDispatch", scope)).toBe(true);
    expect(evaluateExpression('event.data.technicianId', scope)).toBe('tech-7');
    expect(evaluateExpression("'front_desk' in actor.roles", scope)).toBe(true);
    expect(evaluateExpression('now > 0', scope)).toBe(true);
    expect(evaluateExpression('data.items.filter(i, !i.ok).map(i, i.name)', scope)).toEqual(['消防泵']);
  });

  it('mixes JSON numbers and integer literals, and returns plain JSON numbers', () => {
    expect(evaluateExpression('params.respondMinutes * 60', scope)).toBe(1800);
    expect(evaluateExpression('data.rating + 1', scope)).toBe(3);
    expect(evaluateExpression('size(data.items)', scope)).toBe(2);
    expect(evaluateExpression('{"amount": data.quote.amount, "n": 1}', scope)).toEqual({ amount: 120.5, n: 1 });
  });

  it('fails on missing fields, and a guard then counts as false', () => {
    expect(errorCode(() => evaluateExpression('data.missing', scope))).toBe('evaluation');
    expect(evaluateCondition('data.missing == 1', scope)).toBe(false);
    expect(evaluateCondition('has(data.missing)', scope)).toBe(false);
    expect(evaluateCondition('1', scope)).toBe(false);
  });

  it('refuses __proto__, constructor and prototype, whatever the spelling', () => {
    expect(errorCode(() => evaluateExpression('data.__proto__', scope))).toBe('unsafe');
    expect(errorCode(() => evaluateExpression('data.constructor', scope))).toBe('unsafe');
    expect(errorCode(() => evaluateExpression("data['constructor']", scope))).toBe('unsafe');
    expect(errorCode(() => evaluateExpression('data.items.prototype', scope))).toBe('unsafe');
    expect(errorCode(() => evaluateExpression('"x".constructor', scope))).toBe('unsafe');
    // Built at run time, the name still reaches no prototype: only own keys of a map exist.
    expect(errorCode(() => evaluateExpression("data['__pro' + 'to__']", scope))).toBe('evaluation');
    expect(errorCode(() => evaluateExpression("data['toString']", scope))).toBe('evaluation');
    const polluted = { ...scope, data: JSON.parse('{"__proto__": {"polluted": true}}') };
    expect(errorCode(() => evaluateExpression("data['__pro' + 'to__'].polluted", polluted))).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses huge and deeply nested expressions quickly', () => {
    const started = Date.now();
    expect(errorCode(() => parseExpression('1 + '.repeat(1000) + '1'))).toBe('tooLong');
    expect(errorCode(() => parseExpression('('.repeat(300) + '1' + ')'.repeat(300)))).toBe('syntax');
    expect(errorCode(() => parseExpression('1 + '.repeat(400) + '1'))).toBe('syntax');
    expect(errorCode(() => parseExpression('data.x +'))).toBe('syntax');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('handles huge data without trouble', () => {
    const items = Array.from({ length: 100_000 }, (_unused, index) => ({ ok: index !== 99_999 }));
    expect(evaluateExpression('data.items.exists(i, !i.ok)', { ...scope, data: { items } })).toBe(true);
  });
});

describe('expressionReferences', () => {
  it('lists the longest scope paths, without macro variables', () => {
    expect(expressionReferences("data.urgency == 'x' && params.allow && data.items.exists(i, i.ok) && event.data.rating > 2")).toEqual([
      'data.items',
      'data.urgency',
      'event.data.rating',
      'params.allow',
    ]);
    expect(expressionReferences("has(data.quote.amount) ? data['quote'].amount : 0")).toEqual(['data.quote.amount']);
  });
});

describe('checkExpression', () => {
  const types = {
    data: { type: 'object' as const, properties: { urgency: { type: 'string' as const }, rating: { type: 'integer' as const } } },
    params: { type: 'object' as const, properties: { respondMinutes: { type: 'integer' as const } } },
    eventData: { type: 'object' as const, properties: { technicianId: { type: 'string' as const } } },
  };

  it('accepts well-typed expressions and tells their type', () => {
    expect(checkExpression("data.urgency == 'emergency' && data.rating <= 2", types)).toEqual({ ok: true, type: 'bool' });
    expect(checkExpression('params.respondMinutes * 60', types)).toEqual({ ok: true, type: 'double' });
    expect(checkExpression('event.data.technicianId', types)).toEqual({ ok: true, type: 'string' });
  });

  it('finds unknown fields, parameters and type errors before anything runs', () => {
    const unknown = checkExpression('data.colour == 1', types);
    expect(unknown.ok === false && unknown.error.message).toContain('No such key: colour');
    expect(checkExpression('params.missing > 1', types).ok).toBe(false);
    expect(checkExpression('data.urgency + 1', types).ok).toBe(false);
    expect(checkExpression('launch(1)', types).ok).toBe(false);
  });
});
