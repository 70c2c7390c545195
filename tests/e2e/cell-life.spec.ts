import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  skipBrowser,
  type TestPage,
} from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';
import {
  activityIdOf,
  dayFromToday,
  findWarning,
  getActivity,
  shot,
  shotOf,
  sidewaysOverflow,
} from './fixtures/cell-life';
import { pickOption } from './fixtures/introductions';

const phone = { viewport: { width: 360, height: 740 } };
/** the demo working member placed in the demo cell, who has an account */
const MEMBER = 'Nguyễn Văn An';
const CELL = 'Chi bộ khối 5';

async function openNav(page: Page, link: string) {
  await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation').getByRole('link').allInnerTexts();
}

function notificationCard(page: Page, text: string) {
  return page.locator('.mantine-Card-root').filter({ hasText: text }).first();
}

/** Art. 2.6, 4.3, 4.4: the residential cell's campaigns, its warnings to members, the commune's topics. */
describe.skipIf(skipBrowser)('residential cell life: campaigns, warnings, directed topics', () => {
  useSpecServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(user: string, options: Parameters<typeof newPage>[1] = {}) {
    const tp = await newPage(browser, options);
    await login(tp.page, user);
    return tp;
  }
  async function done(tp: TestPage) {
    expectNoConsoleErrors(tp);
    await tp.context.close();
  }

  const activityTitle = 'Bê tông hóa ngõ 7';

  it('the secretary records a campaign and a member’s part; a member proposes their own; the secretary decides', async () => {
    // ── secretary, on a phone: the campaign, then one member's part (confirmed at once)
    const sec = await as('cell.secretary', phone);
    let page = sec.page;
    expect(await navLinks(page)).toEqual(
      expect.arrayContaining(['Phong trào địa phương', 'Nhắc nhở đảng viên', 'Chủ đề định hướng']),
    );
    await openNav(page, 'Phong trào địa phương');
    await page.getByRole('heading', { level: 1, name: 'Phong trào, cuộc vận động' }).waitFor();
    await page.getByRole('button', { name: 'Ghi nhận phong trào' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ghi nhận phong trào, cuộc vận động' });
    await dialog.getByText(`Đơn vị: ${CELL}`).waitFor();
    await pickOption(page, 'Loại phong trào', 'Xây dựng, sửa chữa');
    await dialog.getByLabel('Tên phong trào').fill(activityTitle);
    await dialog
      .getByLabel('Nội dung, mục tiêu')
      .fill('Đổ bê tông 120 m ngõ 7, nhân dân và đảng viên cùng góp công.');
    const starts = dialog.getByLabel('Ngày bắt đầu');
    await starts.fill(dayFromToday(-2));
    await starts.press('Tab');
    const ends = dialog.getByLabel('Ngày kết thúc (nếu có)');
    await ends.fill(dayFromToday(12));
    await ends.press('Tab');
    await shot(page, 'activity-form-phone');
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: activityTitle }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const id = activityIdOf(page);
    await page.getByText(`${dayFromToday(-2)} – ${dayFromToday(12)}`).waitFor();

    await page.getByRole('button', { name: 'Ghi nhận đóng góp' }).click();
    dialog = page.getByRole('dialog', { name: 'Ghi nhận đóng góp của đảng viên' });
    await page.getByRole('combobox', { name: 'Đảng viên', exact: true }).click();
    const neighbour = page.getByRole('option').filter({ hasNotText: MEMBER }).first();
    const other = (await neighbour.locator('p').first().innerText()).trim();
    await neighbour.click();
    await dialog.getByRole('radio', { name: 'Chủ trì, dẫn đầu' }).check();
    await dialog.getByLabel('Số ngày công').fill('2,5');
    await dialog.getByLabel('Tiền đóng góp').fill('500000');
    expect(await dialog.getByLabel('Tiền đóng góp').inputValue()).toBe('500.000 ₫');
    await shot(page, 'contribution-form-phone');
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByText('Đã ghi nhận đóng góp.').waitFor();
    const otherCard = page.getByRole('article', { name: other, exact: true });
    await otherCard.getByText('Đã xác nhận').waitFor();
    await otherCard.getByText('2,5 ngày công · 500.000 ₫').waitFor();
    expect(await page.getByRole('table').count(), 'cards, not a table, on a phone').toBe(0);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'activity-secretary-phone');
    await done(sec);

    // ── member, on a phone: finds the campaign, proposes their own part, sees it waiting
    const mb = await as('member', phone);
    page = mb.page;
    const memberNav = await navLinks(page);
    expect(memberNav).toEqual(expect.arrayContaining(['Phong trào địa phương', 'Nhắc nhở của tôi']));
    expect(memberNav).not.toContain('Chủ đề định hướng');
    await openNav(page, 'Phong trào địa phương');
    await page.getByRole('link', { name: activityTitle }).click();
    await page.getByRole('heading', { level: 1, name: activityTitle }).waitFor();
    expect(await page.getByRole('button', { name: 'Ghi nhận đóng góp' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Đề nghị ghi nhận phần của tôi' }).click();
    dialog = page.getByRole('dialog', { name: 'Đề nghị ghi nhận đóng góp của tôi' });
    expect(await dialog.getByRole('combobox', { name: 'Đảng viên' }).count(), 'no member picker').toBe(0);
    await dialog.getByLabel('Số ngày công').fill('1');
    await dialog.getByLabel('Đóng góp hiện vật').fill('10 bao xi măng');
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị. Đóng góp sẽ được tính khi chi bộ xác nhận.').waitFor();
    const mine = page.getByRole('article', { name: MEMBER, exact: true });
    await mine.getByText('Chờ xác nhận').waitFor();
    await mine.getByText('Đang chờ chi bộ xác nhận').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'activity-member-proposed-phone');
    // a second proposal, which the secretary will not confirm
    await page.getByRole('button', { name: 'Đề nghị ghi nhận phần của tôi' }).click();
    await dialog.getByLabel('Đóng góp chuyên môn').fill('Vẽ lại sơ đồ ngõ');
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await getActivity(page, id)).contributions.filter((c) => c.status === 'proposed')).toHaveLength(
      2,
    );
    await done(mb);

    // ── secretary: told by a notification; confirms one proposal, rejects the other (asked first)
    const dec = await as('cell.secretary', phone);
    page = dec.page;
    await page.goto('/notifications');
    await notificationCard(page, `“${activityTitle}”`).getByText(`Đồng chí ${MEMBER} đề nghị`).waitFor();
    await notificationCard(page, `“${activityTitle}”`).getByRole('button', { name: 'Mở' }).click();
    await page.getByRole('heading', { level: 1, name: activityTitle }).waitFor();
    await page.getByText('Có 2 đóng góp do đảng viên tự đề nghị đang chờ chi bộ xác nhận.').waitFor();
    const proposals = page.getByRole('article', { name: MEMBER, exact: true });
    const inKind = proposals.filter({ hasText: '10 bao xi măng' });
    const expertise = proposals.filter({ hasText: 'Vẽ lại sơ đồ ngõ' });
    await inKind.getByRole('button', { name: `Xác nhận đóng góp của ${MEMBER}`, exact: true }).click();
    await page.getByText('Đã xác nhận đóng góp.').waitFor();
    await inKind.getByText('Đã xác nhận').waitFor();
    await expertise
      .getByRole('button', { name: `Không xác nhận đóng góp của ${MEMBER}`, exact: true })
      .click();
    dialog = page.getByRole('dialog', { name: 'Không xác nhận đóng góp' });
    await dialog.getByLabel('Lý do (nếu có)').fill('Chưa có trong biên bản nghiệm thu');
    await dialog.getByRole('button', { name: 'Không xác nhận' }).click();
    await page.getByText('Đã ghi nhận không xác nhận đóng góp.').waitFor();
    await expertise.getByText('Không xác nhận', { exact: true }).waitFor();
    await expertise.getByText('Chưa có trong biên bản nghiệm thu').waitFor();
    await page.getByText('Có 2 đóng góp').waitFor({ state: 'detached' });
    const after = await getActivity(page, id);
    expect(after).toMatchObject({ contributors: 2, workDays: 3.5, moneyVnd: 500_000, pending: 0 });
    await page.getByRole('group', { name: 'Tổng đóng góp đã xác nhận' }).getByText('3,5').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'activity-secretary-decided-phone');
    // the list shows the campaign with its totals
    await page.goto('/activities');
    await page
      .getByRole('link', { name: activityTitle })
      .getByText('2 đảng viên · 3,5 ngày công · 500.000 ₫')
      .waitFor();
    await shot(page, 'activities-list-phone');
    await done(dec);

    // ── on a PC the secretary reads the parts as a table
    const pc = await as('cell.secretary');
    page = pc.page;
    await page.goto(`/activities/${id}`);
    const table = page.getByRole('table', { name: 'Đóng góp của đảng viên' });
    await table
      .getByRole('row', { name: new RegExp(other) })
      .getByText('Chủ trì, dẫn đầu')
      .waitFor();
    await shot(page, 'activity-secretary-desktop');
    // the same page in English: every word comes from the translations
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: "Members' contributions" }).waitFor();
    await page.getByRole('table').getByText('Led it').waitFor();
    await shot(page, 'activity-secretary-desktop-en');
    await page.goto('/warnings');
    await page.getByRole('heading', { level: 1, name: 'Member warnings' }).waitFor();
    await shot(page, 'warnings-secretary-desktop-en');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhắc nhở đảng viên' }).waitFor();
    await done(pc);
  });

  it('the cell warns a member; the member replies under “My warnings”; the cell resolves it', async () => {
    const reason = 'Vắng sinh hoạt hai buổi liền không báo lý do';

    // ── secretary, on a phone
    const sec = await as('cell.secretary', phone);
    let page = sec.page;
    await openNav(page, 'Nhắc nhở đảng viên');
    await page.getByRole('heading', { level: 1, name: 'Nhắc nhở đảng viên' }).waitFor();
    await page.getByRole('button', { name: 'Nhắc nhở đảng viên' }).click();
    let dialog = page.getByRole('dialog', { name: 'Nhắc nhở đảng viên' });
    await dialog.getByText(`Chi bộ: ${CELL}`).waitFor();
    await pickOption(page, 'Đảng viên', MEMBER, 'Nguyen Van An');
    await dialog.getByLabel('Nội dung nhắc nhở').fill(reason);
    await dialog.getByLabel('Thời hạn khắc phục').fill(dayFromToday(30));
    await dialog.getByLabel('Thời hạn khắc phục').press('Tab');
    await shot(page, 'warning-form-phone');
    await dialog.getByRole('button', { name: 'Gửi nhắc nhở' }).click();
    await page.getByText(`Đã gửi nhắc nhở tới đồng chí ${MEMBER}.`).waitFor();
    const card = page.getByRole('article').filter({ hasText: reason });
    await card.getByText('Đang chờ khắc phục').waitFor();
    await card.getByText(`Thời hạn khắc phục: ${dayFromToday(30)}`).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'warnings-secretary-phone');
    await done(sec);

    // ── member, on a phone: told, reads it under "My warnings", replies
    const mb = await as('member', phone);
    page = mb.page;
    await page.goto('/notifications');
    await notificationCard(page, 'Chi bộ nơi cư trú gửi nhắc nhở')
      .getByText(`${CELL} gửi nhắc nhở tới đồng chí, thời hạn khắc phục đến ${dayFromToday(30)}.`, {
        exact: false,
      })
      .waitFor();
    await openNav(page, 'Nhắc nhở của tôi');
    await page.getByRole('heading', { level: 1, name: 'Nhắc nhở của tôi' }).waitFor();
    const mine = page.getByRole('article').filter({ hasText: reason });
    await mine.getByRole('button', { name: 'Trả lời chi bộ' }).click();
    await mine
      .getByLabel('Ý kiến của đồng chí')
      .fill('Tôi đi công tác dài ngày, từ tháng sau sẽ tham gia đầy đủ.');
    await mine.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Đã gửi trả lời tới chi bộ.').waitFor();
    await mine.getByText(/^Đồng chí đã trả lời ngày/).waitFor();
    expect(await mine.getByRole('button', { name: 'Ghi nhận đã khắc phục' }).count()).toBe(0);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'warnings-member-phone');
    await done(mb);

    // ── secretary: reads the reply, records the improvement
    const res = await as('cell.secretary', phone);
    page = res.page;
    await page.goto('/warnings');
    const open = page.getByRole('article').filter({ hasText: reason });
    await open.getByText('Tôi đi công tác dài ngày, từ tháng sau sẽ tham gia đầy đủ.').waitFor();
    await open.getByRole('button', { name: 'Ghi nhận đã khắc phục' }).click();
    dialog = page.getByRole('dialog', { name: 'Ghi nhận đã khắc phục' });
    await dialog.getByLabel('Kết quả khắc phục').fill('Đã tham gia đầy đủ buổi sinh hoạt gần nhất.');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận đảng viên khắc phục.').waitFor();
    await open.getByText('Đã khắc phục', { exact: true }).waitFor();
    await pickOption(page, 'Trạng thái', 'Đang chờ khắc phục');
    await page.getByRole('article').filter({ hasText: reason }).waitFor({ state: 'detached' });
    await pickOption(page, 'Trạng thái', 'Đã khắc phục');
    await page.getByRole('article').filter({ hasText: reason }).waitFor();
    const resolved = await findWarning(page, reason);
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'Đã tham gia đầy đủ buổi sinh hoạt gần nhất.',
    });
    await done(res);

    // ── on the member's page: the year's campaigns, the warnings; a new one given there is withdrawn
    const pg = await as('cell.secretary', phone);
    page = pg.page;
    await page.goto(`/members/${resolved.memberId}`);
    const year = page.getByRole('region', { name: 'Đóng góp trong năm' });
    // the confirmed part and not the rejected one (test 1)
    const part = year.getByRole('listitem').filter({ hasText: activityTitle });
    await part.getByText('Trực tiếp tham gia · 1,0 ngày công · 10 bao xi măng').waitFor();
    expect(await part.count()).toBe(1);
    await shotOf(year, 'member-page-campaigns-phone');
    const warnings = page.getByRole('region', { name: 'Nhắc nhở, cảnh báo' });
    await warnings.getByText(reason).waitFor();
    await warnings.getByRole('button', { name: 'Nhắc nhở', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Nhắc nhở đảng viên' });
    await dialog.getByText(`Đảng viên: ${MEMBER}`).waitFor();
    await dialog.getByText('Cảnh báo', { exact: true }).click();
    const mistaken = 'Ghi nhầm người';
    await dialog.getByLabel('Nội dung nhắc nhở').fill(mistaken);
    await dialog.getByRole('button', { name: 'Gửi nhắc nhở' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const wrong = warnings.getByRole('article').filter({ hasText: mistaken });
    await wrong.getByRole('button', { name: 'Rút lại' }).click();
    dialog = page.getByRole('dialog', { name: 'Rút lại nhắc nhở' });
    await dialog.getByText(`Rút lại cảnh báo đối với đồng chí ${MEMBER}?`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Rút lại' }).click();
    await page.getByText('Đã rút lại nhắc nhở.').waitFor();
    await wrong.getByText(/^Chi bộ đã rút lại ngày/).waitFor();
    expect((await findWarning(page, mistaken)).status).toBe('withdrawn');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'member-page-phone');
    await shotOf(warnings, 'member-page-warnings-phone');
    await done(pg);
  });

  it('the commune directs a topic to its cells; the cell secretary reads it', async () => {
    const title = 'Lấy ý kiến quy hoạch chợ';

    // ── commune officer, at the office
    const cm = await as('commune.officer');
    let page = cm.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Chủ đề định hướng', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chủ đề định hướng' }).waitFor();
    await page.getByRole('button', { name: 'Định hướng chủ đề' }).click();
    const dialog = page.getByRole('dialog', { name: 'Định hướng chủ đề cho các chi bộ' });
    await dialog.getByText('Xã/phường: Đảng bộ phường Thành Vinh').waitFor();
    await dialog.getByRole('textbox', { name: 'Chủ đề', exact: true }).fill(title);
    await dialog
      .getByLabel('Nội dung, yêu cầu')
      .fill('Lấy ý kiến đảng viên về vị trí chợ mới; báo cáo trước cuối tháng.');
    await dialog.getByRole('button', { name: 'Gửi tới các chi bộ' }).click();
    await page.getByText('Đã gửi chủ đề tới các chi bộ của Đảng bộ phường Thành Vinh.').waitFor();
    await page.getByRole('article', { name: title }).waitFor();
    await shot(page, 'topics-commune-desktop');
    await done(cm);

    // ── cell secretary, on a phone: told, and the topic is in force for the cell
    const sec = await as('cell.secretary', phone);
    page = sec.page;
    await page.goto('/notifications');
    await notificationCard(page, 'Xã/phường định hướng chủ đề sinh hoạt').getByText(`“${title}”`).waitFor();
    await openNav(page, 'Chủ đề định hướng');
    await page.getByRole('heading', { level: 1, name: 'Chủ đề định hướng' }).waitFor();
    const topic = page.getByRole('article', { name: title });
    await topic.getByText('Do Đảng bộ phường Thành Vinh định hướng').waitFor();
    expect(
      await page.getByRole('button', { name: 'Định hướng chủ đề' }).count(),
      'read-only for a cell',
    ).toBe(0);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'topics-secretary-phone');
    await done(sec);
  });
});
