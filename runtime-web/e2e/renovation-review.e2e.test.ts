// An owner's renovation application (装修审批) as the front desk reviews it: the contractor and
// each worker under their own labels, every phone and ID number masked, a phone shown in full on
// request (audited), an ID number refused to a role that may not see it, and the owner's own
// phone for the call back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, owner, ownerSignIn, revealInFull, screenshot, staffSignIn, startWorld, stopWorld, type World } from './support';

const SITE_MANAGER_PHONE = '13500135000';
const WORKER_ID_NUMBER = '440304198506121230';

describe('reviewing a renovation application', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => stopWorld(world));

  it('shows the contractor and the workers labelled, masked, and a phone in full on request', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const ownerLogin = owner(w, 0);
    const ownerSide = await newPage(w, 'phone');
    await ownerSignIn(w, ownerSide.page, ownerLogin.phone);
    const started = await ownerSide.page.evaluate(
      async (input) => {
        const me = await (await fetch('/api/me')).json();
        const unit = me.units.find((candidate: { kind: string }) => candidate.kind === 'owner') ?? me.units[0];
        const response = await fetch(`/api/estates/${unit.estateId}/instances`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            workflowKey: 'renovation',
            data: {
              unitId: unit.id,
              contractor: {
                name: '安居装饰工程有限公司',
                licenceNo: '91440300MA5DXXXX1K',
                siteManager: '刘强',
                siteManagerPhone: input.phone,
              },
              workers: [
                { name: '赵大勇', idNumber: input.idNumber, phone: '13400134000', trade: 'electrician' },
                { name: '钱小平', idNumber: '110101199003074477', trade: 'mason' },
              ],
              scope: ['flooring_painting'],
              drawings: ['客厅平面图'],
              period: '2026-12-01/2027-01-15',
              commitment: true,
            },
          }),
        });
        return { status: response.status, body: await response.json(), estateId: unit.estateId };
      },
      { phone: SITE_MANAGER_PHONE, idNumber: WORKER_ID_NUMBER },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);

    const desk = await newPage(w, 'desktop');
    await desk.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), started.estateId);
    const frontDesk = w.logins.companies[0]?.staff.find(
      (person) => person.role === 'front_desk' && person.estateIds.includes(started.estateId),
    );
    if (!frontDesk) throw new Error('no front desk for the estate');
    await staffSignIn(w, desk.page, frontDesk);
    await desk.page.goto(`${w.engine.url}/app/instances/${started.body.id}`);
    const details = desk.page.getByTestId('instance-data');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    for (const label of ['装修公司', '现场负责人', '负责人电话', '施工人员', '姓名', '身份证号'])
      expect(text, `the label ${label}`).toContain(label);
    // Chosen options by their names, not their stored values.
    expect(text).toContain('地面墙面');
    expect(text).not.toContain('flooring_painting');
    expect(text).toContain('135****5000');
    expect(text).toContain('440304********1230');
    expect(text).not.toContain(SITE_MANAGER_PHONE);
    expect(text).not.toContain(WORKER_ID_NUMBER);

    // The site manager's phone in full, for the front desk to call (audited with the reason).
    expect(await revealInFull(desk.page, '/contractor/siteManagerPhone', '联系施工负责人')).toBe(SITE_MANAGER_PHONE);

    // A worker's ID number is for a company admin: the front desk is told so, and it stays masked.
    await desk.page.getByTestId('reveal-/workers/0/idNumber').click();
    await desk.page.getByTestId('reveal-confirm').click();
    await desk.page.locator('.ant-message').getByText('只有公司管理员可以查看完整身份证号').waitFor();
    await desk.page.locator('.ant-modal').waitFor({ state: 'detached' });
    expect((await details.textContent()) ?? '').not.toContain(WORKER_ID_NUMBER);

    // The owner who applied, to call back (回访): their phone on record, in full on request.
    expect(await revealInFull(desk.page, 'requester-phone')).toBe(ownerLogin.phone);
    await screenshot(desk.page, 'runtime-web-renovation-review');
  });
});
