// Notices (公告) in a real browser: the front desk posts a lift outage to one building from one
// floor up, sees how many residents it reaches before sending, and sends it in-app and by SMS; an
// owner living up there reads it in the portal on a phone, an owner lower down does not. A notice
// scheduled for the next morning waits for its time, is put an hour later and withdrawn unsent;
// the lift outage, withdrawn once sent, leaves the owner's messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../engine/test/harness/http-client';
import { latestCode, newPage, ownerSignIn, screenshot, staffSignIn, staffWithRole, startWorld, stopWorld, type World } from './support';

type Home = { phone: string; estateId: string; label: string; building: string; floor: number };

/** Where each demo owner lives: a unit label is written like 3栋2单元1201 (room 1201 is on floor 12). */
async function homes(world: World): Promise<Home[]> {
  const found: Home[] = [];
  for (const person of world.logins.companies[0]?.owners ?? []) {
    const client = new HttpClient(world.engine.url);
    expect((await client.post('/api/auth/owner/code', { phone: person.phone })).status).toBe(200);
    expect((await client.post('/api/auth/owner/login', { phone: person.phone, code: await latestCode(world, person.phone) })).status).toBe(
      200,
    );
    const units: { label: string; estateId: string; kind: string }[] = (await client.get('/api/me')).body.units;
    for (const unit of units) {
      const match = /^(.+栋).*?(\d+)$/.exec(unit.label);
      if (match?.[1] && match[2])
        found.push({
          phone: person.phone,
          estateId: unit.estateId,
          label: unit.label,
          building: match[1],
          floor: Math.floor(Number(match[2]) / 100),
        });
    }
  }
  return found;
}

/** The front desk on the notices page of the estate, on a desktop. */
async function deskOnNotices(w: World, estateId: string) {
  const desk = await newPage(w, 'desktop');
  await desk.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
  await staffSignIn(w, desk.page, staffWithRole(w, 'front_desk'));
  await desk.page.getByRole('link', { name: '公告' }).click();
  const form = desk.page.getByTestId('notice-form');
  await form.waitFor();
  return { desk, form };
}

