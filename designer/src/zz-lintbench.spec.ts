import { lintDefinition, validateDefinition } from '@estateflow/model';
import { generateDefinition } from '/tmp/gen.mjs';
import { it } from 'vitest';
it('x', () => {
const def = generateDefinition();
let t = performance.now();
const v = validateDefinition(def);
console.log('validate', performance.now() - t, v.ok);
t = performance.now();
if (v.ok) console.log('lint', lintDefinition(v.definition).length, performance.now() - t);
t = performance.now();
if (v.ok) console.log('lint again', lintDefinition(v.definition).length, performance.now() - t);
});
