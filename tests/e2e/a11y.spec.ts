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
import {
  checkPage,
  clippedText,
  focusedName,
  readIds,
  settle,
  tabTo,
  writeProblems,
  type Ids,
} from './fixtures/a11y-checks';

/**
 * Accessibility of every key page, for each role, on a phone (360×740) and on a desktop (1280×900): axe-core
 * finds no serious or critical WCAG 2.1 A/AA problem on the whole page, there is exactly one level-one heading,
 * the header, navigation and main landmarks are there, and on the phone every control of the header and the
 * main content is at least 44×44 px (inline links inside a sentence excepted, WCAG 2.5.8). Then the text at
 * 200 % zoom (640×370 CSS px) and the keyboard: menus, dropdowns and dialogs (focus kept inside, given back).
 *
 * On its own server (a fresh demo seed), like every spec.
 */

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };
/** 1280×740 at 200 % zoom */
const zoomed = { width: 640, height: 370 };

interface PageCase {
  name: string;
  path: (ids: Ids) => string;
  /** after the page loaded: open what the page is about (a tab, a list behind a figure) */
  then?: (page: Page) => Promise<void>;
}

interface RoleCase {
  account: string | null;
  pages: PageCase[];
}

/** An open menu whose items are shown and settled: keys pressed during its opening transition are lost. */
async function menuReady(page: Page) {
  const item = page.getByRole('menu').getByRole('menuitem').first();
  await item.waitFor();
  await expect
    .poll(() => item.evaluate((el) => getComputedStyle(el.closest('[role=menu]')!).opacity))
    .toBe('1');
}

const roles: RoleCase[] = [
  {
    account: null,
    pages: [
      { name: 'login', path: () => '/login' },
      { name: 'verify', path: (ids) => ids.verifyPath },
      { name: 'forgot password', path: () => '/forgot-password' },
      { name: 'reset password', path: () => '/reset-password?token=not-a-real-token' },
    ],
  },
  {
    account: 'admin',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'members', path: () => '/members' },
      { name: 'member', path: (ids) => `/members/${ids.memberId}` },
      { name: 'org tree', path: () => '/org' },
      { name: 'unit', path: (ids) => `/org/${ids.unitId}` },
      {
        name: 'audit',
        path: (ids) => `/org/${ids.unitId}`,
        then: async (page) => {
          await page.getByRole('tab', { name: 'Nhật ký' }).click();
          await settle(page);
        },
      },
      { name: 'accounts', path: () => '/accounts' },
      { name: 'import', path: () => '/import' },
      { name: 'notifications', path: () => '/notifications' },
      { name: 'account security', path: () => '/account/security' },
    ],
  },
  {
    account: 'commune.officer',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'commune hub', path: () => '/introductions/inbox' },
      { name: 'letter', path: (ids) => `/introductions/letters/${ids.letterId}` },
      { name: 'topics', path: () => '/topics' },
      { name: 'evaluations', path: () => '/evaluations' },
      { name: 'yearly reports', path: () => '/reports/yearly' },
    ],
  },
  {
    account: 'workplace.officer',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'workplace hub', path: () => '/introductions' },
      { name: 'workplace evaluations', path: () => '/evaluations/workplace' },
    ],
  },
  {
    account: 'cell.secretary',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'cell', path: () => '/introductions/cell' },
      { name: 'meetings', path: () => '/meetings' },
      { name: 'meeting', path: (ids) => `/meetings/${ids.meetingId}` },
      { name: 'compliance', path: () => '/meetings/compliance' },
      { name: 'activities', path: () => '/activities' },
      { name: 'warnings', path: () => '/warnings' },
      { name: 'evaluations', path: () => '/evaluations' },
      { name: 'evaluation form', path: (ids) => `/evaluations/${ids.cellEvaluationId}` },
    ],
  },
  {
    account: 'front.head',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'evaluations', path: () => '/evaluations' },
    ],
  },
  {
    account: 'member',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'my residence', path: () => '/my-residence' },
      { name: 'my meetings', path: () => '/meetings' },
      { name: 'my meeting', path: (ids) => `/meetings/${ids.myMeetingId}` },
      { name: 'check-in', path: (ids) => `/meetings/${ids.myMeetingId}/check-in` },
      { name: 'my warnings', path: () => '/warnings' },
      { name: 'my evaluation', path: () => '/my-evaluation' },
      { name: 'notifications', path: () => '/notifications' },
      { name: 'my data', path: () => '/account/my-data' },
      { name: 'account security', path: () => '/account/security' },
    ],
  },
  {
    account: 'province.officer',
    pages: [
      { name: 'home', path: () => '/' },
      { name: 'reports', path: () => '/reports' },
      {
        name: 'drill list',
        path: () => '/reports',
        then: async (page) => {
          await page.locator('main a[href^="/reports/list"]').first().click();
          await page.waitForURL((url) => url.pathname === '/reports/list');
          await settle(page);
        },
      },
      { name: 'yearly reports', path: () => '/reports/yearly' },
    ],
  },
];

