import { apiErrorFromResponse } from '@estateflow/runtime-web/api';

/** What `POST /api/packs/import` answers (docs/api.md, Template packs). */
export interface PackImportReport {
  pack: { name: string; version: string };
  workflows: { key: string; definitionId: string; version: number; status: 'created' | 'imported' | 'unchanged' }[];
}

/** Imports a pack archive through the pack API: all or nothing; refusals carry file, path and reason. */
export async function importPack(archive: Blob): Promise<PackImportReport> {
  const response = await fetch('/api/packs/import', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/gzip' },
    body: archive,
  });
  const bodyText = await response.text();
  if (!response.ok) throw apiErrorFromResponse({ status: response.status, bodyText, retryAfter: response.headers.get('retry-after') });
  const report: PackImportReport = JSON.parse(bodyText);
  return report;
}

/** The pack of what an estate runs for a workflow, as the archive and its file name. */
export async function exportPack(input: { workflowKey: string; estateId: string }): Promise<{ archive: Blob; fileName: string }> {
  const query = new URLSearchParams({ workflowKey: input.workflowKey, estateId: input.estateId });
  const response = await fetch(`/api/packs/export?${query.toString()}`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw apiErrorFromResponse({
      status: response.status,
      bodyText: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${input.workflowKey}.tgz`;
  return { archive: await response.blob(), fileName };
}
