// Inspection check-in by QR code (DOMAIN.md "check-in at each point (QR code)"): the engineering
// supervisor prints the checkpoint labels of the estate's route and of a monthly round with a
// route of its own, and each label's QR code reads as its checkpoint's check-in link; in the
// check-in form, the technician scans the fire pump room's label with the phone's camera
// (Chromium's fake camera plays a picture of it) and the code fills in; and the power room's link,
// opened as a phone's own camera would, starts a round and checks in there with one tap.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../engine/test/harness/http-client';
import { newPage, screenshot, staffSignIn, staffWithRole, startWorld, stopWorld, type World } from './support';

const CHECKPOINT = 'FIRE-PUMP';
/** What the fire pump room's label holds (on another server: the form's scanner only takes the code out of it). */
const LABEL = `https://wuye.example.cn/app/checkpoint/${CHECKPOINT}?estate=00000000-0000-4000-8000-000000000000`;

/** A still picture of `text`'s QR code as a YUV4MPEG2 video, the format Chromium's fake camera plays. */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [width, height] = [320, 240];
  // The whole code and its quiet zone in the frame: a link needs more modules than a bare code.
  const scale = Math.floor(Math.min(width, height) / (modules.size + 8));
  const side = (modules.size + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.get(row, column))
        for (let y = 0; y < scale; y++)
          luma.fill(
            0,
            (top + (row + 4) * scale + y) * width + left + (column + 4) * scale,
            (top + (row + 4) * scale + y) * width + left + (column + 5) * scale,
          );
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-camera-')), 'qr.y4m');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

/** The sunshine estate's technician, signed in to the API, with an inspection round they planned there (not begun). */
async function technicianWithRound(w: World, data: Record<string, unknown>) {
  const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
  const login = staffWithRole(w, 'technician');
  const api = new HttpClient(w.engine.url);
  expect((await api.post('/api/auth/login', { email: login.email, password: 'estateflow' })).status).toBe(200);
  const round = await api.post(`/api/estates/${estateId}/instances`, { workflowKey: 'inspection', data });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  return { estateId, login, api, round: round.body as { id: string } };
}

