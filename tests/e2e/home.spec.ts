import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeItem, HomeToday } from '../../src/shared/contracts/home';
import { seriousViolations } from './fixtures/axe';
import { expectNoConsoleErrors, launchBrowser, login, newPage, skipBrowser } from './fixtures/browser';
import { useSpecServer } from './fixtures/spec-server';
import { api } from './fixtures/meetings';

/**
 * Today's work on each role's home page, on a phone (360×740): the cards of the role, one h1, no serious
 * accessibility problem, no sideways scrolling, and a count that leads to the list showing that many items.
 */

const phone = { width: 360, height: 740 };
const shotsDir = process.env.HOME_SHOTS ?? '/tmp/home-shots';

async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** What the home page was drawn from, read with the page's own session. */
async function todayOf(page: Page): Promise<HomeToday> {
  const res = await page.request.get('/api/home/today');
  expect(res.status()).toBe(200);
  return (await res.json()) as HomeToday;
}

/** The number a list page says it shows ("Đang hiện 3", "Đang hiển thị 3 giấy"), or the rows of its table. */
async function shownOnPage(page: Page, kind: 'shown' | 'rows', tableName?: RegExp): Promise<number> {
  if (kind === 'rows') {
    const table = page.getByRole('table', { name: tableName });
    await table.waitFor();
    return table.locator('tbody tr').count();
  }
  const text = page.getByText(/^Đang hi(ện|ển thị) \d+/).first();
  await text.waitFor();
  return Number(/\d+/.exec((await text.textContent()) ?? '')![0]);
}

interface RoleCase {
  account: string;
  /** the card's heading (the role) */
  card: RegExp;
  /** the count to follow: its key, the words of its row, how its list says how many it shows */
  follow: { key: HomeItem['key']; row: RegExp; list: 'shown' | 'rows'; table?: RegExp; filter?: RegExp };
}

const roles: RoleCase[] = [
  {
    account: 'cell.secretary',
    card: /^Chi bộ nơi cư trú$/,
    follow: {
      key: 'formsToDraft',
      row: /phiếu nhận xét cần điền/,
      list: 'shown',
      filter: /Chỉ hiện: phiếu cần điền/,
    },
  },
  {
    account: 'front.head',
    card: /^Ban công tác Mặt trận khu dân cư$/,
    follow: {
      key: 'formsToCoSign',
      row: /phiếu nhận xét chờ đồng chí ký/,
      list: 'shown',
      filter: /Chỉ hiện: phiếu chờ Mặt trận ký/,
    },
  },
  {
    account: 'commune.officer',
    card: /^Đảng ủy xã\/phường$/,
    follow: { key: 'lettersToReceive', row: /giấy giới thiệu chờ tiếp nhận/, list: 'shown' },
  },
  {
    account: 'workplace.officer',
    card: /^Đảng ủy nơi công tác$/,
    follow: {
      key: 'membersNotIntroduced',
      row: /đảng viên chưa được giới thiệu về nơi cư trú/,
      list: 'shown',
    },
  },
  {
    account: 'province.officer',
    card: /^Báo cáo năm của cấp ủy cấp dưới$/,
    follow: {
      key: 'reportsNotSubmitted',
      row: /cấp ủy chưa nộp báo cáo năm/,
      list: 'rows',
      table: /Tình hình nộp báo cáo/,
      filter: /Chỉ hiện: cấp ủy chưa nộp/,
    },
  },
];

