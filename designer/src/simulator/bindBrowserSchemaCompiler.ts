import { bindSchemaCompiler } from '@estateflow/model';
import { validateWithSchema } from './validateWithSchema';

/**
 * The served designer runs under `script-src 'self'`, so AJV's generated code cannot run: bind
 * the model's form and parameter checks (simulation, scenarios, coverage) to the runtime's
 * interpreting validator instead.
 */
export function bindBrowserSchemaCompiler(): void {
  bindSchemaCompiler((schema) => (data) => {
    const errors = validateWithSchema(schema, data);
    return errors.length === 0 ? { ok: true } : { ok: false, errors };
  });
}
