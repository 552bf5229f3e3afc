import Ajv from 'ajv';
import addFormats from 'ajv-formats';

// One AJV configuration for every schema the model compiles: strict, no $data, first error
// only (allErrors would let a hostile payload make validation do unbounded work), no remote
// loading (loadSchema is never set, so only local "#/..." refs resolve).
export function createAjv(): Ajv {
  const ajv = new Ajv({
    strict: true,
    strictTypes: false,
    allErrors: false,
    $data: false,
    messages: true,
    verbose: false,
    validateSchema: true,
    addUsedSchema: false,
    inlineRefs: true,
    unicodeRegExp: true,
  });
  addFormats(ajv);
  // json-schema-to-typescript's annotation in the definition schema; RJSF's ui keywords never
  // reach AJV because they live in uiSchema.
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv;
}
