// Two security officers in the policy console: the first reads the rules in force in plain language,
// makes a broken edit and sees its problem at its line (in Vietnamese, then English), fixes it and
// proposes a change that widens access; the second approves it and a real query's answer changes; the
// first restores the version before it from the versions page, which narrows access and is in force at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signInAs, visitConsole, type Visitor } from '../support/browser.ts';
import { policiesInForce, restorePolicies, within, CITIZEN_POLICY, fileIn } from '../support/policyEdits.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

// The land office's rule, widened to beliefs: an agency and field no other test file counts reads of.
const LAND_RULE = '  - id: land-office-registers-land-rights\n    may_read: [key, identity, residence, household, death]';
const REASON = 'Sở Nông nghiệp và Môi trường cần biết tôn giáo của người sử dụng đất';
const officerA = { role: 'security-officer', subject: 'so-khcn-attt-31' };
const officerB = { role: 'security-officer', subject: 'so-khcn-attt-32' };
const landOfficer: Who = { role: 'officer', agency: 'so-nong-nghiep-moi-truong', purpose: 'land-administration' };

/** A person with a religion on record, and none of the demo citizens other test files follow. */
function believer() {
  const { citizens, demoCitizenIds } = seededProvince();
  return [...citizens].reverse().find((citizen) => citizen.religion && !demoCitizenIds.includes(citizen.id))!;
}

function landOfficeReadsReligion() {
  return query(landOfficer, `{ citizen(id: "${believer().id}") { religion } }`);
}

/** Replaces the editor's whole text, as an officer pasting over it would. */
async function typeInEditor(visitor: Visitor, text: string) {
  const content = visitor.page.locator('.cm-content');
  await content.click();
  await visitor.page.keyboard.press('Control+A');
  await visitor.page.keyboard.insertText(text);
}

