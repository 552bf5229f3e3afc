// The supervisor's side of a work order in real browsers: handing a task to another technician
// moves it between their inboxes live; the work-order page names what was filled in with the
// form's titles and option labels; a field the engine refuses (422) is marked on that field; and
// an action someone else made impossible first (409) says so, refreshes, and keeps what was typed.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../engine/test/harness/http-client';
import { entry, newPage, pickOption, screenshot, staffSignIn, startWorld, stopWorld, type StaffLogin, type World } from './support';

function staffByEmail(world: World, prefix: string): StaffLogin {
  const found = world.logins.companies[0]?.staff.find((person) => person.email.startsWith(`${prefix}@`));
  if (!found) throw new Error(`no demo staff ${prefix}@`);
  return found;
}

async function api(world: World, staff: StaffLogin): Promise<HttpClient> {
  const client = new HttpClient(world.engine.url);
  const signedIn = await client.post('/api/auth/login', { email: staff.email, password: staff.password });
  expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
  return client;
}

async function inboxHas(page: Page, reference: string): Promise<number> {
  return page.getByRole('link', { name: reference }).count();
}

describe('a supervisor reassigns, meets a refused field and a request someone else moved first', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => stopWorld(world));

  it('moves the task between inboxes, labels the data, marks the 422 field, and survives a 409 with the text kept', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    const deskLogin = staffByEmail(w, 'frontdesk');
    const [tech1, tech2, supervisor] = [staffByEmail(w, 'tech1'), staffByEmail(w, 'tech2'), staffByEmail(w, 'supervisor')];

    // The front desk files a repair for a public area and dispatches it to 张师傅 (through the API: not what is under test).
    const desk = await api(w, deskLogin);
    // The built-in packs are bound by a demo seed step that may still be running when the engine answers.
    await expect
      .poll(
        async () => ((await desk.get(`/api/estates/${estateId}/workflows`)).body ?? []).map((workflow: { key: string }) => workflow.key),
        { timeout: 30_000 },
      )
      .toContain('repair');
    const started = await desk.post(`/api/estates/${estateId}/instances`, {
      workflowKey: 'repair',
      data: {
        locationType: 'public',
        publicArea: '3栋大堂',
        category: 'plumbing_electric',
        description: '大堂吊灯不亮',
        urgency: 'normal',
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { id: instanceId, reference } = started.body;
    const tech1Id = (await (await api(w, tech1)).get('/api/me')).body.id;
    const dispatched = await desk.post(`/api/instances/${instanceId}/events`, {
      type: 'DISPATCH',
      data: { technicianId: tech1Id },
      expectedVersion: started.body.version,
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);

    const sides = await Promise.all([newPage(w, 'desktop'), newPage(w, 'desktop'), newPage(w, 'desktop')]);
    for (const side of sides) await side.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
    const [first, second, boss] = sides;
    if (!first || !second || !boss) throw new Error('pages not opened');
    await staffSignIn(w, first.page, tech1);
    await staffSignIn(w, second.page, tech2);
    await staffSignIn(w, boss.page, supervisor);

    // 张师傅 has it in his inbox, labelled with its state; 刘师傅 does not.
    await first.page.getByRole('link', { name: reference }).waitFor();
    const row = first.page.locator('tr', { has: first.page.getByRole('link', { name: reference }) });
    expect(await row.textContent()).toContain('已派单');
    expect(await inboxHas(second.page, reference)).toBe(0);

    // The supervisor opens it: what was filled in reads as the form's words, not keys and codes.
    await boss.page.goto(entry(w, 'app', `instances/${instanceId}`));
    const data = boss.page.getByTestId('instance-data');
    await data.waitFor();
    const shown = (await data.textContent()) ?? '';
    expect(shown).toContain('报修类别');
    expect(shown).toContain('水电');
    expect(shown).toContain('普通');
    expect(shown).not.toContain('plumbing_electric');
    expect(shown).not.toContain('urgency');

    // 1. The supervisor hands the task to 刘师傅: it leaves 张师傅's inbox and arrives in 刘师傅's, live.
    await boss.page
      .getByRole('button', { name: /转\s*派/ })
      .first()
      .click();
    await boss.page.locator('.ant-select-focused, .ant-select').last().click();
    await boss.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '刘师傅' })
      .first()
      .click();
    await second.page.getByRole('link', { name: reference }).waitFor({ timeout: 15_000 });
    await expect.poll(() => inboxHas(first.page, reference), { timeout: 15_000 }).toBe(0);
    await screenshot(second.page, 'runtime-web-reassigned-inbox');

    // 2. A field the engine refuses is marked on that field. The form's own validator would stop a
    // too-short reason before sending, so the request is altered in flight to reach the engine's check.
    await boss.page.getByTestId('action-REASSIGN').click();
    const dialog = boss.page.locator('.ant-modal');
    await dialog.waitFor();
    await pickOption(boss.page, 'root_technicianId', '杨师傅');
    await boss.page.locator('#root_reason').fill('张师傅临时请假，改派杨师傅');
    const tooShort = async (route: Route) => {
      const body: unknown = JSON.parse(route.request().postData() ?? '{}');
      const sent = typeof body === 'object' && body !== null ? body : {};
      const formData: unknown = Reflect.get(sent, 'data');
      await route.continue({
        postData: JSON.stringify({
          ...sent,
          data: { ...(typeof formData === 'object' && formData !== null ? formData : {}), reason: '假' },
        }),
      });
    };
    await boss.page.route('**/api/instances/*/events', tooShort);
    const refused = boss.page.waitForResponse((response) => response.url().includes('/events') && response.request().method() === 'POST');
    await dialog.getByTestId('form-submit').click();
    expect((await refused).status()).toBe(422);
    const reasonItem = dialog.locator('.ant-form-item', { has: boss.page.locator('#root_reason') }).last();
    await reasonItem.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await reasonItem.locator('.ant-form-item-explain-error').first().textContent()).toContain('至少 2 个字符');
    await dialog.getByText('请修改标红的内容后再提交').waitFor();
    await screenshot(boss.page, 'runtime-web-422-on-field');
    await boss.page.unroute('**/api/instances/*/events', tooShort);

    // 3. Meanwhile the front desk cancels the request; sending now is a 409: the dialog says so,
    // the page shows the new state, and the reason typed is still there.
    const current = await desk.get(`/api/instances/${instanceId}`);
    const cancelled = await desk.post(`/api/instances/${instanceId}/events`, {
      type: 'CANCEL',
      data: {},
      expectedVersion: current.body.version,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const conflicted = boss.page.waitForResponse(
      (response) => response.url().includes('/events') && response.request().method() === 'POST',
    );
    await dialog.getByTestId('form-submit').click();
    expect((await conflicted).status()).toBe(409);
    await dialog.getByTestId('conflict-alert').waitFor();
    expect(await dialog.getByTestId('conflict-alert').textContent()).toContain('该工单刚被其他人处理过');
    await expect.poll(() => boss.page.getByTestId('instance-state').textContent(), { timeout: 15_000 }).toContain('已撤销');
    expect(await boss.page.locator('#root_reason').inputValue()).toBe('张师傅临时请假，改派杨师傅');
    await screenshot(boss.page, 'runtime-web-409-kept');

    for (const side of sides) await side.context.close();
  });
});
