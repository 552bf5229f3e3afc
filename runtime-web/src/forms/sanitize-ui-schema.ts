// Schemas and uiSchemas come from workflow definitions that users write. RJSF renders titles,
// descriptions, enum labels and errors as text; the only switch that turns text into markup is
// markdown in descriptions, so it is removed here, at every depth.
const markupOptions = new Set(['ui:enableMarkdownInDescription', 'enableMarkdownInDescription']);

export function sanitizeUiSchema<T>(uiSchema: T): T {
  if (typeof uiSchema !== 'object' || uiSchema === null) return uiSchema;
  const copy: T = structuredClone(uiSchema);
  removeMarkup(copy);
  return copy;
}

function removeMarkup(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(removeMarkup);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if (markupOptions.has(key)) Reflect.deleteProperty(value, key);
    else removeMarkup(Reflect.get(value, key));
  }
}
