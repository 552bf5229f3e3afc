import path from 'node:path';
import type { WorkflowDefinition } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { assembleWorkflow } from '../packs/format/assemble-workflow';
import { readPackFolder } from '../packs/format/read-pack-folder';
import { templatesDir } from '../packs/format/templates-dir';
import { categoryLabels, ratingFieldNames } from './report-fields';

/** A built-in pack's workflow as one definition document. */
function builtIn(key: string): WorkflowDefinition {
  const { workflow } = assembleWorkflow({ files: readPackFolder(path.join(templatesDir(), key)), key });
  if (!workflow) throw new Error(`no workflow ${key}`);
  // The packs are validated by their own tests; here only forms and startForm are read.
  return workflow.document as unknown as WorkflowDefinition;
}

describe('what a report reads from a definition', () => {
  it("finds the satisfaction score of the built-in packs: the repair's rating, the complaint's return visit", () => {
    expect(ratingFieldNames(builtIn('repair'))).toEqual(['rating']);
    expect(ratingFieldNames(builtIn('complaint'))).toEqual(['satisfaction']);
    expect(ratingFieldNames(builtIn('inspection'))).toEqual([]);
  });

  it("labels the repair's categories in both languages", () => {
    const labels = categoryLabels(builtIn('repair'));
    expect(labels.get('plumbing_electric')).toEqual({ 'zh-CN': '水电', en: expect.any(String) });
    expect([...labels.keys()]).toContain('lift');
    expect(categoryLabels(builtIn('inspection')).size).toBe(0);
  });
});
