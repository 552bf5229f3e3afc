// The designer end to end: a real engine with demo data (engine/test/harness), the built designer
// it serves at /designer/, a real Chromium. A consultant draws a 4-state approval with a 5-field
// form and a guard, simulates it, publishes it; the workflow is bound to an estate and started.
// Every built-in workflow opens lint-clean.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../engine/test/harness/browser';
import { readDemoLogins, type DemoLogins } from '../../engine/test/harness/demo-logins';
import { REPOSITORY_ROOT, startEngine, type EngineProcess } from '../../engine/test/harness/engine-process';
import { HttpClient } from '../../engine/test/harness/http-client';

type Staff = DemoLogins['companies'][number]['staff'][number];

let engine: EngineProcess | undefined;
let browser: Browser | undefined;
let logins: DemoLogins | undefined;
/** Console errors and uncaught exceptions from every page, CSP violations among them. */
const browserErrors: string[] = [];

function watchConsole(page: Page) {
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`));
}

function cspViolations(): string[] {
  return browserErrors.filter((text) => /Content Security Policy|unsafe-eval|EvalError/i.test(text));
}

function designer(): Staff {
  const staff = logins?.companies[0]?.staff.find((person) => person.role === 'consultant' || person.role === 'company_admin');
  if (!staff) throw new Error('no demo consultant or company admin');
  return staff;
}

async function signedInPage(locale: 'zh-CN' | 'en'): Promise<Page> {
  if (!engine || !browser) throw new Error('not started');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  await context.addInitScript((value) => localStorage.setItem('estateflow.designer.locale', value), locale);
  const page = await context.newPage();
  watchConsole(page);
  page.setDefaultTimeout(20_000);
  await page.goto(`${engine.url}/designer/`);
  await page.locator('input[autocomplete="username"]').fill(designer().email);
  await page.locator('input[autocomplete="current-password"]').fill(designer().password);
  await page.locator('button[type="submit"]').click();
  await page.waitForSelector('.shell-header');
  return page;
}

async function connect(page: Page, input: { from: string; to: string }) {
  // boundingBox() does not wait: under load the nodes may still be settling after the layout.
  const sourceHandle = page.locator(`.react-flow__node[data-id="${input.from}"] .react-flow__handle.source`);
  const targetHandle = page.locator(`.react-flow__node[data-id="${input.to}"] .react-flow__handle.target`);
  await sourceHandle.waitFor();
  await targetHandle.waitFor();
  const source = await sourceHandle.boundingBox();
  const target = await targetHandle.boundingBox();
  if (!source || !target) throw new Error(`cannot connect ${input.from} → ${input.to}`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function renameSelected(page: Page, key: string) {
  const field = page.locator('.inspector .ant-form-item').filter({ hasText: 'State key' }).locator('input');
  await field.fill(key);
  await field.press('Enter');
  try {
    await page.waitForSelector(`.react-flow__node[data-id="${key}"]`);
  } catch (error) {
    await screenshot(page, `designer-rename-${key}-failed`);
    throw error;
  }
}

describe('designing a workflow in the designer', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPOSITORY_ROOT, 'designer', 'dist', 'index.html')))
      throw new Error('designer/dist is missing: run "npm run build" first.');
    engine = await startEngine();
    browser = await launchBrowser();
    logins = readDemoLogins(engine.dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('signs in in Chinese by default', async () => {
    if (!engine || !browser) throw new Error('not started');
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    watchConsole(page);
    await page.goto(`${engine.url}/designer/`);
    await expect.poll(() => page.locator('h3').textContent()).toContain('登录流程设计器');
    await screenshot(page, 'designer-sign-in');
  });

  it('draws, simulates and publishes a 4-state approval, then it is bound and started', async () => {
    if (!engine) throw new Error('not started');
    const page = await signedInPage('en');
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.locator('.ant-modal input#key').fill('e2e_approval');
    await page.locator('.ant-modal input#name').fill('装修审批（测试）');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.waitForSelector('.react-flow__node[data-id="submitted"]');

    // Two more states (the blank has submitted → closed): review and approved.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.locator('[data-command="addState"]').click();
    await renameSelected(page, 'review');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.locator('[data-command="addState"]').click();
    await renameSelected(page, 'approved');
    await page.locator('[data-command="autoLayout"]').click();
    await page.waitForTimeout(800);

    await connect(page, { from: 'submitted', to: 'review' });
    await connect(page, { from: 'review', to: 'approved' });
    await connect(page, { from: 'approved', to: 'closed' });
    await expect.poll(() => page.locator('.edge-label').count()).toBeGreaterThanOrEqual(4);

    // A guard on review → approved: amounts up to ¥5,000.
    await page.locator('.edge-label[data-transition-id="review#on.NEXT.0"]').click();
    await page.getByText('Expression', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Expression' }).fill('data.amount <= 500000');
    await expect.poll(() => page.locator('.edge-label[data-transition-id="review#on.NEXT.0"]').textContent()).toContain('guard');

    // The start form: five fields from the palette, the phone required.
    await page.getByRole('tab', { name: 'Forms' }).click();
    for (const kind of ['text', 'phone', 'money', 'date', 'photos']) await page.locator(`[data-field-kind="${kind}"]`).click();
    await expect.poll(() => page.locator('.field-row').count()).toBe(5);
    await page.locator('[data-field-key="phone"]').click();
    await page.locator('.field-settings .ant-switch').first().click();
    // A phone field is personal data: the builder says so, and the engine will keep it encrypted.
    await expect.poll(() => page.locator('[data-field-key="phone"]').textContent()).toContain('Personal data · encrypted');
    await screenshot(page, 'designer-form-builder');

    // Simulate: start with the form, approve, reach the end.
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.locator('.simulator-side input').nth(1).fill('13800138000');
    await page.locator('.simulator-side button[type="submit"]').click();
    await page.waitForSelector('[data-event="NEXT"]');
    // Generated paths run in the browser under the engine's CSP (forms validated without generated code).
    await page.getByRole('button', { name: 'Generate paths' }).click();
    await page.getByRole('button', { name: 'Run' }).first().click();
    await expect.poll(() => page.locator('.ant-tag-green').count()).toBeGreaterThan(0);
    await screenshot(page, 'designer-simulator');

    // Publish once the draft is saved.
    await expect.poll(() => page.locator('.editor-header').textContent(), { timeout: 10_000 }).toContain('Draft saved');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('Change note').fill('First version');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Published v1');

    // Bind it to the first estate and start an instance through the API.
    const client = new HttpClient(engine.url);
    await client.request('POST', '/api/auth/login', { body: { email: designer().email, password: designer().password } });
    const list = await client.request('GET', '/api/definitions?q=e2e_approval');
    const created = list.body.find((row: { key: string }) => row.key === 'e2e_approval');
    const estateId = logins?.companies[0]?.estates[0]?.id;
    const bound = await client.request('PUT', `/api/estates/${estateId}/bindings/e2e_approval`, {
      body: { definitionId: created.id, version: 1, parameters: {} },
    });
    expect(bound.status).toBe(200);
    const instance = await client.request('POST', `/api/estates/${estateId}/instances`, {
      body: { workflowKey: 'e2e_approval', data: { phone: '13800138000', amount: 100000 } },
    });
    expect(instance.status).toBe(201);
    expect(instance.body.state).toBe('submitted');
    expect(instance.body.data.phone).toBe('138****8000');
  });

  it('opens every built-in workflow lint-clean', async () => {
    if (!engine) throw new Error('not started');
    const page = await signedInPage('en');
    const client = new HttpClient(engine.url);
    await client.request('POST', '/api/auth/login', { body: { email: designer().email, password: designer().password } });
    const list = await client.request('GET', '/api/definitions');
    const builtIns = list.body.filter((row: { key: string }) =>
      ['repair', 'inspection', 'complaint', 'move-in', 'renovation'].includes(row.key),
    );
    expect(builtIns.length).toBeGreaterThanOrEqual(5);
    const revision = async (id: string): Promise<number> => (await client.request('GET', `/api/definitions/${id}`)).body.draftRevision;
    for (const row of builtIns) {
      const before = await revision(row.id);
      await page.goto(`${engine.url}/designer/workflows/${row.id}`);
      await page.waitForSelector('.lint-panel');
      await expect.poll(() => page.locator('.lint-header').textContent(), { timeout: 15_000 }).toMatch(/No problems|0 errors/);
      await screenshot(page, `designer-builtin-${row.key}`);
      // Laid out on open (built-ins carry no positions), yet opening is not editing: no draft was saved.
      await page.waitForTimeout(1_500);
      expect(await revision(row.id), row.key).toBe(before);
    }
  });

  it("shows the repair dispatch task's respond SLA by urgency: three cases", async () => {
    if (!engine) throw new Error('not started');
    const page = await signedInPage('en');
    const client = new HttpClient(engine.url);
    await client.request('POST', '/api/auth/login', { body: { email: designer().email, password: designer().password } });
    const repair = (await client.request('GET', '/api/definitions')).body.find((row: { key: string }) => row.key === 'repair');
    await page.goto(`${engine.url}/designer/workflows/${repair.id}`);
    // The compound state's header, not one of its children.
    await page.locator('.react-flow__node[data-id="submitted"]').click({ position: { x: 24, y: 12 } });
    const respond = page.getByTestId('sla-cases-Respond within');
    await expect.poll(() => respond.locator('.sla-case').count()).toBe(3);
    expect(await respond.locator('.sla-case input').first().inputValue()).toBe("data.urgency == 'normal'");
    await screenshot(page, 'designer-repair-sla-by-case');
  });

  it('exports what an estate runs as a template pack and imports it back through the pack API', async () => {
    if (!engine) throw new Error('not started');
    const page = await signedInPage('en');
    const row = page.locator('tr').filter({ has: page.locator('code', { hasText: /^repair$/ }) });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Export pack' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.tgz$/);
    const archive = path.join(REPOSITORY_ROOT, 'test-output', download.suggestedFilename());
    await download.saveAs(archive);

    // The same pack version again changes nothing, and says so.
    await page.getByTestId('pack-import-input').setInputFiles(archive);
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('unchanged');
    await screenshot(page, 'designer-pack-reimported');

    // A file that is not a pack is refused, with nothing imported.
    const notAPack = path.join(REPOSITORY_ROOT, 'test-output', 'not-a-pack.tgz');
    fs.writeFileSync(notAPack, 'not a gzip archive');
    await page.getByTestId('pack-import-input').setInputFiles(notAPack);
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toContain('nothing was imported');
  });

  it("runs under the engine's Content-Security-Policy without violations", () => {
    if (browserErrors.length > 0) console.log(`browser console errors:\n${browserErrors.join('\n')}`);
    expect(cspViolations()).toEqual([]);
  });
});
