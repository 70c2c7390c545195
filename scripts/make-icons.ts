// npx tsx scripts/make-icons.ts — draws the app's icons (web app manifest, home screen) from one SVG, in
// Chromium (the browser tests' Debian build), and writes the PNGs the manifest names into src/web/public.
// Run again after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/e2e/fixtures/chromium';
import { repoRoot } from '../tests/e2e/fixtures/server';

const red = '#c92a2a';
const gold = '#ffd43b';

/** A house with a star over it; `inset` shrinks the drawing into the maskable safe zone (the inner 80 %). */
function drawing(inset: number, rounded: boolean): string {
  const s = 1 - inset * 2;
  const at = (v: number) => (512 * inset + v * s).toFixed(1);
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 38 : 92;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${at(256 + r * Math.cos(a))},${at(150 + r * Math.sin(a))}`;
  }).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="${red}"/>
  <polygon points="${star}" fill="${gold}"/>
  <path d="M${at(96)} ${at(300)} L${at(256)} ${at(196)} L${at(416)} ${at(300)}" fill="none" stroke="#fff" stroke-width="${(34 * s).toFixed(1)}" stroke-linejoin="round" stroke-linecap="round"/>
  <path d="M${at(140)} ${at(292)} V${at(430)} H${at(372)} V${at(292)}" fill="none" stroke="#fff" stroke-width="${(30 * s).toFixed(1)}" stroke-linejoin="round"/>
  <rect x="${at(226)}" y="${at(350)}" width="${(60 * s).toFixed(1)}" height="${(80 * s).toFixed(1)}" fill="#fff"/>
</svg>
`;
}

const out = path.join(repoRoot, 'src/web/public');
const icons = [
  { file: 'icon-192.png', size: 192, svg: drawing(0, true) },
  { file: 'icon-512.png', size: 512, svg: drawing(0, true) },
  { file: 'icon-maskable-512.png', size: 512, svg: drawing(0.1, false) },
  { file: 'apple-touch-icon.png', size: 180, svg: drawing(0, false) },
];

writeFileSync(path.join(out, 'icon.svg'), drawing(0, true));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}img{display:block;width:100vw;height:100vh}</style>` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}">`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  writeFileSync(path.join(out, icon.file), await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
console.log(`icons written to ${path.relative(repoRoot, out)}`);
