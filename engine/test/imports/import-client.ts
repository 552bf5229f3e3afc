import ExcelJS from 'exceljs';

/** A signed-in staff member for import tests: JSON calls, multipart uploads and binary downloads. */
export class ImportClient {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password = 'estateflow'): Promise<ImportClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    return new ImportClient(baseUrl, cookie);
  }

  async json(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async upload(estateId: string, file: { name: string; bytes: Uint8Array }): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes]), file.name);
    const response = await fetch(`${this.baseUrl}/api/admin/estates/${estateId}/imports`, {
      method: 'POST',
      headers: { cookie: this.cookie },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  async download(path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const response = await fetch(this.baseUrl + path, { headers: { cookie: this.cookie } });
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** Polls the import until it leaves validating/committing; returns the progress values seen on the way. */
  async settle(importId: string, timeoutMs = 120_000): Promise<{ view: any; progress: number[] }> {
    const progress: number[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.json('GET', `/api/admin/imports/${importId}`);
      if (body.status !== 'validating' && body.status !== 'committing') return { view: body, progress };
      progress.push(body.progress);
      if (Date.now() > deadline) throw new Error(`import ${importId} still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** An .xlsx owner register with the standard Chinese headers. */
export async function ownerWorkbook(rows: (string | number | null | { formula: string; result: string })[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('业主名册');
  sheet.addRow(['楼栋', '单元', '房号', '姓名', '手机号', '身份证号', '身份', '建筑面积']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** n distinct rows: building B, 2 entrances, rooms numbered by floor, phones 150xxxxxxxx from a base. */
export function generatedRows(input: { count: number; building: string; phoneBase: number }): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let index = 0; index < input.count; index++) {
    const entrance = (index % 2) + 1;
    const within = Math.floor(index / 2);
    const floor = Math.floor(within / 20) + 1;
    const room = `${floor}${String((within % 20) + 1).padStart(2, '0')}`;
    rows.push([
      input.building,
      entrance,
      room,
      `业主${index}`,
      String(input.phoneBase + index),
      '',
      index % 7 === 0 ? '租户' : '业主',
      88.5,
    ]);
  }
  return rows;
}
