// A newcomer opens GraphiQL at /, signs in from its panel as the README's police officer, puts a demo
// citizen's id into the editor with one click and runs the README's first query, with no command line.
// Where the gateway says it is not in development, the panel is not there.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, screenshot, visitConsole, type Visitor } from '../support/browser.ts';
import { getStack } from '../support/stack.ts';

/**
 * axe-core's serious and critical findings (the rules of expectAccessible) inside GraphiQL 4.1.2's own
 * interface, or outside it (the playground's header and sign-in panel), by rule.
 */
async function seriousFindings(page: Page, where: 'inside GraphiQL' | 'outside GraphiQL'): Promise<string[]> {
  if (!(await inPage<boolean>(page, "'axe' in window"))) await page.evaluate(axe.source);
  const context = where === 'inside GraphiQL' ? "{ include: [['.graphiql-container']] }" : "{ exclude: [['.graphiql-container']] }";
  const rules = "{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }";
  return inPage<string[]>(
    page,
    `axe.run(${context}, ${rules}).then((result) => result.violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id }) => id).sort())`,
  );
}

// GraphiQL's own, which this repository cannot fix without patching GraphiQL: CodeMirror's unlabelled
// textareas and unfocusable scroll areas, tabs nested in list items, the logo's and syntax colours' contrast.
const GRAPHIQL_OWN_FINDINGS = ['color-contrast', 'label', 'nested-interactive', 'scrollable-region-focusable'];

describe('the playground (GraphiQL at /) and its development sign-in', () => {
  let visitor: Visitor;
  let gateway: string;
  beforeAll(async () => {
    gateway = (await getStack()).gateway.url;
    visitor = await visitConsole('vi');
  });
  afterAll(() => visitor.close());

  it("signs the README's police officer in from the panel, fills the headers, and runs the first query with a demo id", async () => {
    const { page } = visitor;
    await page.goto(`${gateway}/`);
    const panel = page.locator('#sign-in-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Đăng nhập thử (chỉ trong môi trường phát triển)');
    await page.locator('.graphiql-container').waitFor();
    await page.getByLabel('Vai trò').selectOption('officer');
    await page.getByLabel('Cơ quan').selectOption('cong-an-tinh');
    await page.getByLabel('Mục đích (X-Purpose)').selectOption('criminal-investigation');
    await page.getByLabel('Số hồ sơ (X-Case-Id)').fill('HS-2026/0042');
    await page.getByRole('button', { name: 'Đăng nhập và điền tiêu đề' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Đã điền tiêu đề cho Cán bộ · cong-an-tinh. Mã có hiệu lực một giờ.');
    await page.getByRole('button', { name: 'Headers' }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await expect.poll(() => headersEditor.textContent()).toContain('"X-Case-Id": "HS-2026/0042"');
    expect(await headersEditor.textContent()).toMatch(/"Authorization": "Bearer [\w-]+\.[\w-]+\.[\w-]+"/);
    // The token lives in GraphiQL's editor only: never kept in the browser's storage, never in the address.
    expect(await inPage<string>(page, 'JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href')).not.toContain('Bearer ');

    await page.getByRole('button', { name: 'Hồ Hữu Lâm (033094279365)' }).click();
    await expect.poll(() => page.locator('.graphiql-query-editor').textContent()).toContain('citizen(id: "033094279365")');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 20_000 }).toContain('"fullName": "Hồ Hữu Lâm"');
    await screenshot(page, 'playground.vi');
    expect(await seriousFindings(page, 'outside GraphiQL')).toEqual([]);
    expect(await seriousFindings(page, 'inside GraphiQL')).toEqual(GRAPHIQL_OWN_FINDINGS);
  });

  it('says why a choice npm run token would refuse gives no token', async () => {
    const { page } = visitor;
    await page.getByLabel('Vai trò').selectOption('citizen');
    await page.getByLabel('Tài khoản hoặc số định danh cá nhân').fill('12345');
    await page.getByRole('button', { name: 'Đăng nhập và điền tiêu đề' }).click();
    await expect.poll(() => page.locator('#sign-in-panel').getByRole('status').textContent()).toBe('Không lấy được mã thử nghiệm. Công dân đăng nhập bằng số định danh cá nhân gồm đúng 12 chữ số.');
    await page.getByLabel('Tài khoản hoặc số định danh cá nhân').fill('');
    await page.getByLabel('Vai trò').selectOption('officer');
  });

  it('speaks English when the console does', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('#sign-in-panel h2').textContent()).toBe('Try signing in (development only)');
    expect(await page.locator('#sign-in-panel').textContent()).not.toMatch(/Đăng nhập|Vai trò|Cơ quan|Công dân mẫu/);
    expect(await inPage<string>(page, "localStorage.getItem('console.language')")).toBe('en');
    await screenshot(page, 'playground.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('shows no sign-in panel where the gateway says it is not in development (production), and GraphiQL still works', async () => {
    const { page } = visitor;
    // What a production gateway answers (test/production/productionStart.test.ts checks that it does).
    await page.route('**/console/api/sign-in-options', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ development: false, roles: [], agencies: [], purposes: [], demoCitizens: [] }) }),
    );
    await page.goto(`${gateway}/`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.locator('#sign-in-panel').isHidden()).toBe(true);
    expect(await page.locator('#sign-in-panel form').count()).toBe(0);
    await page.unroute('**/console/api/sign-in-options');
  });
});