describe('notices to residents', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => stopWorld(world));

  it('the desk posts a lift outage to the floors it serves; a resident up there reads it on a phone, one lower down does not', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    const everyone = (await homes(w)).filter((home) => home.estateId === estateId).sort((a, b) => b.floor - a.floor);
    // The highest home gets the notice; one lower down in the same building does not.
    const there = everyone[0];
    const elsewhere = everyone.find((home) => home.building === there?.building && home.floor < (there?.floor ?? 0));
    if (!there || !elsewhere) throw new Error(`the demo needs owners on two floors of one building: ${JSON.stringify(everyone)}`);

    const { desk, form } = await deskOnNotices(w, estateId);
    // The whole estate first: the page says how many residents that is.
    await expect.poll(() => desk.page.getByTestId('notice-reach').textContent()).toMatch(/将发送给 \d+ 位住户/);
    const wholeEstate = Number(/(\d+)/.exec((await desk.page.getByTestId('notice-reach').textContent()) ?? '')?.[1]);

    const title = `${there.building}电梯停运检修`;
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('内容').fill('明日 9:00–12:00 检修停运，\n请走 1 号电梯，给您带来不便敬请谅解。');
    await form.getByText('指定楼栋与楼层').click();
    await desk.page.getByTestId('notice-buildings').click();
    await desk.page.locator('.ant-select-item-option', { hasText: there.building }).click();
    await desk.page.keyboard.press('Escape');
    await form.getByLabel('从几层').fill(String(there.floor));
    await form.getByText('短信').click();
    await expect
      .poll(async () => Number(/(\d+)/.exec((await desk.page.getByTestId('notice-reach').textContent()) ?? '')?.[1] ?? -1))
      .toBeLessThan(wholeEstate);
    const reach = Number(/(\d+)/.exec((await desk.page.getByTestId('notice-reach').textContent()) ?? '')?.[1]);
    expect(reach).toBeGreaterThan(0);
    await screenshot(desk.page, 'runtime-web-notice-compose');

    await form.getByRole('button', { name: /发\s*布/ }).click();
    await desk.page.locator('.ant-modal-confirm-title', { hasText: `发送给 ${reach} 位住户？` }).waitFor();
    await desk.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await desk.page.getByText(`已发布，正在发送给 ${reach} 位住户`).waitFor();
    const sent = desk.page.getByTestId('notice-list');
    await sent.getByText(title).waitFor();
    expect(await sent.textContent()).toContain(`${reach} 位住户`);
    await desk.context.close();

    // The resident on those floors reads it in the portal, on a phone, as the desk wrote it.
    const home = await newPage(w, 'phone');
    await ownerSignIn(w, home.page, there.phone);
    await home.page.goto(`${w.engine.url}/portal/messages`);
    const message = home.page.locator('.ef-message', { hasText: title });
    await message.waitFor();
    expect(await message.textContent()).toContain('请走 1 号电梯');
    await screenshot(home.page, 'runtime-web-portal-notice');
    await home.context.close();

    const other = await newPage(w, 'phone');
    await ownerSignIn(w, other.page, elsewhere.phone);
    await other.page.goto(`${w.engine.url}/portal/messages`);
    await other.page.getByRole('heading').first().waitFor();
    await other.page.waitForLoadState('networkidle');
    expect(await other.page.locator('.ef-message', { hasText: title }).count()).toBe(0);
    await other.context.close();
    expect(w.problems).toEqual([]);
  });

  it('the desk schedules a notice for tomorrow morning, changes it, and withdraws it unsent; a sent one withdrawn leaves the owner’s messages', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    const { desk, form } = await deskOnNotices(w, estateId);

    const tomorrow = new Date(Date.now() + 86_400_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    const at = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())} 08:00`;
    await form.getByLabel('标题').fill('明日停水通知');
    await form.getByLabel('内容').fill('明日 10:00–14:00 二次供水水箱清洗，全小区停水，请提前储水。');
    await form.getByText('定时发送').click();
    const picker = desk.page.getByTestId('notice-send-at');
    await picker.click();
    await picker.fill(at);
    await picker.press('Enter');
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => picker.inputValue()).toBe(at);
    await expect.poll(() => desk.page.getByTestId('notice-reach').textContent()).toMatch(/将发送给 \d+ 位住户/);
    await form.getByRole('button', { name: /发\s*布/ }).click();
    await desk.page.locator('.ant-modal-confirm-title', { hasText: `在 ${at} 发送给` }).waitFor();
    await desk.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await desk.page.getByText(new RegExp(`已定时，将在 ${at} 发送给`)).waitFor();
    const list = desk.page.getByTestId('notice-list');
    const water = list.locator('.ant-list-item', { hasText: '明日停水通知' });
    await expect.poll(() => water.getByTestId('notice-status').textContent()).toBe(`定时 ${at}`);
    await screenshot(desk.page, 'runtime-web-notice-scheduled');

    // Changed before its time: an hour later, with the time in the title.
    await water.getByTestId('notice-edit').click();
    await desk.page.getByText('修改定时公告').waitFor();
    expect(await form.getByLabel('标题').inputValue()).toBe('明日停水通知');
    const later = at.replace(' 08:00', ' 09:00');
    await form.getByLabel('标题').fill('明日停水通知（9 点起）');
    await picker.click();
    await picker.fill(later);
    await picker.press('Enter');
    await desk.page.keyboard.press('Escape');
    await expect.poll(() => picker.inputValue()).toBe(later);
    await form.getByRole('button', { name: '保存修改' }).click();
    await desk.page.locator('.ant-modal-confirm-title', { hasText: `保存修改，在 ${later} 发送给` }).waitFor();
    await desk.page.locator('.ant-modal-confirm').getByRole('button', { name: '保存修改' }).click();
    await desk.page.getByText(new RegExp(`已定时，将在 ${later} 发送给`)).waitFor();
    await expect.poll(() => water.getByTestId('notice-status').textContent()).toBe(`定时 ${later}`);
    expect(await water.textContent()).toContain('明日停水通知（9 点起）');
    expect(await desk.page.getByText('发布公告').count()).toBe(1);

    // Withdrawn before its time: it will not be sent.
    await water.getByTestId('notice-withdraw').click();
    await desk.page.getByText('撤回这条定时公告？它将不会发送。').waitFor();
    await desk.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await desk.page.getByText('已撤回，0 条站内消息已删除').waitFor();
    await expect.poll(() => water.getByTestId('notice-status').textContent()).toBe('已撤回');
    expect(await water.getByTestId('notice-withdraw').count()).toBe(0);

    // The lift outage the first test sent: withdrawn, it leaves the resident's messages.
    const lift = list.locator('.ant-list-item', { hasText: '电梯停运检修' });
    await expect.poll(() => lift.getByTestId('notice-status').textContent()).toBe('已发送');
    const title = (await lift.locator('.ant-list-item-meta-title span').first().textContent()) ?? '';
    await lift.getByTestId('notice-withdraw').click();
    await desk.page.getByText('已发出的短信、微信无法撤回').waitFor();
    await desk.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await desk.page.getByText(/已撤回，[1-9]\d* 条站内消息已删除/).waitFor();
    await screenshot(desk.page, 'runtime-web-notice-withdrawn');
    await desk.context.close();

    const everyone = (await homes(w)).filter((home) => home.estateId === estateId).sort((a, b) => b.floor - a.floor);
    const home = await newPage(w, 'phone');
    await ownerSignIn(w, home.page, everyone[0]?.phone ?? '');
    await home.page.goto(`${w.engine.url}/portal/messages`);
    await home.page.getByRole('heading').first().waitFor();
    await home.page.waitForLoadState('networkidle');
    expect(title).toContain('电梯停运检修');
    expect(await home.page.locator('.ef-message', { hasText: title }).count()).toBe(0);
    await home.context.close();
    expect(w.problems).toEqual([]);
  });
});
