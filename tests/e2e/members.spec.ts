import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoConsoleErrors, launchBrowser, login, newPage, screenshot, skipBrowser } from './fixtures/browser';

function unaccent(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

describe.skipIf(skipBrowser)('members', () => {
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
    const accented = body.items.find((m) => m.fullName !== unaccent(m.fullName) && m.fullName.split(' ').length >= 3);
    expect(accented, 'demo seed has accented names').toBeTruthy();
    const fullName = accented!.fullName;

    await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).click();
    await page.getByRole('table', { name: 'Danh sách đảng viên' }).waitFor();
    await screenshot(page, 'members-list');
    await page.getByLabel('Tìm kiếm').fill(unaccent(fullName));
    const link = page.getByRole('link', { name: fullName, exact: true }).first();
    await link.waitFor();
    await screenshot(page, 'members-search');
    await link.click();

    await page.getByRole('heading', { name: fullName, level: 2 }).waitFor();
    await page.getByText('Thông tin Đảng').waitFor();
    await screenshot(page, 'member-page');
    await page.getByRole('tab', { name: 'Quá trình sinh hoạt' }).click();
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.waitForTimeout(500);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('the member account sees its own record', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'member');
    await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ của tôi', exact: true }).first().click();
    await page.getByText('Thông tin cá nhân').waitFor();
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
