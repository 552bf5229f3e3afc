import { isRecord } from '../util/isRecord';

/**
 * A notification template's preview with sample values: `{{a.b}}` placeholders are replaced
 * from the sample (missing ones stay visible as «a.b»). Helpers and blocks are shown as written;
 * the engine renders the real thing with Handlebars.
 */
export function renderTemplatePreview(template: string, sample: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (_, path: string) => {
    let value: unknown = sample;
    for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
    return value === undefined || value === null ? `«${path}»` : String(value);
  });
}
