import type { UpgradePlan, UpgradeRequest } from '../packs/estate-upgrade.service';
import type { PackFiles } from '../packs/format/pack-files';
import type { ExportedPack, PackImportReport } from '../packs/packs.service';
import { CliFailure, formatProblems } from './pack-local';

// Type-only imports of the engine's services: talking HTTP must not load the whole engine.

/** What the pack commands ask of an engine, over HTTP with an API token or on the database directly. */
export interface PackEngine {
  importPack(input: {
    files: PackFiles;
    archive: Buffer;
    companyCode: string;
    estateCodes: string[];
    progress: (message: string) => void;
  }): Promise<PackImportReport>;
  exportPack(input: { estateCode: string; workflowKey: string }): Promise<ExportedPack>;
  upgrade(input: { estateCode: string; request: UpgradeRequest; apply: boolean }): Promise<UpgradePlan>;
}

/** The running engine's REST API (docs/api.md "Packs"), authenticated by an API token. */
export class HttpPackEngine implements PackEngine {
  private me: Me | null = null;

  constructor(private readonly options: { url: string; token: string; companyCode?: string }) {}

  async importPack(input: {
    archive: Buffer;
    companyCode: string;
    estateCodes: string[];
    progress: (message: string) => void;
  }): Promise<PackImportReport> {
    await this.checkCompany(input.companyCode);
    const query = new URLSearchParams({ companyCode: input.companyCode });
    if (input.estateCodes[0] !== undefined) query.set('estateCode', input.estateCodes[0]);
    input.progress(`uploading ${Math.ceil(input.archive.length / 1024)} KB to ${this.options.url}`);
    const report = await this.json('POST', `/api/packs/import?${query.toString()}`, isImportReport, {
      body: input.archive,
      contentType: 'application/gzip',
    });
    for (const estateCode of input.estateCodes.slice(1)) {
      input.progress(`binding estate ${estateCode}`);
      const more = await this.json(
        'POST',
        `/api/packs/import?${new URLSearchParams({ companyCode: input.companyCode, estateCode }).toString()}`,
        isImportReport,
        { body: input.archive, contentType: 'application/gzip' },
      );
      report.bindings.push(...more.bindings);
    }
    return report;
  }

  async exportPack(input: { estateCode: string; workflowKey: string }): Promise<ExportedPack> {
    const response = await this.fetch(
      'GET',
      `/api/packs/export?${new URLSearchParams({ workflowKey: input.workflowKey, estateCode: input.estateCode }).toString()}`,
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${input.workflowKey}.tgz`;
    return { fileName, archive: Buffer.from(await response.arrayBuffer()) };
  }

  async upgrade(input: { estateCode: string; request: UpgradeRequest; apply: boolean }): Promise<UpgradePlan> {
    const estate = (await this.whoAmI()).estates.find((candidate) => candidate.code === input.estateCode);
    if (estate === undefined) throw new CliFailure(`estate "${input.estateCode}" not found in the token's company`);
    return this.json('POST', `/api/estates/${estate.id}/upgrade/${input.apply ? 'apply' : 'preview'}`, isUpgradePlan, {
      body: Buffer.from(JSON.stringify(input.request)),
      contentType: 'application/json',
    });
  }

  /** The code of the company the token belongs to. */
  async companyCode(): Promise<string> {
    return (await this.whoAmI()).company.code;
  }

  private async checkCompany(companyCode: string): Promise<void> {
    const me = await this.whoAmI();
    if (me.company.code !== companyCode) throw new CliFailure(`the token belongs to company "${me.company.code}", not "${companyCode}"`);
  }

  private async whoAmI(): Promise<Me> {
    this.me ??= await this.json('GET', '/api/me', isMe);
    return this.me;
  }

  private async json<T>(
    method: string,
    path: string,
    check: (value: unknown) => value is T,
    body?: { body: Buffer; contentType: string },
  ): Promise<T> {
    const response = await this.fetch(method, path, body);
    const parsed: unknown = await response.json();
    if (!check(parsed))
      throw new CliFailure(`${path}: the engine answered something this CLI does not understand (is it the same version?)`);
    return parsed;
  }

  private async fetch(method: string, path: string, body?: { body: Buffer; contentType: string }): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.options.url.replace(/\/$/, '')}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { 'content-type': body.contentType }) },
        ...(body === undefined ? {} : { body: body.body }),
      });
    } catch (error: unknown) {
      throw new CliFailure(
        `cannot reach ${this.options.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    }
    if (response.ok) return response;
    const text = await response.text();
    let message = `${response.status} ${response.statusText}`;
    try {
      const parsed: unknown = JSON.parse(text);
      message = describeError(parsed) ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new CliFailure(message);
  }
}

interface Me {
  company: { code: string };
  estates: { id: string; code: string }[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The engine and this CLI ship together; these checks catch talking to something else.
function isMe(value: unknown): value is Me {
  return isObject(value) && isObject(value['company']) && typeof value['company']['code'] === 'string' && Array.isArray(value['estates']);
}

function isImportReport(value: unknown): value is PackImportReport {
  return isObject(value) && isObject(value['pack']) && Array.isArray(value['workflows']) && Array.isArray(value['bindings']);
}

function isUpgradePlan(value: unknown): value is UpgradePlan {
  return (
    isObject(value) && isObject(value['parameters']) && isObject(value['instances']) && isObject(value['from']) && isObject(value['to'])
  );
}

function describeError(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error) || typeof error.message !== 'string') return null;
  const details: unknown = 'details' in error ? error.details : undefined;
  const problems =
    typeof details === 'object' && details !== null && 'problems' in details && Array.isArray(details.problems) ? details.problems : [];
  const lines = problems.flatMap((problem: unknown) =>
    typeof problem === 'object' && problem !== null && 'file' in problem && 'reason' in problem
      ? [{ file: String(problem.file), path: 'path' in problem ? String(problem.path) : '', reason: String(problem.reason) }]
      : [],
  );
  return lines.length === 0 ? error.message : `${error.message}\n${formatProblems(lines)}`;
}
