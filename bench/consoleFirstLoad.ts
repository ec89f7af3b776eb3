// The console's first load (issue 16, item 7: under 1 s over loopback): each page opened in a fresh
// browser context (nothing cached) in Debian's chromium, timed from the navigation's start until the
// page's heading is drawn (the single-page app fetched, parsed, run and, where it asks, answered), and
// the bytes it transferred. Reported with the bench's figures; never a pass/fail test.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureChromium } from '../scripts/chromium.ts';

/** The pages a visitor lands on first: home, sign-in, the open-data catalogue (which asks the gateway anonymously). */
export const FIRST_LOAD_PAGES = ['/console/', '/console/sign-in', '/console/open-data'];
const LOADS_PER_PAGE = 7;

export interface ConsoleFirstLoad {
  path: string;
  loads: number;
  medianMs: number;
  worstMs: number;
  transferredKb: number;
}

export async function measureConsoleFirstLoad(gatewayUrl: string): Promise<ConsoleFirstLoad[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results: ConsoleFirstLoad[] = [];
    for (const path of FIRST_LOAD_PAGES) {
      const times: number[] = [];
      let transferred = 0;
      for (let load = 0; load < LOADS_PER_PAGE; load += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let bytes = 0;
        page.on('response', (response) => {
          void response.body().then((body) => (bytes += body.length), () => undefined);
        });
        const started = performance.now();
        await page.goto(`${gatewayUrl}${path}`);
        await page.locator('h1').first().waitFor({ state: 'visible' });
        // The page's own query answered: no "loading" text left (the console's default language). Asked
        // through the debugging protocol: waitForFunction evaluates its predicate with eval in the page,
        // which the console's CSP (script-src 'self') refuses.
        while (await page.evaluate("document.body.innerText.includes('Đang tải…')")) await new Promise((resolve) => setTimeout(resolve, 5));
        times.push(performance.now() - started);
        transferred = bytes;
        await context.close();
      }
      times.sort((a, b) => a - b);
      results.push({ path, loads: LOADS_PER_PAGE, medianMs: times[Math.floor(times.length / 2)], worstMs: times[times.length - 1], transferredKb: transferred / 1024 });
    }
    return results;
  } finally {
    await browser.close();
  }
}

export function printConsoleFirstLoad(loads: ConsoleFirstLoad[]): void {
  for (const load of loads) {
    console.log(
      `console first load ${load.path}: median ${load.medianMs.toFixed(0)} ms, worst ${load.worstMs.toFixed(0)} ms of ${load.loads} cold loads, ` +
        `${load.transferredKb.toFixed(0)} kB transferred (target: under 1 s over loopback)`,
    );
  }
}

// Alone, against a running gateway: npx tsx bench/consoleFirstLoad.ts http://127.0.0.1:4000
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const gatewayUrl = process.argv[2] ?? 'http://127.0.0.1:4000';
  ensureChromium();
  printConsoleFirstLoad(await measureConsoleFirstLoad(gatewayUrl));
}
