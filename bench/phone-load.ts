/**
 * npm run bench:phone — how long a phone on a poor network waits, measured in Chromium.
 * Profile (issue 11): 360×740, 400 ms latency, 400 kbit/s down and up (CDP network emulation), cold cache.
 * Starts its own server (port BENCH_PORT, default 3201, fresh DATA_DIR under /tmp, demo seed) on the
 * current dist/web (`npm run build` first; it builds only when dist/web is missing).
 * Times, median of BENCH_RUNS (default 3), each run in a new browser context (empty cache):
 *   - login form usable: navigation start → the login field and password field accept typing;
 *   - home after login: the click on "Đăng nhập" → the greeting of the home page is visible;
 *   - home with its data: the same click → no request open for a second (the counts have arrived);
 *   - home, next visit: a reload of the home page with what the first visit cached.
 * Always exits 0: the numbers are for reading (the JS budget is checked by scripts/check-budget.mjs).
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath, DEMO_PASSWORD } from '../tests/e2e/fixtures/chromium';
import { startServer } from '../tests/e2e/fixtures/server';

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USERNAME = process.env.BENCH_USER ?? 'cell.secretary';
const KBIT = 400;
const LATENCY_MS = 400;
const QUIET_MS = 1000;

interface Run {
  loginMs: number;
  loginBytes: number;
  homeMs: number;
  homeBytes: number;
  homeSettledMs: number;
  homeSettledBytes: number;
  reloadMs: number;
  reloadBytes: number;
}

/** Bytes on the wire (compressed bodies and headers) of everything loaded while `action` runs. */
async function timed(bytes: { total: number }, action: () => Promise<void>) {
  const before = bytes.total;
  const started = performance.now();
  await action();
  return { ms: performance.now() - started, bytes: bytes.total - before };
}

async function oneRun(browser: Browser, baseUrl: string): Promise<Run> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const throughput = (KBIT * 1000) / 8; // bytes per second
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: throughput,
    uploadThroughput: throughput,
  });
  const bytes = { total: 0 };
  const inFlight = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string }) => inFlight.add(e.requestId));
  cdp.on('Network.loadingFailed', (e: { requestId: string }) => inFlight.delete(e.requestId));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    inFlight.delete(e.requestId);
    bytes.total += e.encodedDataLength;
  });
  /** Until no request has been open for QUIET_MS (the home page's data has arrived); the quiet time is not counted. */
  const settled = async () => {
    let quietSince = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (inFlight.size) quietSince = performance.now();
      else if (performance.now() - quietSince >= QUIET_MS) return quietSince;
    }
  };

  const login = await timed(bytes, async () => {
    await page.goto('/login', { waitUntil: 'commit' });
    await page.getByLabel('Tên đăng nhập').fill(USERNAME);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  });
  const greeting = page.getByRole('heading', { name: /Xin chào/ });
  const homeStarted = performance.now();
  const home = await timed(bytes, async () => {
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await greeting.waitFor();
  });
  const homeSettledMs = (await settled()) - homeStarted;
  const homeSettledBytes = bytes.total - login.bytes;
  const reload = await timed(bytes, async () => {
    await page.reload({ waitUntil: 'commit' });
    await greeting.waitFor();
  });
  await context.close();
  return {
    loginMs: login.ms,
    loginBytes: login.bytes,
    homeMs: home.ms,
    homeBytes: home.bytes,
    homeSettledMs,
    homeSettledBytes,
    reloadMs: reload.ms,
    reloadBytes: reload.bytes,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

const server = await startServer({ port: PORT });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await oneRun(browser, server.baseUrl);
    console.log(
      `run ${i + 1}: login form ${seconds(run.loginMs)} (${kb(run.loginBytes)}), home ${seconds(run.homeMs)} (${kb(run.homeBytes)}), with its data ${seconds(run.homeSettledMs)} (${kb(run.homeSettledBytes)}), next visit ${seconds(run.reloadMs)} (${kb(run.reloadBytes)})`,
    );
    runs.push(run);
  }
  const m = (key: keyof Run) => median(runs.map((r) => r[key]));
  console.log(
    `\nPhone profile: 360×740, ${LATENCY_MS} ms latency, ${KBIT} kbit/s down and up, cold cache; ${USERNAME}; median of ${RUNS}`,
  );
  console.table({
    'login form usable': { time: seconds(m('loginMs')), transferred: kb(m('loginBytes')) },
    'home after login': { time: seconds(m('homeMs')), transferred: kb(m('homeBytes')) },
    'home with its data': { time: seconds(m('homeSettledMs')), transferred: kb(m('homeSettledBytes')) },
    'home, next visit': { time: seconds(m('reloadMs')), transferred: kb(m('reloadBytes')) },
  });
} finally {
  await browser.close();
  await server.stop();
}
