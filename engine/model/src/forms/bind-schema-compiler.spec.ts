import { afterEach, describe, expect, it } from 'vitest';
import { bindSchemaCompiler, compileFormValidator } from './compile-form-validator.js';

const schema = { type: 'object', properties: { reason: { type: 'string', minLength: 2 } }, required: ['reason'] };

describe('bindSchemaCompiler', () => {
  afterEach(() => bindSchemaCompiler(null));

  it('lets a host whose CSP forbids generated code validate forms with its own interpreter', () => {
    const seen: object[] = [];
    bindSchemaCompiler((compiled) => {
      seen.push(compiled);
      return (data) =>
        typeof data === 'object' && data !== null && 'reason' in data
          ? { ok: true }
          : { ok: false, errors: [{ path: '/reason', message: { 'zh-CN': '必填', en: 'required' } }] };
    });
    const compiled = compileFormValidator(schema);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.validate({})).toEqual({ ok: false, errors: [{ path: '/reason', message: { 'zh-CN': '必填', en: 'required' } }] });
    expect(compiled.validate({ reason: 'ok' })).toEqual({ ok: true });
    expect(seen).toEqual([schema]);
  });

  it('goes back to AJV when unbound', () => {
    bindSchemaCompiler(() => () => ({ ok: true }));
    bindSchemaCompiler(null);
    const compiled = compileFormValidator(schema);
    expect(compiled.ok && compiled.validate({}).ok).toBe(false);
  });

  it('still refuses an unsafe schema before the bound compiler sees it', () => {
    let called = false;
    bindSchemaCompiler(() => {
      called = true;
      return () => ({ ok: true });
    });
    expect(compileFormValidator({ type: 'object', properties: { x: { $ref: 'http://evil.example/schema.json' } } }).ok).toBe(false);
    expect(called).toBe(false);
  });
});