describe('inspection check-in by QR code', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld({
      browserArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${qrVideo(LABEL)}`,
      ],
    });
  });
  afterAll(() => stopWorld(world));

  it('the supervisor prints the route’s checkpoint labels and a monthly round’s own, and each QR code reads as its checkpoint', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const estateId = w.logins.companies[0]?.estates.find((estate) => estate.code === 'sunshine')?.id ?? '';
    // The estate manager plans a monthly round with a route of its own.
    const api = new HttpClient(w.engine.url);
    const manager = staffWithRole(w, 'estate_manager');
    expect((await api.post('/api/auth/login', { email: manager.email, password: 'estateflow' })).status).toBe(200);
    const roof = await api.post(`/api/estates/${estateId}/schedules`, {
      workflowKey: 'inspection',
      name: '屋顶设备月检',
      rule: { every: 'month', at: '09:00', day: 1 },
      data: {
        checkpoints: [
          { code: 'ROOF-TANK', name: '屋顶水箱' },
          { code: CHECKPOINT, name: '消防泵房' },
        ],
      },
    });
    expect(roof.status, JSON.stringify(roof.body)).toBe(201);

    const supervisor = await newPage(w, 'desktop');
    await supervisor.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
    await staffSignIn(w, supervisor.page, staffWithRole(w, 'engineering_supervisor'));
    await supervisor.page.getByRole('link', { name: '巡检二维码' }).click();
    await supervisor.page.getByTestId('checkpoint-labels').first().waitFor();
    await supervisor.page.getByTestId('checkpoint-schedule').waitFor();
    // The pack's default route (five plant rooms and exits), and the monthly round's roof tank.
    const codes = ['LIFT-MR', 'FIRE-PUMP', 'POWER', 'WATER-TANK', 'FIRE-EXIT', 'ROOF-TANK'];
    for (const code of codes) {
      const label = supervisor.page.getByTestId(`checkpoint-${code}`);
      expect(await label.textContent()).toContain(code);
      const picture = PNG.sync.read(await label.locator('svg').screenshot());
      // The check-in link of the checkpoint, which a phone's own camera opens.
      expect(jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height)?.data, code).toBe(
        `${w.engine.url}/app/checkpoint/${code}?estate=${estateId}`,
      );
    }
    expect(await supervisor.page.getByTestId('checkpoint-FIRE-PUMP').textContent()).toContain('消防泵房');
    expect(await supervisor.page.getByTestId('checkpoint-schedule').textContent()).toContain('屋顶设备月检');
    // The fire pump room is on the estate's route already: one label for it.
    expect(await supervisor.page.getByTestId(`checkpoint-${CHECKPOINT}`).count()).toBe(1);
    await screenshot(supervisor.page, 'runtime-web-checkpoint-labels');
    await supervisor.context.close();

    // A technician does not print them.
    const technician = await newPage(w, 'desktop');
    await staffSignIn(w, technician.page, staffWithRole(w, 'technician'));
    await technician.page.getByRole('link', { name: '待办' }).waitFor();
    expect(await technician.page.getByRole('link', { name: '巡检二维码' }).count()).toBe(0);
    await technician.context.close();
  });

  it('the technician checks in at the fire pump room by scanning its label with the phone camera', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const { estateId, login, api, round: started } = await technicianWithRound(w, {});
    const begun = await api.post(`/api/instances/${started.id}/events`, { type: 'START', data: {} });
    expect(begun.status, JSON.stringify(begun.body)).toBe(200);

    const phone = await newPage(w, 'phone');
    await phone.context.addInitScript((id) => localStorage.setItem('ef.app.estate', id), estateId);
    await staffSignIn(w, phone.page, login);
    await phone.page.goto(`${w.engine.url}/app/instances/${started.id}`);
    await phone.page.getByTestId('action-CHECK_IN').click();
    const dialog = phone.page.locator('.ant-modal', { has: phone.page.locator('#root_checkpointCode') });
    await dialog.waitFor();
    await phone.page.getByTestId('root_checkpointCode-scan').click();
    // The camera's picture, or what the page says when it has none.
    await phone.page.locator('[data-testid="qr-video"], [data-testid="qr-problem"]').first().waitFor();
    expect(await phone.page.getByTestId('qr-problem').allTextContents()).toEqual([]);
    // The code fills in by itself once the camera sees the label.
    await expect.poll(() => phone.page.locator('#root_checkpointCode').inputValue(), { timeout: 15_000 }).toBe(CHECKPOINT);
    await screenshot(phone.page, 'runtime-web-qr-check-in');
    await dialog.getByTestId('form-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const after = await api.get(`/api/instances/${started.id}`);
    expect(after.body.data.currentCheckpoint).toEqual({ code: CHECKPOINT, name: '消防泵房' });
    expect(JSON.stringify(after.body.state)).toContain('recording');
    await phone.context.close();
  });

  it('the technician scans the power room’s label with the phone’s own camera: the link starts the round and checks in there', async () => {
    if (!world) throw new Error('world not started');
    const w = world;
    const { estateId, login, api, round: planned } = await technicianWithRound(w, { planName: '配电房专项巡检' });

    const phone = await newPage(w, 'phone');
    await staffSignIn(w, phone.page, login);
    // The link on the power room's label, as the labels page prints it.
    await phone.page.goto(`${w.engine.url}/app/checkpoint/POWER?estate=${estateId}`);
    const choice = phone.page.getByTestId(`check-in-${planned.id}`);
    await choice.waitFor();
    expect(await choice.textContent()).toContain('配电房 · 配电房专项巡检');
    await screenshot(phone.page, 'runtime-web-check-in-link');
    await choice.getByTestId('check-in-here').click();
    await phone.page.waitForURL(`**/app/instances/${planned.id}`);
    await phone.page.getByTestId('action-RECORD').waitFor();
    const after = await api.get(`/api/instances/${planned.id}`);
    expect(after.body.data.currentCheckpoint).toEqual({ code: 'POWER', name: '配电房' });
    expect(after.body.data.startedBy).toBeTruthy();

    // Checked in there already: that round is no longer offered there.
    await phone.page.goto(`${w.engine.url}/app/checkpoint/POWER?estate=${estateId}`);
    const loaded = phone.page.getByTestId('check-in').locator('.ant-card, [data-testid="check-in-none"]').first();
    await loaded.waitFor();
    expect(await phone.page.getByTestId(`check-in-${planned.id}`).count()).toBe(0);
    // A checkpoint no round passes: the page says so, and offers nothing.
    await phone.page.goto(`${w.engine.url}/app/checkpoint/ROOF-X?estate=${estateId}`);
    await phone.page.getByTestId('check-in-none').waitFor();
    expect(await phone.page.getByTestId('check-in-none').textContent()).toContain('现在没有可以在 ROOF-X 签到的巡检');
    await phone.context.close();
  });
});