/** The whole list of a test's problems (the assertion's diff shows only the first ones). */
describe.skipIf(skipBrowser)('accessibility of the key pages', () => {
  const server = useSpecServer();
  let browser: Browser;
  let ids: Ids;
  beforeAll(async () => {
    browser = await launchBrowser();
    ids = await readIds(server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const role of roles)
    for (const [size, viewport] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const)
      it(`${role.account ?? 'no login'} at ${viewport.width}×${viewport.height}: axe, one h1, landmarks${size === 'phone' ? ', 44 px targets' : ''}`, async () => {
        const tp = await newPage(browser, { viewport });
        const { page } = tp;
        if (role.account) await login(page, role.account);
        const problems: string[] = [];
        for (const pc of role.pages) {
          const where = `${role.account ?? 'public'} ${pc.name} (${size})`;
          try {
            await page.goto(pc.path(ids));
            await settle(page);
            await pc.then?.(page);
            problems.push(...(await checkPage(page, where, size === 'phone', role.account !== null)));
            if (size === 'phone')
              await screenshot(page, `a11y-${role.account ?? 'public'}-${pc.name.replace(/ /g, '-')}`);
          } catch (err) {
            // one page that does not load must not hide what the others have
            problems.push(`${where}: ${(err as Error).message.split('\n')[0]}`);
          }
        }
        if (problems.length) writeProblems(`${role.account ?? 'public'}-${size}`, problems);
        expect(problems).toEqual([]);
        expectNoConsoleErrors(tp);
        await tp.context.close();
      });

  it('reads at 200 % zoom (640×370 CSS px): nothing cut off, no sideways scrolling', async () => {
    const tp = await newPage(browser, { viewport: zoomed, deviceScaleFactor: 2 });
    const { page } = tp;
    const problems: string[] = [];
    const visit = async (name: string, url: string) => {
      await page.goto(url);
      await settle(page);
      for (const p of await clippedText(page)) problems.push(`${name}: ${p}`);
      await screenshot(page, `a11y-zoom-${name}`);
    };
    await visit('login', '/login');
    await login(page, 'cell.secretary');
    await visit('home', '/');
    await visit('meetings', '/meetings');
    await visit('meeting', `/meetings/${ids.meetingId}`);
    await visit('evaluation', `/evaluations/${ids.cellEvaluationId}`);
    await visit('warnings', '/warnings');
    // the navigation opened over the page
    await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).waitFor();
    await settle(page);
    for (const p of await clippedText(page)) problems.push(`navigation: ${p}`);
    await screenshot(page, 'a11y-zoom-navigation');
    if (problems.length) writeProblems('zoom', problems);
    expect(problems).toEqual([]);
    expectNoConsoleErrors(tp);
    await tp.context.close();
  });

  it('works by keyboard: the account menu, a menu of actions into a dialog and back, a dropdown', async () => {
    const tp = await newPage(browser, { viewport: desktop });
    const { page } = tp;
    await login(page, 'admin');
    await page.goto(`/org/${ids.unitId}`);
    await settle(page);

    // the account menu: opens with Enter, arrows move through it, Escape gives the focus back
    const account = page.getByRole('button', { name: /Tài khoản người dùng/ });
    await tabTo(page, account);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    // the menu's items are there (its opening transition done) before the arrow key, which it would miss
    await menuReady(page);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/^menuitem: /);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await expect.poll(() => account.evaluate((el) => el === document.activeElement)).toBe(true);

    // a menu of actions on the unit, an action opening a dialog: the focus stays inside and comes back
    const structure = page.getByRole('button', { name: 'Sắp xếp tổ chức' });
    await tabTo(page, structure);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    // the menu's items are there (its opening transition done) before the arrow key, which it would miss
    await menuReady(page);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/Chuyển trực thuộc/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    for (let i = 0; i < 12; i++) {
      expect(
        await dialog.evaluate((d) => d.contains(document.activeElement)),
        `Tab ${i} left the dialog`,
      ).toBe(true);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => structure.evaluate((el) => el === document.activeElement)).toBe(true);
    await tp.context.close();

    // a dropdown (select) opened and chosen from with the arrows and Enter
    const sec = await newPage(browser, { viewport: phone });
    await login(sec.page, 'cell.secretary');
    await sec.page.goto('/warnings');
    await settle(sec.page);
    const status = sec.page.getByRole('main').getByLabel('Trạng thái', { exact: true });
    await tabTo(sec.page, status);
    await sec.page.keyboard.press('ArrowDown');
    await sec.page.getByRole('listbox').waitFor();
    await sec.page.keyboard.press('ArrowDown');
    await sec.page.keyboard.press('Enter');
    await sec.page.getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await status.inputValue()).not.toBe('Tất cả');

    // on a phone the navigation opens from the keyboard and its links come next
    const burger = sec.page.getByRole('button', { name: 'Mở/đóng menu' });
    await tabTo(sec.page, burger);
    await sec.page.keyboard.press('Enter');
    await sec.page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }).waitFor();
    await tabTo(
      sec.page,
      sec.page.getByRole('navigation').getByRole('link', { name: 'Đảng viên', exact: true }),
    );
    expectNoConsoleErrors(sec);
    await sec.context.close();
  });
});
