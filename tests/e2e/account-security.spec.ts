import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import { request, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoTotpCode,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  screenshot,
  skipBrowser,
} from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';

const PHONE = { width: 360, height: 740 };

/** The reset link from the .eml the file mailer wrote (quoted-printable: soft breaks and =XX undone). */
async function resetLinkFor(dataDir: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'mail');
  const deadline = Date.now() + 40_000;
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir) : [];
    for (const f of files) {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      if (!raw.includes(to)) continue;
      const text = raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const match = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(text);
      if (match) return match[0];
    }
    if (Date.now() > deadline) throw new Error(`no reset mail for ${to} in ${dir}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const code = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });

async function logout(page: Page) {
  await page.getByRole('button', { name: /Tài khoản người dùng/ }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

async function passwordStep(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu( \*)?$/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe.skipIf(skipBrowser)('account security', () => {
  const server = useSpecServer({ ownEvenIfExternal: true });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a forgotten password is reset through the mailed one-time link', async () => {
    const tp = await newPage(browser, { viewport: PHONE });
    const { page } = tp;
    await page.goto('/login');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByLabel('Tên đăng nhập hoặc email').fill('member');
    await screenshot(page, 'forgot-password-phone');
    await page.getByRole('button', { name: 'Gửi liên kết' }).click();
    await page.getByRole('status').filter({ hasText: 'liên kết đặt lại mật khẩu đã được gửi' }).waitFor();

    const link = await resetLinkFor(server.dataDir, 'member@demo.residence-link.vn');
    expect(link.startsWith(server.baseUrl)).toBe(true);
    await page.goto(link);
    await page.getByLabel(/^Mật khẩu mới/).fill('MatKhauMoi2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi2026');
    await screenshot(page, 'reset-password-phone');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã đặt mật khẩu mới' }).waitFor();

    // the link works once
    await page.goto(link);
    await page.getByLabel(/^Mật khẩu mới/).fill('LanThuHai2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('LanThuHai2026');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('alert').filter({ hasText: 'không hợp lệ, đã dùng hoặc đã hết hạn' }).waitFor();

    await login(page, 'member', 'MatKhauMoi2026');
    // the 422 of the spent link is logged by the browser itself
    tp.errors.splice(0, tp.errors.length, ...tp.errors.filter((e) => !/422/.test(e)));
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('a new officer changes the admin’s password, enrols an authenticator, then logs in with a code and a recovery code once', async () => {
    // the admin creates the account through the API (the accounts page has its own browser spec)
    const api = await request.newContext({ baseURL: server.baseUrl });
    const signedIn = await api.post('/api/auth/login', { data: { login: 'admin', password: DEMO_PASSWORD } });
    const me = (await signedIn.json()) as { csrfToken: string; roles: { unitId: string }[] };
    const headers = { 'x-csrf-token': me.csrfToken };
    expect(
      (await api.post('/api/auth/second-factor', { data: { code: demoTotpCode() }, headers })).status(),
    ).toBe(200);
    const created = await api.post('/api/accounts', {
      data: { username: 'can.bo.moi', displayName: 'Trần Văn Mới', password: 'DoAdminDat2026' },
      headers,
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const granted = await api.post(`/api/accounts/${id}/roles`, {
      data: { role: 'committee_officer', unitId: me.roles[0]!.unitId, position: 'staff' },
      headers,
    });
    expect(granted.status()).toBe(201);
    await api.dispose();

    const tp = await newPage(browser);
    const { page } = tp;
    await passwordStep(page, 'can.bo.moi', 'DoAdminDat2026');
    await page.waitForURL((url) => url.pathname === '/account/setup');
    await page.getByRole('heading', { name: 'Chọn mật khẩu của đồng chí' }).waitFor();
    await screenshot(page, 'setup-password');
    await page.getByLabel('Mật khẩu hiện tại').fill('DoAdminDat2026');
    await page.getByLabel(/^Mật khẩu mới/).fill('CuaRieng2026x');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('CuaRieng2026x');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await page.getByRole('heading', { name: 'Bật xác thực hai lớp' }).waitFor();
    // nothing else is reachable before enrolment
    await page.goto('/members');
    await page.waitForURL((url) => url.pathname === '/account/setup');
    await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
    const qr = page.getByRole('img', { name: /Mã QR/ });
    await qr.waitFor();
    const secret = (await page.locator('code').first().innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(page, 'setup-totp');
    await page.getByLabel('Mã 6 chữ số').fill(code(secret));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    const codes = page.getByRole('list', { name: 'Mã dự phòng' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recovery = (await codes.nth(2).innerText()).trim();
    await screenshot(page, 'setup-recovery-codes');
    await page.getByRole('button', { name: 'Đã lưu mã dự phòng, tiếp tục' }).click();
    await page.getByRole('banner').waitFor();
    await logout(page);

    // password, then the authenticator's code
    await passwordStep(page, 'can.bo.moi', 'CuaRieng2026x');
    await page.getByLabel('Mã xác thực').fill(code(secret));
    await screenshot(page, 'login-second-step');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('banner').waitFor();
    await logout(page);

    // a recovery code works once
    await passwordStep(page, 'can.bo.moi', 'CuaRieng2026x');
    await page.getByLabel('Mã xác thực').fill(recovery);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('banner').waitFor();
    await logout(page);
    await passwordStep(page, 'can.bo.moi', 'CuaRieng2026x');
    await page.getByLabel('Mã xác thực').fill(recovery);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('alert').filter({ hasText: 'Mã xác thực không đúng' }).waitFor();
    // the 422 and the 401s around logins are logged by the browser itself
    tp.errors.splice(0, tp.errors.length, ...tp.errors.filter((e) => !/422|403/.test(e)));
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('the API documentation renders under the CSP with no violation', async () => {
    const tp = await newPage(browser);
    const violations: string[] = [];
    tp.page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await tp.page.goto('/api/docs');
    await tp.page.getByText('Residence Link API').first().waitFor();
    await tp.page.getByText('/api/auth/login').first().waitFor();
    expect(violations).toEqual([]);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('the account security page lists the sessions and ends another one, on a phone and a desktop', async () => {
    const other = await newPage(browser);
    await login(other.page, 'commune.officer');
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const tp = await newPage(browser, { viewport });
      const { page } = tp;
      await login(page, 'commune.officer');
      await page.goto('/account/security');
      await page.getByRole('heading', { name: 'Bảo mật tài khoản', level: 1 }).waitFor();
      await page.getByText('Thiết bị này').waitFor();
      await screenshot(page, `account-security-${viewport.width}`);
      expectNoConsoleErrors(tp);
      await tp.context.close();
    }
    const tp = await newPage(browser);
    await login(tp.page, 'commune.officer');
    await tp.page.goto('/account/security');
    await tp.page.getByRole('button', { name: 'Đăng xuất mọi thiết bị khác' }).click();
    await tp.page.getByRole('button', { name: 'Đăng xuất mọi thiết bị khác' }).waitFor({ state: 'detached' });
    await other.page.reload();
    await other.page.waitForURL((url) => url.pathname.startsWith('/login'));
    expectNoConsoleErrors(tp);
    await tp.context.close();
    await other.context.close();
  });
});
