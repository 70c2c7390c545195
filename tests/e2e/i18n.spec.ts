import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoTotpCode,
  expectNoConsoleErrors,
  launchBrowser,
  newPage,
  screenshot,
  skipBrowser,
} from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';

describe.skipIf(skipBrowser)('language', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches from Vietnamese to English and remembers it', async () => {
    const tp = await newPage(browser, { locale: 'vi-VN' });
    const { page } = tp;
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByLabel(/^Login/).fill('commune.officer');
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    // officers give the demo authenticator's code (README)
    await page.getByLabel(/^Authentication code/).fill(demoTotpCode());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
    // the account remembers the language chosen on the login page
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe('en');
    expect(await page.getByRole('navigation').innerText()).toMatch(/Members/);
    await page.getByRole('navigation').getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Full name' }).waitFor();
    await screenshot(page, 'members-en');

    await page.reload();
    await page.getByRole('columnheader', { name: 'Full name' }).waitFor();

    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'Họ và tên' }).waitFor();
    await expect
      .poll(
        async () =>
          ((await (await page.request.get('/api/auth/me')).json()) as { user: { locale: string } }).user
            .locale,
      )
      .toBe('vi');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