describe.skipIf(skipBrowser)('today’s work on the home page (phone)', () => {
  useSpecServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Front head is told when the cell completes a form; her count leads to the forms awaiting her', async () => {
    // the secretary completes one requested form after the joint meeting (through the API the form page uses)
    const sec = await newPage(browser, { viewport: phone });
    await login(sec.page, 'cell.secretary');
    const { today } = await todayOf(sec.page);
    const forms = await api<{
      items: { id: string; status: string; fullName: string; formKind: 'full' | 'exempt' }[];
    }>(sec.page, 'GET', '/api/evaluations?side=cell&queue=toDraft&limit=200');
    const form = forms.items.find((f) => f.status === 'requested');
    expect(form, 'a requested form in the demo cell').toBeTruthy();
    const rules = await api<{
      forms: Record<'full' | 'exempt', { criteria: { key: string; levels: { key: string }[] }[] }>;
    }>(sec.page, 'GET', '/api/rule-sets/reg-213-2020');
    // the middle level of each criterion: no flag to justify, no proposal
    const ratings = Object.fromEntries(
      rules.forms[form!.formKind].criteria.map((c) => [c.key, (c.levels[1] ?? c.levels[0]!).key]),
    );
    await api(sec.page, 'PUT', `/api/evaluations/${form!.id}/form`, {
      ratings,
      justifications: {},
      jointMeetingOn: today,
      jointMeetingParticipants: 'Chi ủy chi bộ, Ban công tác Mặt trận khu dân cư',
    });
    await sec.context.close();

    const tp = await newPage(browser, { viewport: phone });
    const { page } = tp;
    await login(page, 'front.head');
    const card = page.getByRole('region', { name: /^Ban công tác Mặt trận khu dân cư$/ });
    const row = card.getByRole('link', { name: /phiếu nhận xét chờ đồng chí ký/ });
    await row.waitFor();
    const item = (await todayOf(page)).cards.flatMap((c) => c.items).find((i) => i.key === 'formsToCoSign')!;
    expect(item.count).toBeGreaterThanOrEqual(1);
    await shot(page, 'home-front.head-with-work');
    await page.goto('/notifications');
    await page.getByText('Phiếu nhận xét chờ đồng chí ký').first().waitFor();
    await page
      .getByText(new RegExp(`phiếu mới nhất là của đồng chí ${form!.fullName}`))
      .first()
      .waitFor();
    await shot(page, 'home-front.head-notification');
    await page.goto('/');
    await row.click();
    await page.waitForURL(
      (url) => url.pathname === '/evaluations' && url.searchParams.get('queue') === 'awaitingFront',
    );
    await page.getByRole('link', { name: form!.fullName }).first().waitFor();
    expect(await shownOnPage(page, 'shown')).toBe(item.count);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  for (const role of roles) {
    it(`${role.account}: the home page shows the role's work and a count leads to its list`, async () => {
      const tp = await newPage(browser, { viewport: phone });
      const { page } = tp;
      await login(page, role.account);
      await page.getByRole('heading', { name: 'Việc hôm nay' }).waitFor();
      const card = page.getByRole('region', { name: role.card });
      await card.waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `home-${role.account}`);

      // the number on the card is the number of items on the list it opens
      const today = await todayOf(page);
      const item = today.cards.flatMap((c) => c.items).find((i) => i.key === role.follow.key)!;
      expect(item, role.follow.key).toBeTruthy();
      const row = card.getByRole('link', { name: role.follow.row });
      expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await row.click();
      await page.waitForURL((url) => url.pathname === item.link.to);
      if (role.follow.filter) await page.getByText(role.follow.filter).waitFor();
      if (item.count > 0)
        expect(await shownOnPage(page, role.follow.list, role.follow.table)).toBe(item.count);
      await shot(page, `home-${role.account}-list`);
      expectNoConsoleErrors(tp);
      await tp.context.close();
    });
  }

  it('member: the next meeting and its answer, the self-report, warnings and the comment, each leading to its page', async () => {
    const tp = await newPage(browser, { viewport: phone });
    const { page } = tp;
    await login(page, 'member');
    const card = page.getByRole('region', { name: /^Việc của đồng chí$/ });
    await card.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    for (const words of [
      /buổi sinh hoạt sắp tới/,
      /bản tự báo cáo năm/i,
      /nhắc nhở chưa khắc phục/,
      /nhận xét nơi cư trú đã được thông báo/,
    ])
      await card.getByRole('link', { name: words }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await shot(page, 'home-member');
    const today = await todayOf(page);
    const warnings = today.cards[0]!.items.find((i) => i.key === 'openWarnings')!;
    await card.getByRole('link', { name: /nhắc nhở chưa khắc phục/ }).click();
    await page.waitForURL(
      (url) => url.pathname === '/warnings' && url.searchParams.get('queue') === 'unresolved',
    );
    await page.getByText(/Chỉ hiện: nhắc nhở chưa khắc phục/).waitFor();
    if (warnings.count > 0) await expect.poll(() => page.getByRole('article').count()).toBe(warnings.count);
    else
      await page
        .getByText('Không còn mục nào ở đây — việc này đã xong.')
        .or(page.getByText(/chưa có nhắc nhở|Không có nhắc nhở/i))
        .first()
        .waitFor();
    await shot(page, 'home-member-list');
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });
});
