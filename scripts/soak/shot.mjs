// Screenshot of one page in the machine's headless Chromium, for looking at a page by hand:
//   node scripts/soak/shot.mjs <url> <out.png> [width] [height] [waitMs]
import { chromium } from 'playwright-core';

const [url, out, width = '1920', height = '1080', waitMs = '3000'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node shot.mjs <url> <out.png> [width] [height] [waitMs]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.error(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', e => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForTimeout(Number(waitMs));
  await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
  const scroll = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  console.log(JSON.stringify(scroll));
} finally {
  await browser.close();
}
