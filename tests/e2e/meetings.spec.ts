import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  screenshot,
  skipBrowser,
  type TestPage,
} from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';
import { pickOption } from './fixtures/introductions';
import { allowRefusal, getMeeting, minutesFromNow, scheduleMeeting } from './fixtures/meetings';

const phone = { viewport: { width: 360, height: 740 } };
/** the demo working member placed in the demo cell (Chi bộ khối 5), who has an account */
const MEMBER = 'Nguyễn Văn An';
const CELL = 'Chi bộ khối 5';

async function noSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
}

function notificationCard(page: Page, text: string) {
  return page.locator('.mantine-Card-root').filter({ hasText: text }).first();
}

async function openNav(page: Page, link: string) {
  await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

/** Regulation 213, Art. 4.3–4.4: the residential cell meets its working members; every participation is on record. */
describe.skipIf(skipBrowser)('residential cell life: meetings and attendance', () => {
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

  it('the secretary schedules; the member answers and checks in by QR; the secretary ticks the rest', async () => {
    const title = 'Sinh hoạt định kỳ';

    // ── secretary, on a phone: schedule a meeting starting in 10 minutes
    const sec = await as('cell.secretary', phone);
    let page = sec.page;
    await openNav(page, 'Sinh hoạt chi bộ');
    await page.getByRole('heading', { name: 'Sinh hoạt chi bộ' }).waitFor();
    const id = await scheduleMeeting(page, {
      title,
      startsAt: minutesFromNow(10),
      topics: ['Vệ sinh môi trường khu dân cư', 'Lắp đèn chiếu sáng ngõ 12'],
    });
    await page.getByText(/^Đã lên lịch và gửi lời mời tới \d+ đảng viên\.$/).waitFor();
    await page.getByText('Lắp đèn chiếu sáng ngõ 12').waitFor();
    // the QR shown at the meeting, for self check-in
    await page
      .getByRole('img', { name: `Mã QR điểm danh buổi ${title}` })
      .first()
      .waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-secretary-scheduled');
    const { checkInUrl } = await getMeeting(page, id);
    expect(checkInUrl).toMatch(new RegExp(`/meetings/${id}/check-in\\?code=[\\w-]{6,}$`));
    const checkIn = new URL(checkInUrl!);
    await done(sec);

    // ── member: the invitation; cannot attend (with a reason), then changes to will attend
    const mb = await as('member', phone);
    page = mb.page;
    await page.goto('/notifications');
    await notificationCard(page, `“${title}”`).getByRole('button', { name: 'Mở' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    const invitation = page.getByRole('region', { name: 'Lời mời của đồng chí' });
    await invitation.getByRole('button', { name: 'Không tham dự được' }).click();
    await invitation.getByLabel('Lý do không tham dự').fill('Đi công tác Hà Nội');
    await invitation.getByRole('button', { name: 'Gửi báo vắng' }).click();
    await page.getByText('Đã báo vắng và lý do.').waitFor();
    await invitation.getByText('Lý do: Đi công tác Hà Nội').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-member-declined');
    await invitation.getByRole('button', { name: 'Sẽ tham dự' }).click();
    await page.getByText('Đã báo sẽ tham dự.').waitFor();
    await invitation.getByText('Lý do: Đi công tác Hà Nội').waitFor({ state: 'detached' });
    expect(await invitation.getByRole('button', { name: 'Sẽ tham dự' }).isDisabled()).toBe(true);
    expect((await getMeeting(page, id)).attendance).toEqual([
      expect.objectContaining({ fullName: MEMBER, rsvp: 'attending', status: 'unrecorded' }),
    ]);
    await done(mb);

    // ── at the meeting: the QR link; without a session the login page brings the member back to it
    const qr = await newPage(browser, phone);
    page = qr.page;
    await page.goto(checkIn.pathname + checkIn.search);
    await page.waitForURL((u) => u.pathname === '/login');
    await page
      .getByLabel(/Tên đăng nhập/)
      .first()
      .fill('member');
    await page
      .getByLabel(/Mật khẩu/)
      .first()
      .fill('Demo@2026');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL((u) => u.pathname === checkIn.pathname && u.search === checkIn.search);
    await page.getByRole('heading', { name: 'Điểm danh' }).waitFor();
    // a wrong code is refused with a message the member can act on
    await page.goto(`${checkIn.pathname}?code=SAI-MA-12345`);
    await page.getByRole('button', { name: 'Điểm danh' }).click();
    await page
      .getByRole('alert')
      .getByText('Mã điểm danh không đúng. Hãy quét lại mã QR tại buổi sinh hoạt.')
      .waitFor();
    allowRefusal(qr, 422);
    await page.goto(checkIn.pathname + checkIn.search);
    await page.getByRole('button', { name: 'Điểm danh' }).click();
    const checked = page.getByRole('status').filter({ hasText: 'Đã điểm danh' });
    await checked.getByText('Có mặt', { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-member-checked-in');
    await done(qr);

    // ── secretary: the self check-in is on the tick list; the others are ticked by hand
    const tick = await as('cell.secretary', phone);
    page = tick.page;
    await page.goto(`/meetings/${id}`);
    const own = page.getByRole('article', { name: MEMBER, exact: true });
    await own.getByText(/^Tự điểm danh/).waitFor();
    expect(await own.getByRole('radio', { name: 'Có mặt', exact: true }).getAttribute('aria-checked')).toBe(
      'true',
    );
    const rows = (await getMeeting(page, id)).attendance;
    const todo = rows.filter(
      (r) => r.status === 'unrecorded' && rows.filter((x) => x.fullName === r.fullName).length === 1,
    );
    expect(todo.length, 'other invited members to tick').toBeGreaterThanOrEqual(3);
    const [excused, late, ...present] = todo;
    const card = (name: string) => page.getByRole('article', { name, exact: true });
    await card(excused!.fullName).getByRole('radio', { name: 'Vắng có lý do' }).click();
    await card(excused!.fullName).getByLabel('Lý do vắng').fill('Ốm, gia đình báo trước');
    await card(late!.fullName).getByRole('radio', { name: 'Muộn' }).click();
    for (const r of present)
      await card(r.fullName).getByRole('radio', { name: 'Có mặt', exact: true }).click();
    await card(excused!.fullName).scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-tick-list');
    await page.getByRole('button', { name: `Lưu điểm danh (${todo.length})` }).click();
    await page.getByText(`Đã lưu điểm danh ${todo.length} đảng viên.`).waitFor();
    const after = await getMeeting(page, id);
    const statusOf = (name: string) => after.attendance.find((r) => r.fullName === name)?.status;
    expect(statusOf(excused!.fullName)).toBe('absent_excused');
    expect(statusOf(late!.fullName)).toBe('late');
    expect(present.map((r) => statusOf(r.fullName))).toEqual(present.map(() => 'present'));
    expect(statusOf(MEMBER)).toBe('present');
    // it has not started yet: it cannot be recorded as held
    expect(await page.getByRole('button', { name: 'Ghi nhận đã họp' }).isDisabled()).toBe(true);
    await done(tick);
  });

  it('a started meeting is recorded as held, with minutes and an opinion; the half-year is met', async () => {
    const title = 'Sinh hoạt đã họp';
    const sec = await as('cell.secretary', phone);
    let page = sec.page;
    await page.goto('/meetings');
    const id = await scheduleMeeting(page, {
      title,
      startsAt: minutesFromNow(-20),
      topics: ['Lắp đèn chiếu sáng ngõ 12'],
    });
    await page
      .getByRole('article', { name: MEMBER, exact: true })
      .getByRole('radio', { name: 'Có mặt', exact: true })
      .click();
    await page.getByRole('button', { name: 'Lưu điểm danh (1)' }).click();
    await page.getByText('Đã lưu điểm danh 1 đảng viên.').waitFor();

    // record as held: asked first, since the unrecorded become absent
    await page.getByRole('button', { name: 'Ghi nhận đã họp' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ghi nhận buổi sinh hoạt đã diễn ra?' });
    await confirm.getByText(/^Còn \d+ đảng viên chưa được điểm danh:$/).waitFor();
    await confirm.getByText(/người còn lại sẽ ghi là vắng không lý do/).waitFor();
    await screenshot(page, 'meetings-hold-confirm');
    await confirm.getByRole('button', { name: 'Ghi nhận đã họp' }).click();
    await page.getByText('Đã ghi nhận buổi sinh hoạt. Hãy ghi biên bản.').waitFor();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('Đã họp', { exact: true }).first().waitFor();
    const held = await getMeeting(page, id);
    expect(held.status).toBe('held');
    expect(held.attendance.filter((r) => r.status === 'unrecorded')).toEqual([]);
    expect(held.attendance.find((r) => r.fullName === MEMBER)?.status).toBe('present');

    // minutes, then an opinion given by the member who was there
    await page.getByRole('tab', { name: 'Biên bản' }).click();
    await page
      .getByLabel('Nội dung chính')
      .fill('Khu dân cư giữ vệ sinh tốt; ngõ 12 còn thiếu đèn chiếu sáng.');
    await page.getByLabel('Kết luận, quyết định').fill('Đề nghị phường lắp 3 bóng đèn trong quý tới.');
    await page.getByRole('button', { name: 'Lưu biên bản' }).click();
    await page.getByText('Đã lưu biên bản.').waitFor();
    await pickOption(page, 'Người phát biểu', MEMBER);
    await page.getByText('Kiến nghị', { exact: true }).click();
    const topic = page.getByRole('combobox', { name: 'Về vấn đề' });
    await topic.fill('Lắp đèn chiếu sáng ngõ 12');
    await topic.press('Escape');
    await page
      .getByRole('textbox', { name: 'Nội dung', exact: true })
      .fill('Gia đình tôi xin góp tiền mua một bóng đèn.');
    await page.getByRole('button', { name: 'Thêm vào biên bản' }).click();
    await page.getByText('Đã ghi ý kiến vào biên bản.').waitFor();
    const opinions = page.getByRole('region', { name: 'Ý kiến, kiến nghị' }).getByRole('listitem');
    expect(await opinions.count()).toBe(1);
    await opinions.first().getByText(MEMBER).waitFor();
    await opinions.first().getByText('Gia đình tôi xin góp tiền mua một bóng đèn.').waitFor();
    await opinions.first().getByText('Kiến nghị', { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-minutes');

    // the printable register
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Sổ điểm danh (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // compliance: this half-year now has its regular meeting
    const half = new Date().getMonth() < 6 ? '6 tháng đầu năm' : '6 tháng cuối năm';
    await openNav(page, 'Tình hình sinh hoạt');
    const cell = page.getByRole('article', { name: CELL });
    await cell
      .locator('.mantine-Group-root', { hasText: half })
      .getByText(/^\d+\/1 · Đạt$/)
      .waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'meetings-compliance-phone');
    await done(sec);

    // the commune sees every cell, the half-years in colour
    const cm = await as('commune.officer');
    page = cm.page;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Tình hình sinh hoạt', exact: true })
      .click();
    const table = page.getByRole('table', { name: /^Sinh hoạt năm \d{4} theo chi bộ$/ });
    await table
      .getByRole('row', { name: new RegExp(CELL) })
      .getByText(/^\d+\/1 · Đạt$/)
      .waitFor();
    await screenshot(page, 'meetings-compliance-commune');
    await done(cm);

    // the member: the meeting among their past ones, present, with the minutes to read
    const mb = await as('member', phone);
    page = mb.page;
    await openNav(page, 'Sinh hoạt nơi cư trú');
    const past = page.getByRole('region', { name: 'Buổi đã qua' });
    const mine = past.getByRole('link', { name: new RegExp(title) });
    await mine.getByText('Có mặt', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Kết quả tham gia của tôi' })
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByText('Có mặt', { exact: true })
      .waitFor();
    await screenshot(page, 'meetings-member-own');
    await mine.click();
    await page.getByText('Đề nghị phường lắp 3 bóng đèn trong quý tới.').waitFor();
    await done(mb);
  });

  it('two unexcused absences in a row reach the workplace', async () => {
    // two meetings earlier today, over already: recorded as held afterwards, the member ticked absent
    const sec = await as('cell.secretary');
    const page = sec.page;
    const titles = ['Sinh hoạt vắng lần 1', 'Sinh hoạt vắng lần 2'];
    for (const [i, title] of titles.entries()) {
      await page.goto('/meetings');
      await scheduleMeeting(page, {
        title,
        startsAt: minutesFromNow(-60 + i * 10),
        minutes: 5,
        record: true,
      });
      await page.getByText('Đã ghi lại buổi sinh hoạt đã họp. Hãy điểm danh và ghi biên bản.').waitFor();
      await page
        .getByRole('article', { name: MEMBER, exact: true })
        .getByRole('radio', { name: 'Vắng không lý do', exact: true })
        .click();
      await page.getByRole('button', { name: 'Lưu điểm danh (1)' }).click();
      await page.getByText('Đã lưu điểm danh 1 đảng viên.').waitFor();
    }
    await done(sec);

    // the workplace committee is told, and finds the record behind the notice on the member's page
    const wp = await as('workplace.officer');
    const wpage = wp.page;
    await wpage.goto('/notifications');
    const notice = notificationCard(
      wpage,
      `Đồng chí ${MEMBER} vắng không lý do 2 buổi sinh hoạt liên tiếp tại ${CELL} (Điều 4.4, Quy định 213).`,
    );
    await notice.getByText('Đảng viên vắng sinh hoạt nhiều buổi liên tiếp').waitFor();
    await screenshot(wpage, 'meetings-absences-notice');
    await notice.getByRole('button', { name: 'Mở' }).click();
    const record = wpage.getByRole('region', { name: 'Sinh hoạt nơi cư trú', exact: true });
    for (const title of titles)
      await record.getByRole('listitem').filter({ hasText: title }).getByText('Vắng không lý do').waitFor();
    await record.scrollIntoViewIfNeeded();
    await screenshot(wpage, 'meetings-member-record');
    await done(wp);
  });
});
