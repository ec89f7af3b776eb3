// The console's browser tests: one headless Debian chromium per test run (playwright-core), pages signed
// in through the console's own sign-in page, screenshots kept as artefacts (test-artifacts/screenshots),
// and axe-core run on a page for serious and critical violations.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM } from '../../scripts/chromium.ts';
import { getStack } from './stack.ts';

export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/screenshots');

let browser: Promise<Browser> | undefined;

/** The run's browser, started on first use and closed when the test process exits. */
export function theBrowser(): Promise<Browser> {
  browser ??= chromium
    .launch({
      executablePath: CHROMIUM,
      // The flags this machine's closed network needs (no background fetches, no QUIC, no sandbox as root).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .then((started) => {
      process.once('beforeExit', () => void started.close());
      return started;
    });
  return browser;
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** The console's address, e.g. http://127.0.0.1:41234/console/ */
  consoleUrl: string;
  close: () => Promise<void>;
}

/** A fresh browser context (its own session storage) on the console, in `language` (Vietnamese by default). */
export async function visitConsole(language: 'vi' | 'en' = 'vi'): Promise<Visitor> {
  const stack = await getStack();
  const context = await (await theBrowser()).newContext({ locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
  // The language switch keeps its choice in localStorage; a test starts in the language it names.
  await context.addInitScript({ content: `if (!localStorage.getItem('console.language')) localStorage.setItem('console.language', ${JSON.stringify(language)});` });
  const page = await context.newPage();
  const consoleUrl = `${stack.gateway.url}/console/`;
  return { context, page, consoleUrl, close: () => context.close() };
}

export interface SignInChoice {
  role: string;
  agency?: string;
  subject?: string;
  purpose?: string;
  caseId?: string;
}

/** Signs in through the console's development sign-in page, as a newcomer would. */
export async function signInAs(visitor: Visitor, choice: SignInChoice): Promise<void> {
  const { page } = visitor;
  await page.goto(`${visitor.consoleUrl}sign-in`);
  await page.locator('select[name="role"]').selectOption(choice.role);
  await page.locator('select[name="agency"]').selectOption(choice.agency ?? '');
  await page.locator('input[name="subject"]').fill(choice.subject ?? '');
  await page.locator('select[name="purpose"]').selectOption(choice.purpose ?? '');
  await page.locator('input[name="caseId"]').fill(choice.caseId ?? '');
  await page.locator('form button[type="submit"]').click();
  // The home page, which the router names /console (no slash) after signing in.
  await page.waitForURL((url) => url.pathname === '/console' || url.pathname === '/console/');
}

/** Keeps a full-page screenshot as a test artefact, named for the page and the language. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * The value of a JavaScript expression in the page, e.g. `sessionStorage.getItem('console.session')`.
 * (An expression rather than a function: the project's TypeScript has Node's globals, not the browser's.)
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.x A and AA rules, best practices). */
export async function expectAccessible(page: Page): Promise<void> {
  // Evaluated through the debugging protocol: the console's CSP (scripts only from its origin) stays on.
  if (!(await inPage<boolean>(page, "'axe' in window"))) await page.evaluate(axe.source);
  const violations = await inPage<{ id: string; impact: string | null; help: string; targets: string[] }[]>(
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
      .then((result) => result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')).slice(0, 5) })))`,
  );
  expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
}
