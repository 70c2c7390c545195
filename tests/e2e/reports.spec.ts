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
import { pickOption } from './fixtures/introductions';
import { seriousViolations } from './fixtures/axe';

/**
 * The picture upward (Art. 5): a province officer follows the figures from the province down to a cell and
 * checks a number against its list; the commune writes and submits its yearly report, the province
 * receives it and prints the consolidated report.
 */
describe.skipIf(skipBrowser)('dashboards and the yearly report', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('drills from the province to a commune and a cell, and opens the list behind a number', async () => {
    const tp = await newPage(browser);
    const { page } = tp;
    await login(page, 'province.officer');
    await page.getByRole('navigation').getByRole('link', { name: 'Số liệu tổng hợp' }).click();
    await page.getByRole('heading', { name: 'Đảng bộ tỉnh Nghệ An' }).waitFor();
    const table = page.getByRole('table', { name: 'Theo đơn vị trực thuộc' });
    await table.getByRole('link', { name: 'Đảng bộ phường Thành Vinh', exact: true }).click();
    await page.getByRole('heading', { name: 'Đảng bộ phường Thành Vinh' }).waitFor();
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Cấp đơn vị' }).innerText())
      .toContain('Đảng bộ tỉnh Nghệ An');
    await screenshot(page, 'reports-commune');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Sinh hoạt chi bộ' }).click();
    const cells = page.getByRole('table', { name: 'Theo đơn vị trực thuộc' });
    // a cell whose members came this year
    const present = cells.getByRole('link', { name: /^Chi bộ .* — Có mặt: [1-9]/ }).first();
    const cellName = ((await present.getAttribute('aria-label')) ?? '').split(' — ')[0]!;
    await cells.getByRole('link', { name: cellName, exact: true }).click();
    await page.getByRole('heading', { name: cellName }).waitFor();

    // a number and its list: as many rows as the number says
    const tile = page.getByRole('region', { name: 'Lượt có mặt (kể cả đến muộn)' });
    const link = tile.getByRole('link');
    const shown = Number((await link.innerText()).replace(/\./g, ''));
    expect(shown).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { name: 'Lượt có mặt (kể cả đến muộn)' }).waitFor();
    const rows = page.getByRole('table', { name: 'Lượt có mặt (kể cả đến muộn)' }).locator('tbody tr');
    await rows.first().waitFor();
    // "Xem thêm" until every row is there; each click waits for the next page, not for the button
    const more = page.getByRole('button', { name: 'Xem thêm' });
    for (let count = await rows.count(); count < shown; count = await rows.count()) {
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(count);
    }
    await expect.poll(() => rows.count()).toBe(shown);
    await page.getByText(`Bảng số liệu ghi: ${shown}`).waitFor();
    await screenshot(page, 'reports-list');
    expect(await seriousViolations(page)).toEqual([]);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('shows the dashboard on a phone', async () => {
    const tp = await newPage(browser, { viewport: { width: 360, height: 740 } });
    const { page } = tp;
    await login(page, 'province.officer');
    await page.goto('/reports?section=evaluation');
    await page.getByRole('heading', { name: 'Kết quả theo tiêu chí (phiếu đã xác nhận)' }).waitFor();
    await screenshot(page, 'reports-phone');
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('lets the commune submit its report and the province receive it and print the consolidation', async () => {
    const commune = await newPage(browser);
    await login(commune.page, 'commune.officer');
    await commune.page.goto('/reports/yearly');
    await commune.page.getByRole('button', { name: 'Lập báo cáo năm' }).click();
    await commune.page
      .getByRole('heading', { name: /Báo cáo năm \d{4} — Đảng bộ phường Thành Vinh/ })
      .waitFor();
    await commune.page
      .getByLabel('I. Kết quả thực hiện')
      .fill(
        'Các chi bộ khu dân cư sinh hoạt định kỳ với đảng viên đang công tác; tiếp nhận đầy đủ giấy giới thiệu.',
      );
    await commune.page
      .getByLabel('II. Hạn chế, khó khăn')
      .fill('Một số đảng viên ở chung cư chưa liên hệ với chi bộ.');
    await commune.page.getByLabel('Người ký thay mặt đảng ủy').fill('Đặng Thị Phương');
    await pickOption(commune.page, 'Chức vụ', 'Phó Bí thư');
    await commune.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await commune.page.getByText('Đã lưu.').waitFor();
    await commune.page.getByRole('button', { name: 'Ký và gửi cấp trên' }).click();
    await commune.page.getByRole('dialog').getByRole('button', { name: 'Ký và gửi cấp trên' }).click();
    await commune.page.getByText('Đã nộp, chờ tiếp nhận').first().waitFor();
    await commune.page.getByText(/Số \d+-BC\/ĐU/).waitFor();
    await screenshot(commune.page, 'yearly-report-submitted');
    expect(await seriousViolations(commune.page)).toEqual([]);
    expectNoConsoleErrors(commune);
    await commune.context.close();

    const province = await newPage(browser);
    const { page } = province;
    await login(page, 'province.officer');
    await page.goto('/reports/yearly');
    await page.getByRole('tab', { name: 'Báo cáo cấp dưới gửi lên' }).waitFor();
    const submissions = page.getByRole('table', { name: 'Tình hình nộp báo cáo' });
    await submissions.getByRole('link', { name: 'Đảng bộ phường Thành Vinh', exact: true }).click();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Cấp trên đã tiếp nhận').first().waitFor();
    await page.goto('/reports/yearly?tab=incoming');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Báo cáo tổng hợp (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^bao-cao-tong-hop-213-\d{4}-.+\.pdf$/);
    await screenshot(page, 'yearly-submissions');
    expect(await seriousViolations(page)).toEqual([]);
    expectNoConsoleErrors(province);
    await province.context.close();
  });
});
