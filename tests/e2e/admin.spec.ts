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

describe.skipIf(skipBrowser)('administration screens', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists accounts and opens one with its role grants', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('table', { name: 'Tài khoản' }).waitFor();
    await page.getByLabel('Tìm kiếm').fill('cell');
    await page.getByRole('cell', { name: 'cell.secretary', exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Vai trò được giao').waitFor();
    expect(await drawer.textContent()).toMatch(/Bí thư chi bộ/);
    await screenshot(page, 'account-drawer');

    // revoking asks first; cancel keeps the grant
    await drawer.getByRole('button', { name: 'Thu hồi vai trò' }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Thu hồi vai trò?' });
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await drawer.textContent()).toMatch(/Bí thư chi bộ/);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('shows notifications and the change-password form', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');
    await page
      .getByRole('link', { name: /Thông báo/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await page
      .getByText(/Chào mừng|Đồng chí chưa có thông báo/)
      .first()
      .waitFor();
    await screenshot(page, 'notifications');

    await page.getByRole('button', { name: 'Tài khoản người dùng' }).click();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await page.getByLabel('Mật khẩu mới', { exact: false }).first().fill('short');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Hai mật khẩu không khớp.').waitFor();
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('opens the unit edit and merge dialogs for a manager', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'commune.officer');
    await page.getByLabel('Vai trò của đồng chí').getByRole('link').first().click();
    // an officer manages the units below their own committee
    await page.getByLabel('Đơn vị trực thuộc').getByRole('link').first().click();
    await page.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel(/Tên đơn vị/).waitFor();
    await screenshot(page, 'unit-edit');
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('button', { name: 'Sắp xếp tổ chức' }).click();
    await page.getByRole('menuitem', { name: 'Hợp nhất vào đơn vị này' }).click();
    await page
      .getByRole('dialog')
      .getByText(/không hoàn tác được/)
      .waitFor();
    await screenshot(page, 'unit-merge');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('a commune officer adds a residential cell with a new residential area', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'commune.officer');
    await page.getByLabel('Vai trò của đồng chí').getByRole('link').first().click();
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel(/^Loại đơn vị/).click();
    await page.getByRole('option', { name: 'Chi bộ khu dân cư' }).click();
    await modal.getByLabel(/^Mã/).fill('E2E-01');
    await modal.getByLabel(/^Tên đơn vị/).fill('Chi bộ tổ dân phố thử');
    await modal.getByText('Tạo khu dân cư mới').click();
    await modal.getByLabel(/^Tên khu dân cư/).fill('Tổ dân phố thử');
    await screenshot(page, 'unit-create');
    await modal.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByRole('heading', { name: 'Chi bộ tổ dân phố thử', level: 1 }).waitFor();
    expect(await page.getByText('Tổ dân phố thử').count()).toBeGreaterThan(0);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
