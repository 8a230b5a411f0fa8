// Soak test of the wall display: an embedded node with the demo feed, one wall display open in
// headless Chromium for a long while, its JS heap measured after a forced garbage collection.
//
//   node scripts/soak/soak-wall.mjs [--first 5] [--last 30] [--rotate 20] [--max-growth 10]
//
// Samples the heap (performance.memory.usedJSHeapSize, precise) every minute after forcing a GC
// through the DevTools protocol; compares minute --first with minute --last and exits 1 when the
// growth is --max-growth % or more (2 when the run itself failed). Run by scripts/soak-wall.sh,
// which builds the web node first.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const firstMinute = option('first', 5);
const lastMinute = option('last', 30);
const rotate = option('rotate', 20);
const maxGrowth = option('max-growth', 10);
const chromiumPath = process.env.LEADERBOARD_CHROMIUM || '/usr/bin/chromium';
if (!(lastMinute > firstMinute && firstMinute >= 1)) {
  console.error('--last must be after --first, and --first at least 1 (minutes)');
  process.exit(2);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const mb = bytes => (bytes / 1024 / 1024).toFixed(2);

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function waitReady(base, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/health/ready`);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  throw new Error(`the node at ${base} did not become ready`);
}

// The 2024 campaign has 209 days; the feed must still be playing at the last sample.
const campaignDays = 209;
const secondsPerDay = Math.max(3, Math.ceil(((lastMinute + 2) * 60) / campaignDays));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dll = join(root, 'web', 'bin', 'Debug', 'net10.0', 'Leaderboard.Web.dll');
const node = spawn('dotnet', [dll, `--urls=${base}`, `--contentRoot=${join(root, 'web')}`,
  '--Leaderboard:Demo:Enabled=true', `--Leaderboard:Demo:SecondsPerDay=${secondsPerDay}`], {
  cwd: join(root, 'web'),
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
let nodeExited = false;
node.on('exit', () => { nodeExited = true; });

let browser;
let exitCode = 2;
try {
  await waitReady(base, 120_000);
  const campaigns = await (await fetch(`${base}/api/v1/campaigns`)).json();
  const campaign = campaigns[0];
  const board = campaign.boards[0];
  console.log(`node ${base}, demo feed at ${secondsPerDay} s per campaign day; wall of ${campaign.id}/${board.id}, views rotating every ${rotate} s`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(`${base}/wall?campaign=${encodeURIComponent(campaign.id)}&board=${encodeURIComponent(board.id)}&rotate=${rotate}`);
  await page.waitForSelector('#connection[data-state="connected"]', { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);

  const started = Date.now();
  const samples = new Map();
  for (let minute = 1; minute <= lastMinute; minute++) {
    await sleep(Math.max(0, started + minute * 60_000 - Date.now()));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
    const dom = await cdp.send('Memory.getDOMCounters');
    const status = await page.evaluate(() => ({
      connection: document.querySelector('#connection')?.dataset.state,
      updated: document.querySelector('#updated-at')?.textContent,
      rows: document.querySelectorAll('.rank-row').length,
    }));
    samples.set(minute, heap);
    console.log(`minute ${String(minute).padStart(2)}: heap ${mb(heap)} MiB, ${dom.nodes} DOM nodes, ${dom.jsEventListeners} listeners, `
      + `${status.rows} rows, ${status.connection}, ${status.updated}`);
    if (nodeExited) throw new Error('the node stopped during the soak');
  }

  const first = samples.get(firstMinute);
  const last = samples.get(lastMinute);
  const growth = ((last - first) / first) * 100;
  console.log(`\nJS heap at minute ${firstMinute}: ${mb(first)} MiB (${first} bytes)`);
  console.log(`JS heap at minute ${lastMinute}: ${mb(last)} MiB (${last} bytes)`);
  console.log(`growth: ${growth.toFixed(2)} % (limit ${maxGrowth} %)`);
  if (errors.length > 0) console.log(`page errors: ${errors.length} (first: ${errors[0]})`);
  exitCode = growth < maxGrowth && errors.length === 0 ? 0 : 1;
  console.log(exitCode === 0 ? 'soak: passed' : 'soak: FAILED');
} catch (error) {
  console.error(`soak: could not run: ${error.message}`);
  exitCode = 2;
} finally {
  await browser?.close().catch(() => {});
  if (!nodeExited) {
    try { process.kill(-node.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}
process.exit(exitCode);
