import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, newPage, owner, ownerSignIn, screenshot, staffSignIn, startWorld, stopWorld, type World } from './support';

describe('signing in to the staff app and the owner portal', () => {
  let world: World | undefined;
  const started = () => {
    if (!world) throw new Error('world not started');
    return world;
  };

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => stopWorld(world));

  it('a front-desk member signs in to /app/ and sees the shell with their estate', async () => {
    const w = started();
    const staff = w.logins.companies[0]?.staff.find((person) => person.role === 'front_desk') ?? w.logins.companies[0]?.staff[0];
    if (!staff) throw new Error('no demo staff');
    const { context, page } = await newPage(w, 'desktop');
    try {
      await page.goto(entry(w, 'app'));
      await page.locator('input[autocomplete="current-password"]').fill('definitely-wrong');
      await page.locator('input[autocomplete="username"]').fill(staff.email);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('邮箱或密码不正确');

      await staffSignIn(w, page, staff);
      await expect.poll(() => page.locator('.ant-menu').textContent()).toContain('待办');
      const estateNames =
        w.logins.companies[0]?.estates.filter((estate) => staff.estateIds.includes(estate.id)).map((estate) => estate.name) ?? [];
      const switcher = (await page.getByTestId('estate-switcher').textContent()) ?? '';
      expect(estateNames.some((name) => switcher.includes(name))).toBe(true);
      await screenshot(page, 'runtime-web-staff-shell');

      // a reload keeps the session (httpOnly cookie) and client-side routes survive it
      await page.goto(entry(w, 'app', 'notifications'));
      await page.getByTestId('user-menu').waitFor();
      expect(await page.locator('h4').first().textContent()).toContain('消息通知');

      await page.getByTestId('user-menu').hover();
      await page.getByText('退出登录').click();
      await page.locator('input[autocomplete="username"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an owner signs in to /portal/ with phone and code and sees their units', async () => {
    const w = started();
    const person = owner(w);
    const { context, page } = await newPage(w, 'phone');
    try {
      await ownerSignIn(w, page, person.phone);
      const unitText = (await page.getByTestId('current-unit').textContent()) ?? '';
      expect(unitText).toContain(person.name);
      // the units the engine says are theirs (GET /api/me, as the page itself sees it)
      const labels: string[] = await page.evaluate(async () => {
        const me: { units: { id: string; label: string }[] } = await (await fetch('/api/me')).json();
        return me.units.map((unit) => unit.label);
      });
      expect(labels.length).toBe(person.units.length);
      const home = (await page.locator('main').textContent()) ?? '';
      for (const label of labels) expect(home).toContain(label);
      await screenshot(page, 'runtime-web-portal-home');

      // large type is remembered on the phone
      await page.getByTestId('large-type').click();
      await page.goto(entry(w, 'portal'));
      await page.getByTestId('current-unit').waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains('ef-large'))).toBe(true);
      await screenshot(page, 'runtime-web-portal-home-large');
    } finally {
      await context.close();
    }
  });
});
