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
import { pickOption, queueMembers, summaryCommuneId, type QueueMember } from './fixtures/introductions';

const phone = { viewport: { width: 360, height: 740 } };

async function noSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
}

function notificationCard(page: Page, text: string) {
  return page.locator('.mantine-Card-root').filter({ hasText: text }).first();
}

/** Regulation 213: workplace → commune → residential cell → member, and the hand-offs in between. */
describe.skipIf(skipBrowser)('introductions and hand-offs', () => {
  useSpecServer();
  let browser: Browser;
  // demo members of "Công ty Điện lực Nghệ An" living in phường Thành Vinh (the demo commune)
  let batch: QueueMember[];
  let sentBack: QueueMember;
  let expelled: QueueMember;

  beforeAll(async () => {
    browser = await launchBrowser();
    const tp = await newPage(browser);
    await login(tp.page, 'member');
    const me = (await (await tp.page.request.get('/api/auth/me')).json()) as { user: { memberId: string } };
    await tp.context.close();

    const wp = await newPage(browser);
    await login(wp.page, 'workplace.officer');
    const thanhVinh = await summaryCommuneId(wp.page, 'Thành Vinh');
    const fresh = await queueMembers(wp.page, 'not_introduced', thanhVinh);
    expect(fresh.length, 'demo workplace has members without a letter in Thành Vinh').toBeGreaterThanOrEqual(
      3,
    );
    // the first of the batch has a phone: the cell secretary calls them
    const withPhone = fresh.find((m) => m.phone)!;
    expect(withPhone, 'a member with a phone number').toBeTruthy();
    const others = fresh.filter((m) => m !== withPhone);
    batch = [withPhone, others[0]!];
    sentBack = others[1]!;
    const placed = await queueMembers(wp.page, 'placed', thanhVinh);
    expelled = placed.find((m) => m.memberId !== me.user.memberId)!;
    expect(expelled, 'a placed member to expel').toBeTruthy();
    await wp.context.close();
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

  it('workplace issues a batch, the commune places it, the cell acknowledges', async () => {
    // ── workplace: pick members of one commune from the summary, create and issue at once
    const wp = await as('workplace.officer');
    let page = wp.page;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Giới thiệu sinh hoạt', exact: true })
      .click();
    const summary = page.getByRole('table', { name: 'Tổng hợp theo nơi cư trú' });
    await summary.waitFor();
    await summary
      .getByRole('row', { name: /Thành Vinh/ })
      .getByRole('button')
      .first()
      .click();
    await page.getByText('Đảng bộ phường Thành Vinh', { exact: true }).first().waitFor();
    for (const m of batch) await page.getByRole('checkbox', { name: `Chọn ${m.fullName}` }).check();
    await screenshot(page, 'intro-workplace-queue');
    await page.getByRole('button', { name: 'Lập và ký ban hành (2)' }).click();
    await page.getByText('Đã lập 2 giấy, đã ký ban hành 2, bỏ qua 0.').waitFor();
    const pdf = await page.getByRole('link', { name: 'Tải tệp PDF cả đợt' }).getAttribute('href');
    const pdfRes = await page.request.get(pdf!);
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toContain('application/pdf');
    await screenshot(page, 'intro-workplace-batch');
    await done(wp);

    // ── commune: accept both, one of them into the demo cell (khối 5)
    const cm = await as('commune.officer');
    page = cm.page;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Tiếp nhận đảng viên', exact: true })
      .click();
    await page.getByRole('table', { name: 'Giấy giới thiệu gửi đến' }).waitFor();
    for (const m of batch) await page.getByRole('checkbox', { name: `Chọn giấy của ${m.fullName}` }).check();
    await page.getByRole('button', { name: 'Tiếp nhận và phân công (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tiếp nhận và phân công về chi bộ (2)' });
    for (const m of batch) await pickOption(page, `Chi bộ cho ${m.fullName}`, 'Chi bộ khối 5');
    await screenshot(page, 'intro-commune-place');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã phân công 2 đảng viên về chi bộ; 0 giấy chờ phân công sau.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await done(cm);

    // ── cell secretary, on a phone: the new arrival is on top; acknowledge it
    const cell = await as('cell.secretary', phone);
    page = cell.page;
    await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Đảng viên về sinh hoạt', exact: true })
      .click();
    const card = page.getByRole('article', { name: batch[0]!.fullName });
    await card.getByText('Mới về').waitFor();
    expect(await card.getByRole('link', { name: /\d/ }).first().getAttribute('href')).toMatch(/^tel:/);
    await noSidewaysScroll(page);
    await screenshot(page, 'intro-cell-new-arrival');
    await card.getByRole('button', { name: 'Đã tiếp nhận' }).click();
    await page.getByText('Đã xác nhận tiếp nhận 1 đảng viên.').waitFor();
    await card.getByText('Mới về').waitFor({ state: 'detached' });
    await done(cell);

    // ── workplace: told by a notification; the letter shows the whole path
    const back = await as('workplace.officer');
    page = back.page;
    await page.goto('/notifications');
    await notificationCard(page, `Chi bộ khối 5 đã tiếp nhận đảng viên ${batch[0]!.fullName}.`)
      .getByRole('button', { name: 'Mở' })
      .click();
    await page.getByRole('heading', { name: /Giấy giới thiệu số \d+-GGT\/ĐU/ }).waitFor();
    await page.getByText('Chi bộ đã tiếp nhận', { exact: true }).first().waitFor();
    for (const step of ['Ký ban hành', 'Xã/phường tiếp nhận', 'Phân công về chi bộ', 'Chi bộ tiếp nhận'])
      await page.getByText(step, { exact: true }).first().waitFor();
    await screenshot(page, 'intro-letter-page');
    await done(back);
  });

  it('the member sees the letter and how to reach the residence cell', async () => {
    const tp = await as('member', phone);
    const { page } = tp;
    await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Nơi cư trú của tôi', exact: true }).click();
    await page.getByRole('heading', { name: 'Nơi cư trú của tôi' }).waitFor();
    await page
      .getByText(/^\d+-GGT\/ĐU$/)
      .first()
      .waitFor();
    const cell = page.getByRole('region', { name: 'Chi bộ nơi cư trú' });
    await cell.getByText('Bí thư chi bộ').waitFor();
    expect(await cell.getByRole('link').first().getAttribute('href')).toMatch(/^tel:\d+/);
    const pdf = await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href');
    const res = await page.request.get(pdf!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await noSidewaysScroll(page);
    await screenshot(page, 'intro-my-residence');
    await done(tp);
  });

  it('the commune sends a letter back; the workplace corrects it and sends it to another commune', async () => {
    const wp = await as('workplace.officer');
    let page = wp.page;
    await page.goto('/introductions');
    await page.getByLabel('Tìm kiếm').fill(sentBack.cardNumber);
    await page.getByText('Đang hiển thị 1 đảng viên').waitFor();
    await page.getByRole('checkbox', { name: `Chọn ${sentBack.fullName}` }).check();
    await page.getByRole('button', { name: 'Lập và ký ban hành (1)' }).click();
    await page.getByText('Đã lập 1 giấy, đã ký ban hành 1, bỏ qua 0.').waitFor();
    await done(wp);

    const cm = await as('commune.officer');
    page = cm.page;
    await page.goto('/introductions/inbox');
    await page.getByRole('checkbox', { name: `Chọn giấy của ${sentBack.fullName}` }).check();
    await page.getByRole('button', { name: 'Trả lại (1)' }).click();
    const reject = page.getByRole('dialog', { name: 'Trả lại giấy giới thiệu (1)' });
    await reject.getByRole('radio', { name: 'Không cư trú trên địa bàn' }).check();
    await reject.getByLabel('Ghi chú').fill('Gia đình đã chuyển sang phường Trường Vinh');
    await screenshot(page, 'intro-commune-reject');
    await reject.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText('Đã trả lại 1 giấy giới thiệu.').waitFor();
    await done(cm);

    const fix = await as('workplace.officer');
    page = fix.page;
    await page.goto('/introductions?tab=letters');
    await pickOption(page, 'Trạng thái', 'Bị trả lại');
    const row = page.getByRole('row', { name: new RegExp(sentBack.fullName) });
    await row.getByText('Không cư trú trên địa bàn: Gia đình đã chuyển sang phường Trường Vinh').waitFor();
    await row.getByRole('button', { name: 'Sửa và gửi lại' }).click();
    const resend = page.getByRole('dialog', { name: `Sửa và gửi lại giấy giới thiệu: ${sentBack.fullName}` });
    await pickOption(page, 'Đảng ủy xã/phường nơi cư trú', /Trường Vinh/, 'truong vinh');
    await pickOption(page, 'Thôn/tổ dân phố', /Khối/);
    await resend.getByLabel('Số nhà, đường').fill('Số 12, đường Lê Duẩn');
    expect(await resend.getByRole('checkbox', { name: 'Ký ban hành ngay giấy mới' }).isChecked()).toBe(true);
    await screenshot(page, 'intro-workplace-resend');
    await resend.getByRole('button', { name: 'Gửi lại' }).click();
    await page.getByText(`Đã lập giấy giới thiệu mới cho ${sentBack.fullName}.`).waitFor();

    // the old letter is superseded and points to the new one, issued to phường Trường Vinh
    await pickOption(page, 'Trạng thái', 'Đã thay bằng giấy mới');
    await page.getByRole('link', { name: sentBack.fullName, exact: true }).click();
    await page.getByText('Đã thay bằng giấy mới', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Giấy sau' }).click();
    await page.getByText('Đã ký, chờ tiếp nhận', { exact: true }).first().waitFor();
    await page.getByText('Đảng bộ phường Trường Vinh', { exact: true }).waitFor();
    await done(fix);
  });

  it('a member reports a move; the workplace finds a draft letter and issues it', async () => {
    const mb = await as('member', phone);
    let page = mb.page;
    await page.goto('/my-residence');
    await page.getByRole('button', { name: 'Báo chuyển nơi ở' }).click();
    const form = page.getByRole('dialog', { name: 'Báo chuyển nơi ở' });
    // a member may pick only the communes they can see (see the report): the move stays in phường Thành Vinh
    await pickOption(page, 'Xã/phường nơi ở mới', /Thành Vinh/);
    await form.getByLabel('Số nhà, đường').fill('Số 8, đường Nguyễn Du');
    await screenshot(page, 'intro-member-move');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã ghi nhận việc chuyển nơi ở').waitFor();
    await page.getByText(/Nơi công tác đang chuẩn bị giấy giới thiệu mới/).waitFor();
    await noSidewaysScroll(page);
    await done(mb);

    const wp = await as('workplace.officer');
    page = wp.page;
    await page.goto('/notifications');
    await notificationCard(page, 'Cần giấy giới thiệu mới sau khi chuyển nơi ở')
      .getByRole('button', { name: 'Mở' })
      .click();
    await page.getByRole('heading', { name: 'Giấy giới thiệu (dự thảo)' }).waitFor();
    await page.getByRole('button', { name: 'Ký ban hành' }).click();
    await page.getByText('Đã ký ban hành giấy giới thiệu.').waitFor();
    await page.getByRole('heading', { name: /Giấy giới thiệu số \d+-GGT\/ĐU/ }).waitFor();
    await screenshot(page, 'intro-after-move-issued');
    await done(wp);
  });

  it('an expulsion notice asks first and reaches the commune', async () => {
    const wp = await as('workplace.officer');
    let page = wp.page;
    await page.goto('/introductions?tab=notices');
    await page.getByRole('button', { name: 'Gửi thông báo mới' }).click();
    const form = page.getByRole('dialog', { name: 'Gửi thông báo mới' });
    await pickOption(page, 'Đảng viên', new RegExp(expelled.fullName), expelled.cardNumber);
    await pickOption(page, 'Loại thông báo', 'Bị khai trừ');
    await form.getByText(/chấm dứt việc sinh hoạt nơi cư trú/).waitFor();
    await form.getByRole('button', { name: 'Gửi thông báo' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xác nhận gửi thông báo' });
    await confirm
      .getByText(`Gửi thông báo “Bị khai trừ” về ${expelled.fullName}?`, { exact: false })
      .waitFor();
    await screenshot(page, 'intro-notice-confirm');
    await confirm.getByRole('button', { name: 'Gửi thông báo' }).click();
    await page.getByText(`Đã gửi thông báo về ${expelled.fullName}.`).waitFor();
    await page.getByLabel('Thông báo đã gửi').getByText(expelled.fullName).first().waitFor();
    await done(wp);

    const cm = await as('commune.officer');
    page = cm.page;
    await page.goto('/introductions/inbox?tab=notices');
    const received = page.getByLabel('Thông báo nhận được');
    await received.getByText(expelled.fullName).first().waitFor();
    await received.getByText('Bị khai trừ').first().waitFor();
    await screenshot(page, 'intro-commune-notices');
    await received.getByRole('button', { name: 'Đánh dấu đã xem' }).first().click();
    await received
      .getByText(/Nơi cư trú đã xem ngày/)
      .first()
      .waitFor();
    await done(cm);
  });

  it('anyone can check a printed letter without logging in', async () => {
    const wp = await as('workplace.officer');
    const list = (await (
      await wp.page.request.get('/api/introductions/letters?side=workplace&status=issued&limit=1')
    ).json()) as { items: { id: string }[] };
    const letter = (await (
      await wp.page.request.get(`/api/introductions/letters/${list.items[0]!.id}`)
    ).json()) as {
      verifyUrl: string;
      number: string;
    };
    await done(wp);

    const tp = await newPage(browser, phone);
    const { page } = tp;
    await page.goto(new URL(letter.verifyUrl).pathname);
    await page.getByRole('heading', { name: 'Giấy giới thiệu hợp lệ' }).waitFor();
    await page.getByText(letter.number, { exact: true }).waitFor();
    await page
      .getByText(/^\d{2}\/\d{2}\/\d{4}$/)
      .first()
      .waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'intro-verify-valid');
    await page.goto('/verify/ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('heading', { name: 'Không tìm thấy giấy giới thiệu' }).waitFor();
    await screenshot(page, 'intro-verify-unknown');
    await done(tp);
  });
});
