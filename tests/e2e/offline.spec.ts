import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, screenshot, skipBrowser, type TestPage } from './fixtures/browser';
import { api, type MeetingJson } from './fixtures/meetings';
import { useSpecServer } from './fixtures/spec-server';

/**
 * Decision 0010, on a 360×740 phone: the member's pages read without signal after a visit, a QR check-in made
 * offline waits on the phone and goes out when the signal is back, and the secretary's tick list keeps working
 * offline and syncs, the server's newer change winning. It takes the network away from its browser contexts.
 */

const phone = { width: 360, height: 740 };
const MEMBER = 'Nguyễn Văn An';
/** what Chromium logs for each request made without a network: expected while offline */
const offlineNoise = /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED/;

interface MeetingWithCodes extends MeetingJson {
  checkInCodes: { from: string; code: string }[] | null;
  attendance: (MeetingJson['attendance'][number] & { checkedInOffline: boolean })[];
}

describe.skipIf(skipBrowser)('offline at the meeting', () => {
  const server = useSpecServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A phone for one person, logged in, with the service worker in control (installed at the first visit). */
  async function phoneOf(user: string): Promise<TestPage> {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN', viewport: phone });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (
        msg.type() === 'error' &&
        !/401 \(Unauthorized\)/.test(msg.text()) &&
        !offlineNoise.test(msg.text())
      )
        errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await login(page, user);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
    });
    return { context, page, errors };
  }

  async function close(tp: TestPage) {
    expect(tp.errors, 'console errors').toEqual([]);
    await tp.context.close();
  }

  const banner = (page: Page) => page.getByRole('status', { name: 'Trạng thái kết nối' });

  /** A meeting of the demo cell starting in a few minutes: self check-in is open. */
  async function meetingNow(sec: Page, title: string): Promise<MeetingWithCodes> {
    const me = await api<{ roles: { role: string; unitId: string | null }[] }>(sec, 'GET', '/api/auth/me');
    const cellId = me.roles.find((r) => r.role === 'cell_secretary')!.unitId!;
    const startsAt = new Date(Date.now() + 5 * 60_000);
    return api<MeetingWithCodes>(sec, 'POST', '/api/meetings', {
      cellId,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 60 * 60_000).toISOString(),
      place: 'Nhà văn hóa khối 5',
    });
  }

  /** The code the QR on the secretary's phone shows now. */
  function codeNow(m: MeetingWithCodes): string {
    return m.checkInCodes!.findLast((c) => new Date(c.from).getTime() <= Date.now())!.code;
  }

  it('the member’s residence and meetings pages read offline after a first visit, saying when they were saved', async () => {
    const mb = await phoneOf('member');
    const { page, context } = mb;
    await page.goto('/my-residence');
    await page.getByRole('heading', { name: 'Nơi cư trú của tôi' }).waitFor();
    await page.getByText('Chi bộ khối 5').first().waitFor();
    // the first visit's reads are saved once the worker is in control
    await page.waitForFunction(async () => (await caches.open('rl-api').then((c) => c.keys())).length >= 2);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Nơi cư trú của tôi' }).waitFor();
    await page.getByText('Chi bộ khối 5').first().waitFor();
    await banner(page)
      .getByText(/^Không có mạng — đang hiển thị dữ liệu đã lưu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)
      .waitFor();
    await screenshot(page, 'offline-member-residence');
    // my meetings too, once read
    await context.setOffline(false);
    await page.goto('/meetings');
    await page.getByRole('heading', { name: 'Sinh hoạt nơi cư trú' }).waitFor();
    await page.getByText('Buổi sắp tới').first().waitFor();
    await page.waitForFunction(
      async () => !!(await caches.open('rl-api').then((c) => c.match('/api/meetings/mine'))),
    );
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Buổi sắp tới').first().waitFor();
    await banner(page)
      .getByText(/^Không có mạng — đang hiển thị dữ liệu đã lưu lúc/)
      .waitFor();
    await context.setOffline(false);
    await page.reload();
    await page.getByText('Chi bộ khối 5').first().waitFor();
    await banner(page).waitFor({ state: 'detached' });
    await close(mb);
  });

  it('a QR check-in made offline waits on the phone, shows "will be sent", and is sent when back online', async () => {
    const sec = await phoneOf('cell.secretary');
    const m = await meetingNow(sec.page, 'Sinh hoạt mất mạng');
    const code = codeNow(m);
    expect(code).toMatch(/^t\d+\./);

    const mb = await phoneOf('member');
    const { page, context } = mb;
    // at the village hall, no signal: the QR opens the check-in page from the phone's saved app
    await context.setOffline(true);
    await page.goto(`/meetings/${m.id}/check-in?code=${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: 'Điểm danh' }).waitFor();
    await page.getByText('Không có mạng: điện thoại chưa lưu thông tin buổi sinh hoạt này').waitFor();
    await page.getByRole('button', { name: 'Điểm danh' }).click();
    const queued = page.getByRole('status').filter({ hasText: 'Sẽ gửi khi có mạng' });
    await queued.getByText(/quét mã lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    await banner(page).getByText('1 thay đổi chờ gửi').waitFor();
    await screenshot(page, 'offline-check-in-queued');
    // still there after a reload (IndexedDB)
    await page.reload();
    await queued.waitFor();
    expect(
      (await api<MeetingWithCodes>(sec.page, 'GET', `/api/meetings/${m.id}`)).attendance.find(
        (r) => r.fullName === MEMBER,
      )?.status,
    ).toBe('unrecorded');

    // signal again: it goes out by itself
    await context.setOffline(false);
    const done = page.getByRole('status').filter({ hasText: 'Đã điểm danh' });
    // within the outbox's next try (every 10 s while something waits)
    await done.getByText('Điểm danh khi mất mạng').waitFor({ timeout: 30_000 });
    await done.getByText('Có mặt', { exact: true }).waitFor();
    await screenshot(page, 'offline-check-in-synced');
    const row = (await api<MeetingWithCodes>(sec.page, 'GET', `/api/meetings/${m.id}`)).attendance.find(
      (r) => r.fullName === MEMBER,
    );
    expect(row).toMatchObject({ status: 'present', checkedInOffline: true });
    await close(mb);

    // the secretary sees it was checked in offline
    await sec.page.goto(`/meetings/${m.id}`);
    await sec.page
      .getByRole('article', { name: MEMBER, exact: true })
      .getByText('Điểm danh khi mất mạng')
      .waitFor();
    // the QR on the secretary's phone changes every five minutes, and says so
    const qrNote = sec.page.getByText('Mã QR đổi 5 phút một lần để ghi đúng giờ điểm danh');
    await qrNote.scrollIntoViewIfNeeded();
    await screenshot(sec.page, 'offline-secretary-qr');
    await close(sec);
  });

  it('the tick list works offline, shows what waits, and syncs with the server’s newer change winning', async () => {
    const sec = await phoneOf('cell.secretary');
    const { page, context } = sec;
    const m = await meetingNow(page, 'Sinh hoạt điểm danh mất mạng');
    const [first, second] = m.attendance.filter(
      (r) => r.status === 'unrecorded' && m.attendance.filter((x) => x.fullName === r.fullName).length === 1,
    );
    await page.goto(`/meetings/${m.id}`);
    const card = (name: string) => page.getByRole('article', { name, exact: true });
    await card(first!.fullName).waitFor();
    await page.waitForFunction(
      async (id) => !!(await caches.open('rl-api').then((c) => c.match(`/api/meetings/${id}`))),
      m.id,
    );

    await context.setOffline(true);
    await card(first!.fullName).getByRole('radio', { name: 'Có mặt', exact: true }).click();
    await card(second!.fullName).getByRole('radio', { name: 'Muộn' }).click();
    await page.getByRole('button', { name: 'Lưu điểm danh (2)' }).click();
    await page
      .getByText('Không có mạng: đã lưu 2 thay đổi trên điện thoại, sẽ tự gửi khi có mạng.')
      .waitFor();
    await page.getByText('2 thay đổi chờ gửi — sẽ tự gửi khi có mạng.').waitFor();
    await card(first!.fullName).getByText('Chờ gửi').waitFor();
    expect(
      await card(second!.fullName).getByRole('radio', { name: 'Muộn' }).getAttribute('aria-checked'),
    ).toBe('true');
    await card(first!.fullName).scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-tick-list-pending');

    // meanwhile the commune officer, online, records the first member as excused
    const officer = await phoneOf('commune.officer');
    await api(officer.page, 'PUT', `/api/meetings/${m.id}/attendance`, {
      rows: [{ memberId: first!.memberId, status: 'absent_excused', reason: 'Báo ốm qua điện thoại' }],
    });
    await close(officer);

    await context.setOffline(false);
    await page
      .getByRole('alert')
      .getByText(`1 thay đổi đã bị thay bằng thay đổi mới hơn trên máy chủ: ${first!.fullName}.`)
      .waitFor();
    await page.getByText('Đã gửi 1 thay đổi điểm danh lưu trên điện thoại.').waitFor();
    await card(first!.fullName).getByText('Chờ gửi').waitFor({ state: 'detached' });
    // the page shows what the server kept
    await card(first!.fullName).getByRole('radio', { name: 'Vắng có lý do', checked: true }).waitFor();
    await card(second!.fullName).getByRole('radio', { name: 'Muộn', checked: true }).waitFor();
    await page.getByRole('alert').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-tick-list-synced');
    const after = await api<MeetingWithCodes>(page, 'GET', `/api/meetings/${m.id}`);
    const statusOf = (id: string) => after.attendance.find((r) => r.memberId === id)?.status;
    expect([statusOf(first!.memberId), statusOf(second!.memberId)]).toEqual(['absent_excused', 'late']);
    await close(sec);
  });
});
