import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
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
  directTopic,
  getMeeting,
  heldMeeting,
  minutesFromNow,
  pngBytes,
  scheduleMeeting,
} from './fixtures/meetings';

const phone = { viewport: { width: 360, height: 740 } };
// looked at by hand after a run; kept out of the repository
const shotsDir = '/tmp/meeting-shots';

async function shot(page: Page, name: string, fullPage = false) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage });
}

async function noSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
}

/** Waits for a dialog's opening transition to end, so a screenshot shows it as a person sees it. */
async function settled(dialog: Locator) {
  await expect
    .poll(() =>
      dialog.evaluate((el) => {
        const content = el.closest('.mantine-Modal-content') ?? el;
        return getComputedStyle(content).opacity;
      }),
    )
    .toBe('1');
}

/** Picks files through the button, the way a person does (the browser's file chooser). */
async function pickFiles(
  page: Page,
  button: string,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(files);
}

/** Art. 4.3: the minutes keep their photos and files; the commune's directed topics reach the cell's meetings. */
describe.skipIf(skipBrowser)('meeting minutes: attachments and directed topics', () => {
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

  it('the commune directs a topic; the secretary adds it to a meeting with one click', async () => {
    const topic = 'Phòng chống cháy nổ mùa khô';
    const cm = await as('commune.officer');
    const topicId = await directTopic(cm.page, topic);
    await done(cm);

    const sec = await as('cell.secretary', phone);
    const page = sec.page;
    await page.goto('/meetings');
    await page.getByRole('button', { name: 'Lên lịch sinh hoạt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lên lịch buổi sinh hoạt' });
    const offered = dialog.getByRole('group', { name: 'Chủ đề cấp ủy chỉ đạo' });
    await offered.getByText(topic).waitFor();
    await offered
      .getByText(/^Do .+ chỉ đạo$/)
      .first()
      .waitFor();
    await offered.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await shot(page, 'form-directed-offered');
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const title = 'Sinh hoạt chủ đề chỉ đạo';
    const id = await scheduleMeeting(page, {
      title,
      startsAt: minutesFromNow(60 * 24),
      topics: ['Vệ sinh ngõ 7'],
      directed: [topic],
    });
    // on the meeting page the directed topic is marked as such; the server kept the link
    const item = page.getByRole('listitem').filter({ hasText: topic });
    await item.getByText('Cấp ủy chỉ đạo').waitFor();
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Vệ sinh ngõ 7' })
        .getByText('Cấp ủy chỉ đạo')
        .count(),
    ).toBe(0);
    expect((await getMeeting(page, id)).topics).toEqual([
      { title: 'Vệ sinh ngõ 7', directedTopicId: null },
      { title: topic, directedTopicId: topicId },
    ]);
    await noSidewaysScroll(page);
    await shot(page, 'meeting-directed-badge');

    // editing keeps the link, and the topic is not offered twice
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa buổi sinh hoạt' });
    expect(await edit.getByRole('button', { name: `Đã thêm chủ đề: ${topic}` }).isDisabled()).toBe(true);
    await edit.getByText('Do ', { exact: false }).first().scrollIntoViewIfNeeded();
    await settled(edit);
    await shot(page, 'form-directed-added');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect((await getMeeting(page, id)).topics[1]).toEqual({ title: topic, directedTopicId: topicId });
    await done(sec);
  });

  it('the secretary attaches photos and files, is told why a text file is refused, and removes a photo', async () => {
    const title = 'Sinh hoạt có ảnh';
    const sec = await as('cell.secretary', phone);
    const page = sec.page;
    const id = await heldMeeting(page, title, minutesFromNow(-90));
    await page.goto(`/meetings/${id}?tab=minutes`);
    const card = page.getByRole('region', { name: 'Ảnh và tệp đính kèm' });
    await card.getByText('Chưa có ảnh hay tệp nào.').waitFor();
    // the picker offers the camera: any image type is accepted
    expect(await card.locator('input[type="file"]').first().getAttribute('accept')).toContain('image/*');

    // a photo and the signed minutes as a PDF, picked together, go up one after the other
    const photo = pngBytes(320, 240);
    // hold the first upload a moment, to see what the secretary sees while a file goes up
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/meetings/*/attachments', async (route) => {
      await held;
      await route.continue();
    });
    await pickFiles(page, 'Thêm ảnh, tệp', [
      { name: 'anh-buoi-hop.png', mimeType: 'image/png', buffer: photo },
      {
        name: 'bien-ban-ky.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      },
    ]);
    await card.getByRole('status').getByText('Đang tải lên 1/2: anh-buoi-hop.png').waitFor();
    expect(await card.getByRole('button', { name: 'Thêm ảnh, tệp' }).isDisabled()).toBe(true);
    await card.getByRole('status').scrollIntoViewIfNeeded();
    await shot(page, 'attachments-uploading');
    release();
    await page.getByText('Đã đính kèm 2 tệp vào biên bản.').waitFor();
    await page.unroute('**/api/meetings/*/attachments');
    const photoRow = card.getByRole('listitem', { name: 'anh-buoi-hop.png' });
    await photoRow.getByText(/^Ảnh · [\d.,]+ K?B$/).waitFor();
    await photoRow.getByText(/ tải lên lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await card
      .getByRole('listitem', { name: 'bien-ban-ky.pdf' })
      .getByText(/^PDF · \d+ B$/)
      .waitFor();
    await card.getByText('2/20 tệp').waitFor();
    // the thumbnail is the photo itself, loaded from the download address
    const thumb = photoRow.getByRole('button', { name: 'Xem ảnh anh-buoi-hop.png' }).locator('img');
    await thumb.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(320);
    const saved = await getMeeting(page, id);
    expect(saved.attachments).toEqual([
      expect.objectContaining({
        fileName: 'anh-buoi-hop.png',
        mimeType: 'image/png',
        sizeBytes: photo.length,
      }),
      expect.objectContaining({ fileName: 'bien-ban-ky.pdf', mimeType: 'application/pdf' }),
    ]);
    expect(saved.attachments[0]!.uploadedBy).toBeTruthy();

    // a text file is refused before it is sent, with the reason and what is accepted
    await pickFiles(page, 'Thêm ảnh, tệp', [
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('Ghi chú buổi họp') },
    ]);
    await card
      .getByRole('alert')
      .getByText(
        '“ghi-chu.txt”: không nhận loại tệp này. Chỉ nhận ảnh JPG, PNG, WebP và tệp PDF, Word (DOCX), Excel (XLSX).',
      )
      .waitFor();
    expect((await getMeeting(page, id)).attachments).toHaveLength(2);
    await card.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await shot(page, 'attachments-refused');

    // the photo opens larger, and downloads under its name
    await photoRow.getByRole('button', { name: 'Xem ảnh anh-buoi-hop.png' }).click();
    const viewer = page.getByRole('dialog', { name: 'anh-buoi-hop.png' });
    const large = viewer.getByRole('img', { name: 'anh-buoi-hop.png' });
    await expect
      .poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(320);
    await settled(viewer);
    await shot(page, 'attachments-preview');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      viewer.getByRole('link', { name: 'Tải về' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('anh-buoi-hop.png');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });

    await card.getByRole('alert').getByRole('button', { name: 'Đóng thông báo' }).click();
    await card.getByRole('list').first().scrollIntoViewIfNeeded();
    await shot(page, 'attachments-list');

    // removing asks first
    await photoRow.getByRole('button', { name: 'Xóa anh-buoi-hop.png' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xóa tệp đính kèm?' });
    await settled(confirm);
    await confirm
      .getByText('Xóa “anh-buoi-hop.png” khỏi biên bản? Tệp đã xóa không khôi phục được.')
      .waitFor();
    await shot(page, 'attachments-remove-confirm');
    await confirm.getByRole('button', { name: 'Xóa tệp' }).click();
    await page.getByText('Đã xóa “anh-buoi-hop.png”.').waitFor();
    await photoRow.waitFor({ state: 'detached' });
    expect((await getMeeting(page, id)).attachments.map((a) => a.fileName)).toEqual(['bien-ban-ky.pdf']);
    await done(sec);

    // an invited member reads the files, and cannot add or remove any
    const mb = await as('member', phone);
    await mb.page.goto(`/meetings/${id}`);
    const seen = mb.page.getByRole('region', { name: 'Ảnh và tệp đính kèm' });
    await seen.getByRole('link', { name: 'bien-ban-ky.pdf' }).waitFor();
    expect(await seen.getByRole('button', { name: 'Thêm ảnh, tệp' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: /^Xóa / }).count()).toBe(0);
    await done(mb);
  });

  it('after the minutes lock no file is added, and the page says why', async () => {
    const sec = await as('cell.secretary', phone);
    const page = sec.page;
    // held eight days ago: the minutes locked a week after the meeting
    const id = await heldMeeting(page, 'Sinh hoạt đã khóa biên bản', minutesFromNow(-8 * 24 * 60));
    await page.goto(`/meetings/${id}?tab=minutes`);
    const card = page.getByRole('region', { name: 'Ảnh và tệp đính kèm' });
    await card
      .getByText(
        /^Biên bản đã khóa từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}; không thêm hoặc xóa ảnh, tệp được nữa\.$/,
      )
      .waitFor();
    expect(await card.getByRole('button', { name: 'Thêm ảnh, tệp' }).count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'attachments-locked');
    // the server refuses it too
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const res = await page.request.post(`/api/meetings/${id}/attachments`, {
      headers: { 'x-csrf-token': me.csrfToken },
      multipart: { file: { name: 'muon.png', mimeType: 'image/png', buffer: pngBytes(8, 8) } },
    });
    expect(res.status()).toBe(409);
    expect((await getMeeting(page, id)).minutesLocked).toBe(true);
    await done(sec);
  });
});
