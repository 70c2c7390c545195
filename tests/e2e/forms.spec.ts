import type { Browser, Locator, Page } from 'playwright-core';
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
import { api, dayText, getMeeting, grantUnit, type MeetingJson } from './fixtures/meetings';

/** Issue 11, "forms that never lose input", on a 360×740 phone. */
const phone = { viewport: { width: 360, height: 740 } };

/** The message Mantine shows under a field (the id its input names in aria-describedby). */
async function errorOf(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '')
    .split(/\s+/)
    .filter((id) => id.endsWith('-error'));
  if (ids.length === 0) return '';
  return (await field.page().locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

/** Whether the element has the keyboard focus and is on screen, not below the fold. */
async function focusedInView(page: Page, field: Locator) {
  const box = await field.boundingBox();
  const focused = await field.evaluate((el) => el === document.activeElement);
  return { focused, inView: !!box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height };
}

function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

describe.skipIf(skipBrowser)('forms never lose input', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function as(user: string): Promise<TestPage> {
    const tp = await newPage(browser, phone);
    await login(tp.page, user);
    return tp;
  }
  async function done(tp: TestPage) {
    expectNoConsoleErrors(tp);
    await tp.context.close();
  }

  async function openScheduleForm(page: Page) {
    await page.goto('/meetings');
    await page.getByRole('button', { name: 'Lên lịch sinh hoạt' }).click();
    return page.getByRole('dialog', { name: 'Lên lịch buổi sinh hoạt' });
  }

  it('a typed impossible date is kept and explained, not blanked or reset to today', async () => {
    const tp = await as('cell.secretary');
    const dialog = await openScheduleForm(tp.page);
    const day = dialog.getByLabel('Ngày họp');
    await day.fill('31/02/2026');
    await day.press('Tab');
    expect(await day.inputValue()).toBe('31/02/2026');
    expect(await errorOf(day)).toBe('Ngày không hợp lệ: tháng 02/2026 chỉ có 28 ngày.');
    await screenshot(tp.page, 'forms-date-kept');

    await day.fill('45/13/2026');
    await day.press('Tab');
    expect(await day.inputValue()).toBe('45/13/2026');
    expect(await errorOf(day)).toBe('Ngày không hợp lệ: không có tháng 13 (tháng từ 01 đến 12).');

    // submitting does not send it: the field keeps the text and gets the focus
    await dialog.getByRole('button', { name: 'Lên lịch và gửi lời mời' }).click();
    expect(await focusedInView(tp.page, day)).toEqual({ focused: true, inView: true });
    expect(await day.inputValue()).toBe('45/13/2026');
    await done(tp);
  });

  it('a meeting ending before it starts is refused with the message, in the form and by the server', async () => {
    const tp = await as('cell.secretary');
    const { page } = tp;
    const dialog = await openScheduleForm(page);
    await dialog.getByLabel('Ngày họp').fill(dayText(daysFromNow(3)));
    await dialog.getByLabel('Ngày họp').press('Tab');
    await dialog.getByLabel('Giờ bắt đầu').fill('20:00');
    const end = dialog.getByLabel('Giờ kết thúc');
    await end.fill('19:00');
    await dialog.getByRole('button', { name: 'Lên lịch và gửi lời mời' }).click();
    await dialog.getByText('Giờ kết thúc phải sau giờ bắt đầu.').waitFor();
    expect(await errorOf(end)).toBe('Giờ kết thúc phải sau giờ bắt đầu.');
    expect(await focusedInView(page, end)).toEqual({ focused: true, inView: true });
    expect(await end.inputValue()).toBe('19:00');
    await screenshot(page, 'forms-meeting-end-before-start');

    // the server says the same to anything that skips the form
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const cellId = await grantUnit(page, 'cell_secretary');
    const start = daysFromNow(3);
    const res = await page.request.post('/api/meetings', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        cellId,
        title: 'Sinh hoạt giờ ngược',
        place: 'Nhà văn hóa',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() - 3_600_000).toISOString(),
      },
    });
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      endsAt: 'Giờ kết thúc phải sau giờ bắt đầu.',
    });
    await done(tp);
  });

  it('a meeting in the past is not scheduled but recorded as already held, without invitations', async () => {
    const tp = await as('cell.secretary');
    const { page } = tp;
    const dialog = await openScheduleForm(page);
    const title = 'Sinh hoạt đã họp hôm trước';
    await dialog.getByLabel('Tên buổi sinh hoạt').fill(title);
    await dialog.getByLabel('Ngày họp').fill(dayText(daysFromNow(-2)));
    await dialog.getByLabel('Ngày họp').press('Tab');
    await dialog.getByLabel('Giờ bắt đầu').fill('19:30');
    await dialog.getByLabel('Giờ kết thúc').fill('21:00');
    await dialog.getByLabel('Địa điểm').fill('Nhà văn hóa khối 5');
    await dialog.getByRole('button', { name: 'Lên lịch và gửi lời mời' }).click();
    await dialog.getByText(/Giờ này đã qua: không gửi lời mời cho buổi đã qua/).waitFor();
    await screenshot(page, 'forms-meeting-past');
    await dialog.getByRole('button', { name: 'Chuyển sang “Ghi lại buổi đã họp”' }).click();
    expect(await dialog.getByRole('radio', { name: 'Ghi lại buổi đã họp' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Ghi lại buổi đã họp', exact: true }).click();
    await page.getByText('Đã ghi lại buổi sinh hoạt đã họp. Hãy điểm danh và ghi biên bản.').waitFor();
    await page.getByRole('heading', { name: title }).waitFor();
    const id = /\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const m = await getMeeting(page, id);
    expect(m.status).toBe('held');
    expect(m.attendance.every((r) => r.rsvp === null)).toBe(true);
    await page.getByText('Đã họp', { exact: true }).first().waitFor();
    await screenshot(page, 'forms-meeting-recorded');
    await done(tp);
  });

  it('“Record as held” is at the top of a started meeting’s page on a phone, not below every member', async () => {
    const tp = await as('cell.secretary');
    const { page } = tp;
    const cellId = await grantUnit(page, 'cell_secretary');
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const m = await api<MeetingJson>(page, 'POST', '/api/meetings', {
      cellId,
      title: 'Sinh hoạt đang diễn ra',
      place: 'Nhà văn hóa khối 5',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    });
    expect(m.attendance.length).toBeGreaterThan(8);
    await page.goto(`/meetings/${m.id}`);
    const hold = page.getByRole('button', { name: 'Ghi nhận đã họp' });
    await hold.waitFor();
    const box = (await hold.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    await screenshot(page, 'forms-meeting-hold-on-top');
    await done(tp);
  });

  it('a button that cannot be used yet says why, to the eye and to a screen reader, and stays reachable', async () => {
    const tp = await as('cell.secretary');
    const { page } = tp;
    const cellId = await grantUnit(page, 'cell_secretary');
    const startsAt = new Date(Date.now() + 5 * 3_600_000);
    const m = await api<MeetingJson>(page, 'POST', '/api/meetings', {
      cellId,
      title: 'Sinh hoạt chiều nay',
      place: 'Nhà văn hóa khối 5',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    });
    await page.goto(`/meetings/${m.id}`);
    const hold = page.getByRole('button', { name: 'Ghi nhận đã họp' });
    expect(await hold.isDisabled()).toBe(true);
    const reason = page.locator(`[id="${await hold.getAttribute('aria-describedby')}"]`);
    expect(await reason.textContent()).toMatch(
      /^Ghi nhận được từ giờ bắt đầu \(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)\.$/,
    );
    await hold.focus();
    expect(await hold.evaluate((el) => el === document.activeElement)).toBe(true);
    await hold.press('Enter');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await done(tp);
  });

  it('add member: the first error is scrolled into view and focused; a date of birth 31/02/1990 is explained', async () => {
    const tp = await as('admin');
    const { page } = tp;
    await page.goto('/members');
    await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đảng viên' });
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Thử');
    await pickOption(page, 'Giới tính', 'Nữ');
    const born = dialog.getByLabel('Ngày sinh');
    await born.fill('31/02/1990');
    await dialog.getByLabel('Số thẻ đảng viên').fill('12');
    // at the bottom of a long form on a phone
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    expect(await focusedInView(page, born)).toEqual({ focused: true, inView: true });
    expect(await born.inputValue()).toBe('31/02/1990');
    expect(await errorOf(born)).toBe('Ngày không hợp lệ: tháng 02/1990 chỉ có 28 ngày.');
    expect(await errorOf(dialog.getByLabel('Số thẻ đảng viên'))).toBe('Số thẻ đảng gồm 6–12 chữ số.');
    await screenshot(page, 'forms-member-first-error');
    await done(tp);
  });

  it('a score of 150 or "abc" is kept with a message, not cleared, and nothing is saved', async () => {
    const tp = await as('workplace.officer');
    const { page } = tp;
    await page.goto('/evaluations/workplace');
    const review = page.getByRole('table', { name: 'Nhận xét nơi cư trú và xếp loại cuối năm' });
    const score = review.getByRole('textbox', { name: /^Điểm của / }).first();
    await score.fill('150');
    expect(await errorOf(score)).toBe('Điểm 150 ngoài thang điểm: hãy nhập từ 0 đến 100.');
    await score.fill('abc');
    expect(await score.inputValue()).toBe('abc');
    expect(await errorOf(score)).toBe(
      'Không đọc được “abc”: hãy nhập điểm từ 0 đến 100, tối đa một chữ số thập phân (ví dụ 87,5).',
    );
    await score.scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-score-kept');
    await page.getByRole('button', { name: 'Lưu điểm (1)' }).click();
    expect(await focusedInView(page, score)).toEqual({ focused: true, inView: true });
    expect(await score.inputValue()).toBe('abc');
    await done(tp);
  });
});
