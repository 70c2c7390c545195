import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './fixtures/axe';
import {
  DEMO_PASSWORD,
  demoTotpCode,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  screenshot,
  skipBrowser,
} from './fixtures/browser';
import { repoRoot } from './fixtures/server';
import { useSpecServer } from './fixtures/spec-server';

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

interface Ids {
  memberId: string;
  unitId: string;
  letterId: string;
  verifyPath: string;
  meetingId: string;
  myMeetingId: string;
  cellEvaluationId: string;
}

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
function writeProblems(name: string, problems: string[]) {
  const dir = path.join(repoRoot, 'test-results/a11y');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.txt`), `${problems.join('\n')}\n`);
}

/** Waits until the page's code and data are in and nothing moves. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.getByRole('main').waitFor();
  await page.waitForFunction(
    () =>
      // a loader in a closed filter panel does not count
      [...document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"]')].every(
        (el) => !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      ) && document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** The controls of the header and the main content smaller than 44×44 px: "what — w×h". */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      '[role="button"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="switch"]',
      '[role="combobox"]',
    ].join(',');
    const visible = (r: DOMRect) => r.width > 1 && r.height > 1;
    const union = (rects: DOMRect[]) => {
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return { width: right - left, height: bottom - top };
    };
    const found: string[] = [];
    const seen = new Set<Element>();
    for (const root of document.querySelectorAll('header, main')) {
      for (const el of root.querySelectorAll<HTMLElement>(selector)) {
        if (seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        // a disabled control is no target (WCAG 2.5.8 counts what can be operated)
        if (el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true') continue;
        if (style.visibility === 'hidden' || el.closest('[aria-hidden="true"], [inert]')) continue;
        // WCAG 2.5.8: a link inside a sentence is sized by the line of text it sits in
        if (el.tagName === 'A' && style.display === 'inline') continue;
        let rects = [el.getBoundingClientRect()].filter(visible);
        if (el instanceof HTMLInputElement) {
          // a checkbox or radio is hit through its label too (segmented controls hide the input itself)
          rects = [...rects, ...[...(el.labels ?? [])].map((l) => l.getBoundingClientRect()).filter(visible)];
          // and through the invisible square global.css puts around a box without a visible label
          const after = getComputedStyle(el, '::after');
          const holder = el.offsetParent?.getBoundingClientRect();
          if (after.content !== 'none' && after.position === 'absolute' && holder) {
            const inset = (v: string) => parseFloat(v) || 0;
            rects.push(
              new DOMRect(
                holder.left + inset(after.left),
                holder.top + inset(after.top),
                holder.width - inset(after.left) - inset(after.right),
                holder.height - inset(after.top) - inset(after.bottom),
              ),
            );
          }
        }
        if (!rects.length) continue;
        const size = union(rects);
        if (size.width >= 43.5 && size.height >= 43.5) continue;
        const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
        const name = el.getAttribute('aria-label') ?? label ?? el.textContent?.trim().slice(0, 40) ?? '';
        const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`;
        found.push(`${what} "${name}" — ${Math.round(size.width)}×${Math.round(size.height)}`);
      }
    }
    return found;
  });
}

/** Every check of one page: what is wrong with it, prefixed by where. */
async function checkPage(page: Page, where: string, onPhone: boolean, isApp: boolean): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.getByRole('heading', { level: 1 }).count();
  if (h1 !== 1) problems.push(`${where}: ${h1} level-one headings`);
  const landmarks = await page.evaluate(() => ({
    banner: document.querySelectorAll('header, [role="banner"]').length,
    navigation: document.querySelectorAll('nav, [role="navigation"]').length,
    main: document.querySelectorAll('main, [role="main"]').length,
  }));
  if (landmarks.main !== 1) problems.push(`${where}: ${landmarks.main} main landmarks`);
  if (isApp && (landmarks.banner < 1 || landmarks.navigation < 1))
    problems.push(`${where}: no header or navigation landmark`);
  // the whole page (header and navigation too), and visible labels inside accessible names (WCAG 2.5.3)
  for (const v of await seriousViolations(page, 'body', ['label-content-name-mismatch']))
    problems.push(`${where}: axe ${v}`);
  if (onPhone) for (const t of await smallTargets(page)) problems.push(`${where}: small target ${t}`);
  return problems;
}

/** The ids of the records the pages show, read through the API as the roles that see them. */
async function readIds(baseURL: string): Promise<Ids> {
  const as = async (account: string): Promise<APIRequestContext> => {
    const ctx = await request.newContext({ baseURL });
    const res = await ctx.post('/api/auth/login', { data: { login: account, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    const me = (await res.json()) as { csrfToken: string; security: { pending: string } };
    if (me.security.pending === 'second_factor') {
      const step = await ctx.post('/api/auth/second-factor', {
        data: { code: demoTotpCode() },
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(step.status()).toBe(200);
    }
    return ctx;
  };
  const first = async (
    ctx: APIRequestContext,
    url: string,
  ): Promise<{ id: string } & Record<string, unknown>> => {
    const res = await ctx.get(url);
    expect(res.status(), url).toBe(200);
    const body = (await res.json()) as { items: ({ id: string } & Record<string, unknown>)[] };
    expect(body.items.length, url).toBeGreaterThan(0);
    return body.items[0]!;
  };
  const admin = await as('admin');
  const member = await first(admin, '/api/members?limit=1');
  await admin.dispose();
  const commune = await as('commune.officer');
  const letter = await first(commune, '/api/introductions/letters?side=commune&limit=1');
  const detail = (await (await commune.get(`/api/introductions/letters/${letter.id}`)).json()) as {
    verifyUrl: string;
  };
  await commune.dispose();
  const secretary = await as('cell.secretary');
  const meeting = await first(secretary, '/api/meetings?limit=1');
  const evaluation = await first(secretary, '/api/evaluations?side=cell&limit=1');
  await secretary.dispose();
  const me = await as('member');
  const myMeeting = await first(me, '/api/meetings/mine');
  await me.dispose();
  return {
    memberId: member.id,
    unitId: meeting.cellId as string,
    letterId: letter.id,
    verifyPath: new URL(detail.verifyUrl).pathname,
    meetingId: meeting.id,
    myMeetingId: myMeeting.id,
    cellEvaluationId: evaluation.id,
  };
}

/** Text cut off by its box (an overflow that hides it) and sideways scrolling of the page, at 200 % zoom. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (sideways > 1) found.push(`the page scrolls sideways by ${sideways} px`);
    const pageText = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('header *, main *')) {
      if (!el.checkVisibility() || !el.textContent?.trim()) continue;
      // only elements holding text of their own
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
      const style = getComputedStyle(el);
      const hidesX = ['hidden', 'clip'].includes(style.overflowX);
      const hidesY = ['hidden', 'clip'].includes(style.overflowY);
      // shortened with an ellipsis where the whole text is shown too (a breadcrumb under its page's title)
      if (style.textOverflow === 'ellipsis' && pageText.split(el.innerText.trim()).length > 2) continue;
      if (
        (hidesX && el.scrollWidth > el.clientWidth + 1) ||
        (hidesY && el.scrollHeight > el.clientHeight + 1)
      )
        found.push(
          `"${el.textContent.trim().slice(0, 40)}" is cut off (${el.tagName.toLowerCase()}.${el.className.split(' ').pop()})`,
        );
    }
    return found;
  });
}

/** Presses Tab until the target has the focus: it is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached with ${max} presses of Tab: ${target.toString()}`);
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`
      : '';
  });

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
