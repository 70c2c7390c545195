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

describe.skipIf(skipBrowser)('phone (360×740)', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs in and reads the member list as cards', async () => {
    const tp = await newPage(browser, { viewport: { width: 360, height: 740 } });
    const { page } = tp;
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, 'mobile-login');
    await login(page, 'cell.secretary');
    await screenshot(page, 'mobile-home');

    await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
    await screenshot(page, 'mobile-nav');
    await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).click();
    const cards = page.getByLabel('Danh sách đảng viên');
    await cards.waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    // no horizontal scrolling on a phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'mobile-members');

    // a record and a unit page read on a phone without sideways scrolling
    await cards.getByRole('link').first().click();
    await page.getByText('Thông tin cá nhân').waitFor();
    await screenshot(page, 'mobile-member');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await page.goto('/');
    await page.getByLabel('Vai trò của đồng chí').getByRole('link').first().click();
    await page.getByText('Đảng viên đang công tác').first().waitFor();
    await screenshot(page, 'mobile-unit');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
