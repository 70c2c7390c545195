import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  screenshot,
  skipBrowser,
} from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';

describe.skipIf(skipBrowser)('member import', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('previews a CSV with one bad row, imports the valid rows', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');

    const cells = await page.request.get('/api/org-units?q=chi%20bo&type=workplace_cell');
    expect(cells.status()).toBe(200);
    const cell = ((await cells.json()) as { items: { code: string; status: string }[] }).items.find(
      (c) => c.status === 'active',
    );
    expect(cell, 'a workplace cell from the demo seed').toBeTruthy();

    const csv = [
      'Họ và tên,Giới tính,Ngày sinh,Số thẻ đảng,Mã chi bộ',
      `Trần Thị Thử Nghiệm,Nữ,12/03/1990,97000001,${cell!.code}`,
      `Lê Văn Lỗi,Nam,31/02/1990,ABC,${cell!.code}`,
    ].join('\n');
    const dir = path.join(tmpdir(), 'residence-link-e2e-files');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'import.csv');
    writeFileSync(file, '\uFEFF' + csv, 'utf8');

    await page.getByRole('navigation').getByRole('link', { name: 'Nhập dữ liệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Nhập dữ liệu đảng viên' }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp' }).click();
    await (await chooser).setFiles(file);

    const errors = page.getByRole('table', { name: 'Danh sách lỗi' });
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/3/);
    await screenshot(page, 'import-preview');

    const allOrNothing = page.getByRole('radio', { name: 'Ghi tất cả hoặc không ghi gì' });
    expect(await allOrNothing.isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /Chỉ ghi các dòng hợp lệ/ }).check();
    await page.getByRole('button', { name: 'Bắt đầu ghi' }).click();

    const result = page.getByText('Đã nhập xong');
    await result.waitFor({ timeout: 60_000 });
    expect(await page.getByText(/Thêm mới: [1-9]/).count()).toBe(1);
    await screenshot(page, 'import-result');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
