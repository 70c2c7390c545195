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
  getEvaluation,
  myYearly,
  shot,
  shotOf,
  sidewaysOverflow,
  todayText,
  type EvaluationJson,
} from './fixtures/evaluations';
import { allowRefusal } from './fixtures/meetings';

const phone = { viewport: { width: 360, height: 740 } };
const CELL = 'Chi bộ khối 5';
const year = new Date().getFullYear();

/** Criteria of the full form (reg-213-2020), by their number on the form. */
const C = { example: 1, civic: 2, attendance: 3, contact: 4, campaigns: 5, proposal: 6 } as const;

async function openNav(page: Page, link: string) {
  await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
}

/** The radio group of one criterion of the form (its label starts with the criterion's number). */
function criterion(page: Page, n: number) {
  return page.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
}

async function rate(page: Page, n: number, level: string) {
  const radio = criterion(page, n).getByRole('radio', { name: level, exact: true });
  await radio.click();
  expect(await radio.getAttribute('aria-checked')).toBe('true');
}

/**
 * The glowing levels the form offers, and which of them the record contradicts (reg-213-2020's flags):
 * the test rates glowingly and must hit at least one flag, whatever the demo seed holds on record.
 */
function expectedFlags(e: Record<string, number>): string[] {
  const flagged: string[] = [];
  if (e.unexcusedAbsences! > 0) flagged.push('attendance');
  if (e.meetingsAttended === 0) flagged.push('contact');
  if (e.confirmedContributions === 0) flagged.push('campaigns');
  if (e.openWarnings! > 0) flagged.push('proposal');
  return flagged;
}

/**
 * Regulation 213, Art. 3.4, 4.4, 4.5: the yearly residence comment, from the workplace's request to the
 * member's dispute, each side on its own account (the cell secretary and the member on phones).
 */
