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

describe.skipIf(skipBrowser)('organisation tree', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('browses from the tree to a unit page', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Tổ chức', exact: true }).click();
    const tree = page.getByRole('tree', { name: 'Tổ chức' });
    await tree.waitFor();

    // open collapsed nodes until there is a unit at the third level
    for (let level = 1; level <= 3; level++) {
      const expand = tree.getByRole('button', { name: /^Mở / }).first();
      if (await expand.count()) {
        await expand.click();
        await page.waitForTimeout(400);
      }
    }
    await screenshot(page, 'org-tree');
    const items = tree.locator('li[aria-level="3"] a, li[aria-level="2"] a');
    await items.first().waitFor();
    const name = (await items.first().innerText()).trim();
    await items.first().click();

    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const crumbs = page.locator('.mantine-Breadcrumbs-root');
    expect(await crumbs.innerText()).toContain('Tổ chức');
    await page.getByText('Đảng viên đang công tác').first().waitFor();
    await screenshot(page, 'unit-page');

    await page.getByRole('tab', { name: 'Đảng viên' }).click();
    await page.waitForTimeout(500);
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.waitForTimeout(500);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('finds a unit by an unaccented search', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'admin');
    await page.goto('/org');
    await page.getByLabel('Tìm kiếm đơn vị').fill('chi bo');
    const results = page.getByLabel('Kết quả tìm kiếm');
    await results.waitFor();
    expect(await results.innerText()).toMatch(/Chi bộ/);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
