import { describe, expect, it } from 'vitest';
import { repairDefinition } from '../test-support/repair-fixture.js';
import { validateDefinition } from './validate-definition.js';

const minimal = () => ({
  formatVersion: 1,
  key: 'tiny',
  name: { 'zh-CN': '小流程' },
  forms: {},
  machine: { id: 'tiny', initial: 'open', states: { open: { on: { CLOSE: [{ target: 'closed' }] } }, closed: { type: 'final' } } },
});

describe('validateDefinition', () => {
  it('accepts the repair fixture and a minimal definition', () => {
    expect(validateDefinition(repairDefinition()).ok).toBe(true);
    expect(validateDefinition(minimal()).ok).toBe(true);
  });

  it('points at an unknown property inside a transition', () => {
    const definition = minimal();
    Object.assign(definition.machine.states.open.on.CLOSE[0] ?? {}, { bogus: 1 });
    expect(validateDefinition(definition)).toEqual({
      ok: false,
      errors: [{ path: '/machine/states/open/on/CLOSE/0/bogus', message: 'unknown property' }],
    });
  });

  it('names a lower-case event and a missing required field by path', () => {
    const lower = minimal();
    Object.assign(lower.machine.states.open, { on: { close: [{ target: 'closed' }] } });
    const result = validateDefinition(lower);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ path: '/machine/states/open/on/close', message: 'is not an allowed name' });

    const { name: _name, ...nameless } = minimal();
    const missing = validateDefinition(nameless);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0]?.path).toBe('/name');
  });

  it('refuses prototype names as states and forms', () => {
    const definition = minimal();
    Object.assign(definition.machine.states, { constructor: { type: 'final' } });
    const result = validateDefinition(definition);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('/machine/states/constructor');
    const proto = validateDefinition(
      JSON.parse(
        '{"formatVersion":1,"key":"x","name":{"zh-CN":"x"},"forms":{"__proto__":{"schema":{}}},"machine":{"id":"x","initial":"a","states":{"a":{}}}}',
      ),
    );
    expect(proto.ok).toBe(false);
    expect(Object.prototype).not.toHaveProperty('schema');
  });

  it('refuses a hostile, deeply nested document before AJV reads it', () => {
    let states: Record<string, unknown> = { leaf: {} };
    for (let depth = 0; depth < 5000; depth += 1) states = { s: { initial: 's', states } };
    const result = validateDefinition({ ...minimal(), machine: { id: 'x', initial: 's', states } });
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'definition is too large (depth limit exceeded)' }] });
  });

  it('refuses what is not an object', () => {
    expect(validateDefinition(null).ok).toBe(false);
    expect(validateDefinition('repair').ok).toBe(false);
  });
});
