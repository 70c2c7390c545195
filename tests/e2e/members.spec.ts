import type { Browser } from 'playwright-core';
import path from 'node:path';
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
import { repoRoot } from './fixtures/server';

function unaccent(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

describe.skipIf(skipBrowser)('members', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds a member by an unaccented name and opens the record', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');

    // pick a real Vietnamese name from the demo seed, then type it without diacritics
    const res = await page.request.get('/api/members?q=nguyen&limit=20');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { id: string; fullName: string }[] };
    const accented = body.items.find(
      (m) => m.fullName !== unaccent(m.fullName) && m.fullName.split(' ').length >= 3,
    );
    expect(accented, 'demo seed has accented names').toBeTruthy();
    const fullName = accented!.fullName;

    await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).click();
    await page.getByRole('table', { name: 'Danh sách đảng viên' }).waitFor();
    await screenshot(page, 'members-list');
    await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot.png') });
    await page.getByLabel('Tìm kiếm').fill(unaccent(fullName));
    await page.waitForURL(/[?&]q=/);
    const link = page.getByRole('link', { name: fullName, exact: true }).first();
    await link.waitFor();
    await page.getByText(/Đang hiển thị/).waitFor();
    await screenshot(page, 'members-search');
    await link.click();

    await page.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    await page.getByText('Thông tin Đảng').waitFor();
    await screenshot(page, 'member-page');
    await page.getByRole('tab', { name: 'Quá trình sinh hoạt' }).click();
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.waitForTimeout(500);

    // the search lives in the URL: "back" returns to the same list
    await page.goBack();
    await page.getByRole('link', { name: fullName, exact: true }).first().waitFor();
    expect(await page.getByLabel('Tìm kiếm').inputValue()).toBe(unaccent(fullName));
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('edits a record; the change shows in the history tab', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');
    const res = await page.request.get('/api/members?q=tran&limit=5');
    const first = ((await res.json()) as { items: { id: string; fullName: string }[] }).items[0]!;
    await page.goto(`/members/${first.id}`);
    await page.getByRole('heading', { name: first.fullName, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByRole('dialog');
    const phone = form.getByLabel('Điện thoại');
    // a bad value: the server's 422 message shows under the input
    await phone.fill('12ab');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.locator('.mantine-InputWrapper-error').first().waitFor();
    expect(tp.errors.every((e) => /status of 422/.test(e))).toBe(true);
    tp.errors.length = 0;

    const newPhone = '0900000123';
    await phone.fill(newPhone);
    await expect(form.getByLabel(/Ngày sinh/).inputValue()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await screenshot(page, 'member-edit');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    await page.getByText(newPhone).first().waitFor();

    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.getByText('Sửa hồ sơ').first().waitFor();
    expect(await page.getByRole('tabpanel').textContent()).toContain(newPhone);
    await screenshot(page, 'member-audit');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('the member account sees its own record', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'member');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Hồ sơ của tôi', exact: true })
      .first()
      .click();
    await page.getByText('Thông tin cá nhân').waitFor();
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
