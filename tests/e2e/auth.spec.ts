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

const demoAccounts: [username: string, roleLabel: RegExp][] = [
  ['admin', /Quản trị hệ thống/],
  ['commune.officer', /Cán bộ Đảng ủy/],
  ['workplace.officer', /Cán bộ Đảng ủy/],
  ['cell.secretary', /Bí thư chi bộ/],
  ['front.head', /Trưởng ban công tác Mặt trận/],
  ['member', /Đảng viên/],
];

describe.skipIf(skipBrowser)('logging in', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(demoAccounts)('%s sees the home page with their role', async (username, roleLabel) => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, username);
    await expect(page.getByRole('heading', { name: /Xin chào/ }).isVisible()).resolves.toBe(true);
    const roles = page.getByLabel('Vai trò của đồng chí');
    await roles.waitFor();
    expect(await roles.textContent()).toMatch(roleLabel);
    await screenshot(page, `home-${username}`);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('shows the server message for a wrong password and logs out again', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).length).toBeGreaterThan(3);
    await screenshot(page, 'login-error');

    // 401 answers are logged by the browser itself; they are expected here
    tp.errors.length = 0;
    await login(page, 'admin');
    await page.getByRole('button', { name: 'Tài khoản người dùng' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await tp.context.close();
  });
});
