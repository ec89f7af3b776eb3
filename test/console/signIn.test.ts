// A newcomer opens the console, reads it in Vietnamese and English, and signs in from the page with a
// development token (the rules of npm run token), which stays out of every URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, inPage, screenshot, signInAs, visitConsole, type Visitor } from '../support/browser.ts';
import { getStack } from '../support/stack.ts';

describe('the console: served by the gateway, signing in', () => {
  let gateway: string;
  beforeAll(async () => {
    gateway = (await getStack()).gateway.url;
  });

  it('serves the page under /console/ with a strict content security policy, and the same page on a reload of any path below it', async () => {
    for (const path of ['/console/', '/console/me/consents', '/console/policies']) {
      const response = await fetch(`${gateway}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    }
    const missing = await fetch(`${gateway}/console/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });

  it('mints a development token only for a choice npm run token would accept', async () => {
    const ask = (body: unknown) => fetch(`${gateway}/console/api/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await ask({ roles: ['officer'] });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ problem: 'Officers, systems, data-protection officers and publishers need an agency.', code: 'AGENCY_REQUIRED' });
    expect((await ask({ roles: ['citizen'], sub: '12345' })).status).toBe(400);
    expect((await ask({ roles: ['root'], agency: 'so-tu-phap' })).status).toBe(400);
    const minted = await ask({ roles: ['officer'], agency: 'so-tu-phap' });
    const { token } = (await minted.json()) as { token: string };
    const answer = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'civil-status-procedure' },
      body: JSON.stringify({ query: '{ citizen(id: "033094279365") { fullName } }' }),
    });
    expect(await answer.json()).toEqual({ data: { citizen: { fullName: 'Hồ Hữu Lâm' } } });
  });

  describe('in a browser', () => {
    let visitor: Visitor;
    beforeAll(async () => {
      visitor = await visitConsole('vi');
    });
    afterAll(() => visitor.close());

    it('shows the home page in Vietnamese, and in English after the switch', async () => {
      const { page, consoleUrl } = visitor;
      await page.goto(consoleUrl);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Trang chủ');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await expectAccessible(page);
      await screenshot(page, 'home.vi');
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Home');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'home.en');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Trang chủ');
    });

    it('signs a police officer in from the page: the header says who, the token is in session storage and in no URL', async () => {
      const { page } = visitor;
      await page.goto(`${visitor.consoleUrl}sign-in`);
      await expectAccessible(page);
      await screenshot(page, 'sign-in.vi');
      await signInAs(visitor, { role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'HS-2026/0042' });
      await expect.poll(() => page.locator('header .who').textContent()).toBe('Đã đăng nhập: Cán bộ · cong-an-tinh · dev-officer@cong-an-tinh');
      const stored = await inPage<{ token: string; purpose: string; caseId: string }>(page, "JSON.parse(sessionStorage.getItem('console.session'))");
      expect(stored).toMatchObject({ purpose: 'criminal-investigation', caseId: 'HS-2026/0042' });
      expect(stored.token.split('.')).toHaveLength(3);
      expect(page.url()).not.toContain(stored.token.slice(0, 20));
      expect(await inPage(page, "localStorage.getItem('console.session')")).toBeNull();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await expect.poll(() => page.locator('header .account a').textContent()).toBe('Đăng nhập');
      expect(await inPage(page, "sessionStorage.getItem('console.session')")).toBeNull();
    });

    it('says what is wrong with a choice the sign-in refuses, and signs nobody in', async () => {
      const { page } = visitor;
      await page.goto(`${visitor.consoleUrl}sign-in`);
      await page.locator('select[name="role"]').selectOption('citizen');
      await page.locator('input[name="subject"]').fill('12345');
      await page.locator('form button[type="submit"]').click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Công dân đăng nhập bằng số định danh cá nhân gồm đúng 12 chữ số.');
      expect(await inPage(page, "sessionStorage.getItem('console.session')")).toBeNull();
    });
  });
});
