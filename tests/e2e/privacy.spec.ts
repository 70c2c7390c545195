import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

const phone = { width: 360, height: 740 };

/** Opens "Dữ liệu cá nhân của tôi" the way a member does: from the account menu. */
async function openMyData(page: Page) {
  await page
    .getByRole('button', { name: /Tài khoản người dùng/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'Dữ liệu cá nhân của tôi' }).click();
  await page.getByRole('heading', { name: 'Dữ liệu cá nhân của tôi', level: 1 }).waitFor();
}

describe.skipIf(skipBrowser)('personal data', () => {
  useSpecServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an officer opens a member’s page; the member sees that read and downloads the JSON and the PDF', async () => {
    // the member's record id, as the member's own session knows it
    const memberTab = await newPage(browser);
    await login(memberTab.page, 'member');
    const me = (await (await memberTab.page.request.get('/api/auth/me')).json()) as {
      user: { memberId: string; displayName: string };
    };
    const memberId = me.user.memberId;
    expect(memberId).toBeTruthy();

    // the cell secretary (an officer of the member's residential cell) opens the record
    const officer = await newPage(browser);
    await login(officer.page, 'cell.secretary');
    const officerName = (
      (await (await officer.page.request.get('/api/auth/me')).json()) as { user: { displayName: string } }
    ).user.displayName;
    await officer.page.goto(`/members/${memberId}`);
    await officer.page.getByRole('heading', { name: me.user.displayName, level: 1 }).waitFor();
    expectNoConsoleErrors(officer);
    await officer.context.close();

    // the member sees who read the record, from which unit and page
    const { page } = memberTab;
    await page.goto('/');
    await page.getByRole('banner').waitFor();
    await openMyData(page);
    const read = page.getByText(officerName, { exact: true }).first();
    await read.waitFor();
    await page.getByText('Từ trang: Hồ sơ đảng viên').first().waitFor();
    await screenshot(page, 'privacy-my-data');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      member: { id: string };
      account: Record<string, unknown>;
      recordReads: { readerName: string; source: string }[];
    };
    expect(data.member.id).toBe(memberId);
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.recordReads).toContainEqual(
      expect.objectContaining({ readerName: officerName, source: `/members/${memberId}` }),
    );

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản tóm tắt PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expectNoConsoleErrors(memberTab);
    await memberTab.context.close();
  });

  it('on a phone the page reads without sideways scrolling', async () => {
    const tp = await newPage(browser, { viewport: phone });
    await login(tp.page, 'member');
    await openMyData(tp.page);
    await tp.page.getByRole('heading', { name: 'Ai đã xem hồ sơ của tôi' }).waitFor();
    await tp.page.getByText('Từ trang: Hồ sơ đảng viên').first().waitFor();
    const overflow = await tp.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(tp.page, 'privacy-my-data-phone');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
