// Schedules (定期计划) in a real browser: the estate manager switches on the weekly inspection the
// demo prepared, plans a fire-equipment round every Wednesday at 08:30 and removes it again; the
// engineering supervisor sees the plans without changing them; a technician has no such page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../engine/test/harness/http-client';
import { newPage, pickOption, screenshot, staffSignIn, staffWithRole, startWorld, stopWorld, type World } from './support';

type Schedule = { id: string; name: string; workflowKey: string; active: boolean; rule: { every: string; at: string; day?: number } };

describe('schedules', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => stopWorld(world));

  it('the manager switches on the inspection round, plans another for Wednesdays and removes it; the supervisor only reads', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    const managerLogin = staffWithRole(w, 'estate_manager');
    const api = new HttpClient(w.engine.url);
    expect((await api.post('/api/auth/login', { email: managerLogin.email, password: 'estateflow' })).status).toBe(200);
    const stored = async () => (await api.get(`/api/estates/${estateId}/schedules`)).body as Schedule[];
    const [prepared] = (await stored()).filter((schedule) => schedule.workflowKey === 'inspection');
    if (!prepared) throw new Error('the demo prepared no inspection schedule');
    expect(prepared.active).toBe(false);

    const manager = await newPage(w, 'desktop');
    await manager.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
    await staffSignIn(w, manager.page, managerLogin);
    await manager.page.getByRole('link', { name: '定期计划' }).click();
    const item = manager.page.getByTestId(`schedule-${prepared.id}`);
    await item.waitFor();
    expect(await item.getByTestId('schedule-when').textContent()).toMatch(/^每天 \d\d:\d\d$/);

    // Switched on: the engine will start it; the page says when next.
    await item.getByTestId('schedule-active').click();
    await manager.page.getByText(`「${prepared.name}」已启用`).waitFor();
    await expect.poll(async () => (await stored()).find((schedule) => schedule.id === prepared.id)?.active).toBe(true);
    // On the estate's clock: the rule's own time of day.
    await expect
      .poll(() => item.getByTestId('schedule-when').textContent())
      .toMatch(new RegExp(` · 下次 \\d{4}-\\d\\d-\\d\\d ${prepared.rule.at}$`));

    // A new plan: fire equipment, every Wednesday at 08:30. A repair cannot be planned (it needs a description).
    const form = manager.page.getByTestId('schedule-form');
    await manager.page.locator('#workflowKey').click();
    const options = manager.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allTextContents()).not.toContain('报修');
    await manager.page.keyboard.press('Escape');
    await pickOption(manager.page, 'workflowKey', /巡检/);
    await form.getByLabel('计划名称').fill('消防设施周检');
    await pickOption(manager.page, 'weekday', '周三');
    await form.getByTestId('schedule-at').fill('08:30');
    await form.getByRole('button', { name: '创建计划' }).click();
    await manager.page.getByText('已创建「消防设施周检」：每周三 08:30').waitFor();
    const created = (await stored()).find((schedule) => schedule.name === '消防设施周检');
    expect(created).toMatchObject({ workflowKey: 'inspection', active: true, rule: { every: 'week', at: '08:30', day: 3 } });
    const plan = manager.page.getByTestId(`schedule-${created?.id}`);
    await expect.poll(() => plan.getByTestId('schedule-when').textContent()).toMatch(/^每周三 08:30 · 下次 \d{4}-\d\d-\d\d 08:30$/);
    await screenshot(manager.page, 'runtime-web-schedules');

    // Removed.
    await plan.getByTestId('schedule-remove').click();
    await manager.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await manager.page.getByText('计划已删除').waitFor();
    await expect.poll(async () => (await stored()).some((schedule) => schedule.name === '消防设施周检')).toBe(false);
    await manager.context.close();

    // The supervisor sees the plans, cannot switch them, and has no form.
    const supervisor = await newPage(w, 'desktop');
    await supervisor.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
    await staffSignIn(w, supervisor.page, staffWithRole(w, 'engineering_supervisor'));
    await supervisor.page.getByRole('link', { name: '定期计划' }).click();
    const seen = supervisor.page.getByTestId(`schedule-${prepared.id}`);
    await seen.waitFor();
    expect(await seen.getByTestId('schedule-active').isDisabled()).toBe(true);
    expect(await supervisor.page.getByTestId('schedule-form').count()).toBe(0);
    expect(await seen.getByTestId('schedule-remove').count()).toBe(0);
    await supervisor.context.close();

    // A technician has no such page.
    const technician = await newPage(w, 'desktop');
    await staffSignIn(w, technician.page, staffWithRole(w, 'technician'));
    await technician.page.getByRole('link', { name: '待办' }).waitFor();
    expect(await technician.page.getByRole('link', { name: '定期计划' }).count()).toBe(0);
    await technician.context.close();
  });
});