describe('two security officers in the policy console', () => {
  let first: { version: number; files: Array<{ path: string; content: string }> };
  let citizenPolicy: string;
  let a: Visitor;
  let b: Visitor;

  beforeAll(async () => {
    await getStack();
    first = await policiesInForce();
    citizenPolicy = fileIn(first, CITIZEN_POLICY);
    a = await visitConsole('vi');
    // A missing element fails the step in seconds, not at the test's timeout.
    a.page.setDefaultTimeout(8000);
    await signInAs(a, officerA);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    // Whatever happened above, the other test files find the policies as this one found them.
    await restorePolicies(first.version, 'Policy console test over: restore the policies it found');
  });

  it('shows a register’s rules in plain language, beside their YAML and test cases, in Vietnamese and English', async () => {
    const { page } = a;
    await page.goto(`${a.consoleUrl}policies?register=civil-status`);
    const justice = page.locator('.policy-card', { hasText: 'civil-status/birth.policy.yaml' }).locator('li', { hasText: 'justice-keeps-the-register' });
    await expect.poll(() => justice.textContent()).toContain('Cán bộ và hệ thống thông tin của Sở Tư pháp tỉnh Hưng Yên được đọc nhóm «register-entry»');
    expect(await justice.textContent()).toContain('cho mục đích Thủ tục hộ tịch');
    const police = await page.locator('.policy-card', { hasText: 'civil-status/birth.policy.yaml' }).locator('li', { hasText: 'police-investigates-a-crime' }).textContent();
    expect(police).toContain('khi nêu số hồ sơ vụ việc');
    const birth = page.locator('.policy-card', { hasText: 'civil-status/birth.policy.yaml' });
    await birth.locator('summary').first().click();
    await birth.locator('summary').nth(1).click();
    expect(await birth.locator('pre').nth(1).textContent()).toContain('cases:');
    await expectAccessible(page);
    await screenshot(page, 'policies-in-force.vi');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => justice.textContent()).toContain('Hưng Yên Department of Justice officers and information systems may read the “register-entry” group');
    await screenshot(page, 'policies-in-force.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chính sách đang áp dụng');
  });

  it('shows the server’s problem, in the reader’s language, at the line of a broken edit, then the plain-language diff of the fixed one, and proposes it', async () => {
    const { page } = a;
    const widened = citizenPolicy.replace(LAND_RULE, `${LAND_RULE.replace(']', ', beliefs]')}`);
    expect(widened).not.toBe(citizenPolicy);
    const lines = widened.split('\n');
    const brokenLine = lines.findIndex((line, index) => index > lines.indexOf(LAND_RULE.split('\n')[0]) && line.includes('legal_basis:')) + 1;
    const broken = lines.map((line, index) => (index + 1 === brokenLine ? line.replace(/legal_basis: .*/, 'legal_basis: luat-khong-co') : line)).join('\n');

    await page.goto(`${a.consoleUrl}policies/edit?file=${encodeURIComponent(CITIZEN_POLICY)}`);
    await page.locator('.cm-content').waitFor();
    await typeInEditor(a, broken);
    // The lint mark is on the very line the server names, and the list says the line and the message.
    await expect.poll(() => page.locator('.cm-line:has(.cm-lintRange-error)').allTextContents()).toEqual(['    legal_basis: luat-khong-co']);
    expect(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count()).toBe(1);
    // Worded from the problem's code and params, in the reader's language.
    expect(await page.locator('.problems li').allTextContents()).toEqual([`Dòng ${brokenLine}: Căn cứ pháp lý “luat-khong-co” không có trong danh mục căn cứ pháp lý`]);
    // Choosing the problem puts the cursor on its line.
    await page.locator('.problems li button').click();
    await expect.poll(() => page.locator('.cm-activeLine').textContent()).toBe('    legal_basis: luat-khong-co');
    await expectAccessible(page);
    await screenshot(page, 'policy-edit-problem.vi');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('.problems li').allTextContents()).toEqual([`Line ${brokenLine}: Legal basis “luat-khong-co” is not in the catalogue of legal bases`]);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();

    await typeInEditor(a, widened);
    await expect.poll(() => page.locator('.changes li').allTextContents()).toEqual([
      'Mở rộng quyền truy cập: Cán bộ và hệ thống thông tin của Sở Nông nghiệp và Môi trường tỉnh Hưng Yên nay được đọc Citizen.ethnicity và Citizen.religion cho mục đích Quản lý đất đai, theo Luật Đất đai số 31/2024/QH15 (quy tắc land-office-registers-land-rights của population.citizen)',
    ]);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('.widening-note').textContent()).toContain('chờ một cán bộ an ninh thông tin khác phê duyệt');
    // Refused before the change: the proposal's impact replay counts this read.
    expect((await landOfficeReadsReligion()).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED' });
    await page.getByLabel('Lý do thay đổi').fill(REASON);
    await expectAccessible(page);
    await screenshot(page, 'policy-edit-diff.vi');
    await page.getByRole('button', { name: 'Đề xuất thay đổi' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã gửi đề xuất' }).textContent()).toMatch(/^Đã gửi đề xuất số \d+: đang chờ cán bộ thứ hai phê duyệt\./);
    // Pending: the land office is still refused.
    expect((await landOfficeReadsReligion()).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED' });
  });

  it('tells the author a second officer is needed, and says so plainly when they approve their own change', async () => {
    const { page } = a;
    await page.goto(`${a.consoleUrl}policies/proposals`);
    const mine = page.locator('article.proposal.pending', { hasText: REASON });
    await expect.poll(() => mine.locator('.widening-note').textContent()).toBe('Bạn là người đề xuất: cần một cán bộ an ninh thông tin khác phê duyệt.');
    expect(await mine.locator('td', { hasText: 'Citizen.religion' }).count()).toBeGreaterThanOrEqual(0);
    await mine.getByRole('textbox').fill('Tôi tự phê duyệt thay đổi của mình');
    await mine.getByRole('button', { name: 'Phê duyệt' }).click();
    await expect.poll(() => mine.getByRole('alert').first().textContent()).toBe('Cần cán bộ thứ hai: người đề xuất không thể tự phê duyệt thay đổi mở rộng quyền truy cập của mình.');
    await expectAccessible(page);
    await screenshot(page, 'policy-proposals.vi');
  });

  it('lets a second officer approve it, after which the land office’s query is answered', async () => {
    b = await visitConsole('vi');
    b.page.setDefaultTimeout(8000);
    await signInAs(b, officerB);
    const { page } = b;
    await page.goto(`${b.consoleUrl}policies/proposals`);
    const theirs = page.locator('article.proposal.pending', { hasText: REASON });
    // The change and its replay, in the reader's language.
    const change = theirs.locator('.changes li');
    await expect.poll(() => change.textContent()).toContain('Cán bộ và hệ thống thông tin của Sở Nông nghiệp và Môi trường tỉnh Hưng Yên nay được đọc Citizen.ethnicity và Citizen.religion');
    const replayed = theirs.locator('tbody tr', { hasText: 'Citizen.religion' }).filter({ hasText: 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên' });
    expect(Number(await replayed.locator('td').nth(2).textContent())).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => change.textContent()).toBe(
      'Widens access: Hưng Yên Department of Agriculture and Environment officers and information systems may now read Citizen.ethnicity and Citizen.religion for Land administration, under Luật Đất đai số 31/2024/QH15 (rule land-office-registers-land-rights of population.citizen)',
    );
    await expectAccessible(page);
    await screenshot(page, 'policy-proposals.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await theirs.getByRole('textbox').fill('Đã xem xét: cần cho hồ sơ giao đất cơ sở tôn giáo');
    await theirs.getByRole('button', { name: 'Phê duyệt' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Đề xuất số \d+: đã được phê duyệt và có hiệu lực\.$/);
    await screenshot(page, 'policy-proposals-approved.vi');
    const { religion } = believer();
    expect(await within(2, async () => (await landOfficeReadsReligion()).body.errors === undefined)).toBe(true);
    expect((await landOfficeReadsReligion()).body).toEqual({ data: { citizen: { religion } } });
  });

  it('explains, field by field, what the land office may now read', async () => {
    const { page } = b;
    await page.goto(`${b.consoleUrl}policies/explain`);
    await page.getByLabel('Cơ quan', { exact: true }).selectOption('so-nong-nghiep-moi-truong');
    await page.getByLabel('Mục đích').selectOption('land-administration');
    await page.getByLabel('Truy vấn GraphQL').fill(`{ citizen(id: "${believer().id}") { fullName religion father { fullName } } }`);
    await page.getByRole('button', { name: 'Giải thích' }).click();
    const religionRow = page.locator('tr', { has: page.locator('th', { hasText: 'citizen.religion' }) });
    await expect.poll(() => religionRow.locator('td').first().textContent()).toBe('Được cung cấp');
    expect(await religionRow.locator('td').nth(2).textContent()).toBe('population.citizen');
    expect(await religionRow.locator('td').nth(3).textContent()).toBe('land-office-registers-land-rights');
    const fatherRow = page.locator('tr', { has: page.locator('th', { hasText: /^citizen\.father$/ }) });
    expect(await fatherRow.locator('td').first().textContent()).toBe('Bị từ chối');
    expect(await fatherRow.locator('td').nth(1).textContent()).toMatch(/\((AGENCY_NOT_ALLOWED|NOT_GRANTED)\)$/);
    await expectAccessible(page);
    await screenshot(page, 'policy-explain.vi');
  });

  it('restores the version before the change from the versions page: it narrows access, so it is in force at once', async () => {
    const { page } = a;
    await page.goto(`${a.consoleUrl}policies/versions`);
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${first.version}$`) }) });
    await row.locator('summary', { hasText: 'Khôi phục phiên bản' }).click();
    await row.getByRole('textbox').fill('Thu hồi quyền đọc tôn giáo của Sở Nông nghiệp và Môi trường');
    await expectAccessible(page);
    await screenshot(page, 'policy-versions.vi');
    await row.getByRole('button', { name: 'Khôi phục' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toMatch(/^Đề xuất khôi phục số \d+: đã có hiệu lực\.$/);
    expect(await within(2, async () => (await landOfficeReadsReligion()).body.errors !== undefined)).toBe(true);
    expect(fileIn((await policiesInForce()), CITIZEN_POLICY)).toBe(citizenPolicy);
  });
});