describe.skipIf(skipBrowser)('the yearly residence evaluation', () => {
  useSpecServer();
  let browser: Browser;
  let member: { id: string; cardNumber: string; fullName: string };
  let flagged: string[] = [];

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
  /** Searches a list by the member's card number and waits until the list answered for it. */
  async function search(page: Page) {
    const answered = page.waitForResponse((r) => r.url().includes(`q=${member.cardNumber}`) && r.ok());
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(member.cardNumber);
    await answered;
  }
  /** Opens the member's evaluation from a side's work list, found by card number. */
  async function openFromList(page: Page) {
    await search(page);
    await page.getByRole('link', { name: member.fullName }).first().click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
  }
  async function status(page: Page, text: string) {
    await page.locator('.mantine-Badge-root').filter({ hasText: text }).first().waitFor();
  }

  it('the workplace opens the year’s cycle: every working member is asked for, the rest counted', async () => {
    const wp = await as('workplace.officer');
    const page = wp.page;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Nhận xét nơi cư trú', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Nhận xét nơi cư trú (nơi công tác)' }).waitFor();
    await page.getByText(`Chưa mở đợt nhận xét năm ${year}.`).waitFor();
    await page.getByRole('button', { name: 'Mở đợt nhận xét năm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở đợt nhận xét hằng năm' });
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    const result = page.getByRole('dialog', { name: `Kết quả mở đợt nhận xét năm ${year}` });
    const created = await result.getByText(/^Đã gửi \d+ đề nghị nhận xét mới\./).innerText();
    expect(Number(/\d+/.exec(created)![0])).toBeGreaterThan(10);
    // exempt members are not asked for (comments on demand only) and the officer sees who
    await result.getByText('Miễn sinh hoạt nơi cư trú').first().waitFor();
    await result.getByRole('button', { name: 'Đóng' }).click();
    await page.getByText(new RegExp(`^Đợt năm ${year}: mở`)).waitFor();
    await done(wp);
  });

  it('the member writes the self-report per duty on a phone and sends it to the cell', async () => {
    const mb = await as('member', phone);
    const page = mb.page;
    member = await myYearly(page);
    await openNav(page, 'Nhận xét của tôi');
    await page.getByRole('heading', { name: 'Nhận xét của tôi' }).waitFor();
    await page.getByText('Đã gửi đề nghị tới chi bộ nơi cư trú; chi bộ sẽ viết nhận xét.').waitFor();
    const report = page.getByRole('region', { name: `Bản tự báo cáo năm ${year}` });
    await report
      .getByLabel(/^3\. Dự các buổi sinh hoạt/)
      .fill('Dự họp tổ dân phố tháng 6; vắng buổi tháng 5 vì đi công tác.');
    await report.getByLabel(/^6\. Tham gia và vận động/).fill('Góp 2 ngày công làm đường ngõ 12.');
    await report.getByRole('button', { name: 'Gửi chi bộ' }).click();
    await page.getByText('Đã gửi bản tự báo cáo tới chi bộ nơi cư trú.').waitFor();
    await report.getByText(/^Đã gửi chi bộ lúc/).waitFor();
    // still editable until the cell signs
    await report.getByRole('button', { name: 'Gửi lại bản sửa' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'member-self-report');
    await done(mb);
  });

  it('the cell secretary drafts on a phone against the record; a contradicting rating needs a justification', async () => {
    const sec = await as('cell.secretary', phone);
    const page = sec.page;
    await openNav(page, 'Nhận xét đảng viên');
    await page.getByRole('heading', { name: 'Nhận xét đảng viên nơi cư trú' }).waitFor();
    await openFromList(page);
    const before: EvaluationJson = await getEvaluation(page, member.id);
    flagged = expectedFlags(before.evidence!);
    expect(
      flagged.length,
      `no glowing rating contradicts the record ${JSON.stringify(before.evidence)}`,
    ).toBeGreaterThan(0);

    // the record next to the criteria, and the member's own words
    const attendance = page.getByRole('region', { name: /^Tham gia sinh hoạt định kỳ/ });
    const { meetingsAttended, meetingsHeld } = before.evidence!;
    await attendance
      .getByText(
        meetingsHeld === 0
          ? 'Chi bộ chưa tổ chức buổi sinh hoạt nào trong năm'
          : `Dự ${meetingsAttended}/${meetingsHeld} buổi sinh hoạt`,
      )
      .waitFor();
    await attendance.getByText(/vắng buổi tháng 5 vì đi công tác/).waitFor();

    await rate(page, C.example, 'Có');
    await rate(page, C.civic, 'Chưa');
    await rate(page, C.attendance, 'Đầy đủ');
    await rate(page, C.contact, 'Thường xuyên, tích cực');
    await rate(page, C.campaigns, 'Rất tích cực');
    await rate(page, C.proposal, 'Đề nghị khen thưởng');
    const joint = page.getByRole('region', { name: 'Họp liên tịch với ban công tác Mặt trận' });
    const day = joint.getByLabel('Ngày họp liên tịch');
    await day.fill(todayText());
    await day.press('Tab');
    await joint.getByLabel('Thành phần dự họp').fill('Chi ủy, trưởng ban công tác Mặt trận khối 5');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/^Đã lưu nháp\. Có \d+ đánh giá mâu thuẫn với số liệu/).waitFor();
    // the server's flags, on the criteria they concern
    const saved = await getEvaluation(page, member.id);
    expect([...new Set(saved.form!.flags.map((f) => f.criterion))].sort()).toEqual([...flagged].sort());
    await expect(page.getByText('Đánh giá mâu thuẫn với số liệu', { exact: true }).count()).resolves.toBe(
      flagged.length,
    );

    // signing without a justification is refused on the field
    await page.getByRole('button', { name: 'Ký phiếu' }).click();
    await page
      .getByRole('dialog', { name: 'Ký phiếu nhận xét' })
      .getByRole('button', { name: 'Ký và gửi xã/phường' })
      .click();
    await page.getByText('Đánh giá này mâu thuẫn với số liệu: hãy ghi lý do.').first().waitFor();
    allowRefusal(sec, 422);
    await shotOf(
      page.getByRole('region', { name: new RegExp(`^${labelOf(flagged[0]!)}`) }),
      'secretary-flagged-criterion',
    );

    const reasons = page.getByRole('textbox', { name: /^Lý do đánh giá/ });
    expect(await reasons.count()).toBe(flagged.length);
    for (let i = 0; i < flagged.length; i++)
      await reasons.nth(i).fill('Theo ý kiến thống nhất tại cuộc họp liên tịch, có xác minh với tổ dân phố.');
    // the Front head has not co-signed: a clear notice, not a code
    await page.getByRole('button', { name: 'Ký phiếu' }).click();
    await page
      .getByRole('dialog', { name: 'Ký phiếu nhận xét' })
      .getByRole('button', { name: 'Ký và gửi xã/phường' })
      .click();
    await page.getByRole('alert').filter({ hasText: 'Chờ trưởng ban công tác Mặt trận ký' }).waitFor();
    allowRefusal(sec, 409);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'secretary-drafting');
    await done(sec);
  });

  it('the Front head co-signs on a phone, then the secretary signs', async () => {
    const fr = await as('front.head', phone);
    let page = fr.page;
    await openNav(page, 'Nhận xét đảng viên');
    await openFromList(page);
    const card = page.getByRole('region', { name: 'Ký xác nhận của ban công tác Mặt trận' });
    await card.getByRole('button', { name: 'Ký xác nhận' }).click();
    await page
      .getByRole('dialog', { name: 'Ký xác nhận phiếu' })
      .getByRole('button', { name: 'Ký xác nhận' })
      .click();
    await page.getByText('Đã ký xác nhận. Bí thư chi bộ có thể ký phiếu.').waitFor();
    await card.waitFor({ state: 'detached' });
    await done(fr);

    const sec = await as('cell.secretary', phone);
    page = sec.page;
    await page.goto(`/evaluations/${member.id}`);
    await page.getByText(/^Trưởng ban công tác Mặt trận .+ đã ký xác nhận lúc/).waitFor();
    await page.getByRole('button', { name: 'Ký phiếu' }).click();
    await page
      .getByRole('dialog', { name: 'Ký phiếu nhận xét' })
      .getByRole('button', { name: 'Ký và gửi xã/phường' })
      .click();
    await page.getByText('Đã ký phiếu và gửi đảng ủy xã/phường xác nhận.').waitFor();
    await status(page, 'Chi bộ đã ký, chờ xác nhận');
    expect((await getEvaluation(page, member.id)).status).toBe('signed');
    await done(sec);
  });

  it('the commune confirms in batch and sees how many changed', async () => {
    const cm = await as('commune.officer');
    const page = cm.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Nhận xét đảng viên', exact: true }).click();
    await search(page);
    await page.getByRole('checkbox', { name: `Chọn phiếu của ${member.fullName}` }).check();
    await page.getByRole('button', { name: 'Xác nhận (1)' }).click();
    await page
      .getByRole('dialog', { name: 'Xác nhận 1 phiếu' })
      .getByRole('button', { name: 'Xác nhận và gửi nơi công tác' })
      .click();
    await page.getByText('Đã xác nhận 1 phiếu; 0 phiếu đã xác nhận trước đó.').waitFor();
    // the commune follows its cells' backlog
    await page.getByRole('tab', { name: 'Tiến độ các chi bộ' }).click();
    await page.getByRole('table', { name: 'Tiến độ nhận xét các chi bộ' }).getByText(CELL).waitFor();
    await done(cm);
  });

  it('the workplace sees the comment next to its score, answers the proposal and releases it', async () => {
    const wp = await as('workplace.officer');
    const page = wp.page;
    await page.goto('/evaluations/workplace');
    const review = page.getByRole('table', { name: 'Nhận xét nơi cư trú và xếp loại cuối năm' });
    await search(page);
    const row = review.getByRole('row').filter({ hasText: member.fullName });
    await row.getByText('Đã xác nhận, gửi nơi công tác').waitFor();
    await row.getByRole('textbox', { name: `Điểm của ${member.fullName}` }).fill('92');
    await row.getByText('Hoàn thành xuất sắc nhiệm vụ').waitFor();
    // excellent at the office, "not yet" at home: the committee is shown
    await row.getByText('Lệch', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lưu điểm (1)' }).click();
    await page.getByText('Đã lưu điểm của 1 đảng viên.').waitFor();
    await page.getByRole('switch', { name: 'Chỉ hiện trường hợp lệch' }).check();
    await row.waitFor();
    await shot(page, 'workplace-review');

    await row.getByRole('link', { name: member.fullName }).click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    const side = page.getByRole('region', { name: 'Đảng ủy nơi công tác' });
    await side.getByText('Xếp loại của nơi công tác: 92 điểm — Hoàn thành xuất sắc nhiệm vụ').waitFor();
    await page.getByRole('button', { name: 'Tải PDF' }).waitFor();
    await page.getByRole('button', { name: 'Tải DOCX' }).waitFor();
    await side.getByRole('button', { name: 'Trả lời đề xuất' }).click();
    const answer = page.getByRole('dialog', { name: 'Trả lời đề xuất của chi bộ' });
    await answer.getByRole('radio', { name: 'Ghi nhận, xem xét khi đánh giá cuối năm' }).check();
    await answer.getByRole('button', { name: 'Gửi trả lời' }).click();
    await side.getByText('Đã trả lời: Ghi nhận, xem xét khi đánh giá cuối năm').waitFor();
    await side.getByRole('button', { name: 'Thông báo cho đảng viên' }).click();
    await page
      .getByRole('dialog', { name: 'Thông báo nhận xét cho 1 đảng viên' })
      .getByRole('button', { name: 'Thông báo' })
      .click();
    await page.getByText('Đã thông báo 1 nhận xét (0 đã thông báo trước đó).').waitFor();
    await status(page, 'Đã thông báo cho đảng viên');
    await done(wp);
  });

  it('the member reads the released form on a phone and asks for a review', async () => {
    const mb = await as('member', phone);
    const page = mb.page;
    await openNav(page, 'Nhận xét của tôi');
    await page.getByText('Đảng ủy nơi công tác đã thông báo nhận xét cho đồng chí.').waitFor();
    // the report the cell judged stays as it was
    await page.getByText(/^Chi bộ đã ký phiếu nhận xét năm nay/).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'member-released');
    await page.getByRole('link', { name: 'Xem phiếu nhận xét' }).click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    const form = page.getByRole('region', { name: 'Phiếu nhận xét' });
    await form.getByText('Chưa', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Đề nghị xem xét lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị xem xét lại nhận xét' });
    await dialog
      .getByLabel('Lý do đề nghị xem xét lại')
      .fill('Tôi vẫn vận động gia đình chấp hành quy định của tổ dân phố; xin được đối thoại.');
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị xem xét lại tới đảng ủy nơi công tác.').waitFor();
    await page.getByRole('region', { name: 'Đề nghị xem xét lại' }).getByText('Đang chờ đối thoại').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, 'member-disputed');
    await done(mb);
  });

  it('the workplace records the dialogue with outcome "revised": a new version opens, the old one stays readable', async () => {
    const wp = await as('workplace.officer');
    const page = wp.page;
    await page.goto(`/evaluations/${member.id}`);
    await page.getByRole('button', { name: 'Ghi kết quả đối thoại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi kết quả đối thoại' });
    await dialog
      .getByLabel('Thành phần')
      .fill('Đại diện đảng ủy Công ty Điện lực, đảng ủy phường Thành Vinh');
    await dialog
      .getByLabel('Nội dung, kết luận')
      .fill('Thống nhất ghi nhận đảng viên có vận động gia đình; chi bộ nhận xét lại tiêu chí 2.');
    await dialog.getByRole('radio', { name: 'Sửa lại nhận xét' }).check();
    await dialog.getByRole('button', { name: 'Lưu kết quả' }).click();
    await page.getByText('Đã ghi kết quả: chi bộ nơi cư trú sẽ sửa lại phiếu (phiên bản mới).').waitFor();
    await status(page, 'Bị trả lại để sửa');
    const after = await getEvaluation(page, member.id);
    expect(after).toMatchObject({ status: 'returned', version: 2 });
    expect(after.disputes[0]).toMatchObject({ status: 'closed', outcome: 'revised' });
    await page.getByRole('region', { name: 'Đề nghị xem xét lại' }).getByText('Sửa lại nhận xét').waitFor();
    await page.getByRole('button', { name: 'Xem phiên bản 1' }).click();
    const v1 = page.getByRole('dialog', { name: 'Phiên bản 1' });
    await v1.getByText('Đề nghị khen thưởng').waitFor();
    await v1.getByText(/^Đảng ủy xã\/phường xác nhận:/).waitFor();
    await done(wp);
  });

  it('the member keeps reading the released comment, marked under revision, while the cell revises it', async () => {
    const mb = await as('member', phone);
    const page = mb.page;
    await openNav(page, 'Nhận xét của tôi');
    await page.locator('.mantine-Badge-root').filter({ hasText: 'Đang được sửa lại' }).first().waitFor();
    await page.getByRole('link', { name: 'Xem phiếu nhận xét' }).click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    await page.getByText('Nhận xét đang được sửa lại').waitFor();
    await page.getByText(/^Đây là nhận xét đã thông báo cho đồng chí \(phiên bản 1\)/).waitFor();
    await page.getByRole('region', { name: 'Phiếu nhận xét' }).getByText('Chưa', { exact: true }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await done(mb);
  });
});

function labelOf(key: string): string {
  return {
    attendance: 'Tham gia sinh hoạt định kỳ',
    contact: 'Giữ mối liên hệ',
    campaigns: 'Tham gia các cuộc vận động',
    proposal: 'Đề xuất',
  }[key]!;
}
