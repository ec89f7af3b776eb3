// A citizen manages her data from the console's pages: she reads her record, grants a consent to the
// Department of Home Affairs, sees its officer's read in "who used my data", withdraws the consent and the
// next read is refused; a parent chooses his minor child by name, reads her record, makes a data request
// for her and sees who used her data; the pages read in English too.
// The citizen and the parent are people no other test file consents or requests for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../synthetic/types.ts';
import { expectAccessible, screenshot, signInAs, visitConsole, type Visitor } from '../support/browser.ts';
import { query, seededProvince, type Who } from '../support/stack.ts';

const TODAY = new Date().toISOString().slice(0, 10);
const isMinor = (person: Citizen) => `${Number(TODAY.slice(0, 4)) - 18}${TODAY.slice(4)}` < person.dateOfBirth;

/** An adult living in the register whom no other test file names. */
function theCitizen(): Citizen {
  const { citizens, demoCitizenIds } = seededProvince();
  return citizens.filter((person) => !person.dateOfDeath && person.dateOfBirth < '2000-01-01' && !demoCitizenIds.includes(person.id)).at(-11)!;
}

/** A parent of a living minor child (neither named by another test file), and that child. */
function aParentAndChild(): { parent: Citizen; child: Citizen } {
  const { citizens, demoCitizenIds } = seededProvince();
  const byId = new Map(citizens.map((person) => [person.id, person]));
  const children = citizens.filter((person) => !person.dateOfDeath && isMinor(person) && person.fatherId && !byId.get(person.fatherId)!.dateOfDeath && !demoCitizenIds.includes(person.fatherId));
  const child = children.at(-5)!;
  return { parent: byId.get(child.fatherId!)!, child };
}

const homeAffairsOfficer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };

describe("the citizen's pages", () => {
  let visitor: Visitor;
  beforeAll(async () => {
    visitor = await visitConsole('vi');
  });
  afterAll(() => visitor.close());

  const heading = () => visitor.page.locator('h1').textContent();

  it('shows a citizen her record, each agency under its name, and what she may not see as refused with the reason', async () => {
    const citizen = theCitizen();
    const { page } = visitor;
    await signInAs(visitor, { role: 'citizen', subject: citizen.id });
    await page.goto(`${visitor.consoleUrl}me`);
    await expect.poll(heading).toBe('Dữ liệu của tôi');
    await expectAccessible(page);
    await screenshot(page, 'citizen-home.vi');

    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await expect.poll(heading).toBe('Hồ sơ của tôi');
    const population = page.locator('section[aria-labelledby="register-population"]');
    await expect.poll(() => population.textContent()).toContain(citizen.fullName);
    expect(await population.textContent()).toContain('Do Công an tỉnh Hưng Yên lưu giữ');
    expect(await population.textContent()).toContain(citizen.id);
    expect(await page.locator('section[aria-labelledby="register-civil-status"] h2').textContent()).toBe('Cơ sở dữ liệu hộ tịch');
    expect(await page.locator('section[aria-labelledby="register-civil-status"] .held-by').textContent()).toBe('Do Sở Tư pháp tỉnh Hưng Yên lưu giữ');
    await expectAccessible(page);
    await screenshot(page, 'citizen-record.vi');
  });

  it('grants a consent on the page; the officer reads under it, the read is in "who used my data"; she withdraws it and the next read is refused', async () => {
    const citizen = theCitizen();
    const { page } = visitor;
    const officerRead = () => query(homeAffairsOfficer, `{ citizen(id: "${citizen.id}") { id fullName } }`);
    expect((await officerRead()).body.errors?.[0]?.extensions?.reason).toBe('CONSENT_REQUIRED');

    await page.goto(`${visitor.consoleUrl}me/consents`);
    await expect.poll(heading).toBe('Sự đồng ý của tôi');
    await page.getByLabel('Cơ quan được dùng dữ liệu').selectOption('so-noi-vu');
    await page.getByLabel('Mục đích').selectOption('public-service-delivery');
    await page.locator('input[name="fieldGroups"][value="population.citizen:identity"]').check();
    await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Đã ghi nhận sự đồng ý của bạn cho Sở Nội vụ tỉnh Hưng Yên.');
    const consentRow = page.locator('table.consents tbody tr', { hasText: 'Sở Nội vụ tỉnh Hưng Yên' });
    await expect.poll(() => consentRow.textContent()).toContain('Đang hiệu lực');
    expect(await consentRow.textContent()).toContain('Giải quyết thủ tục hành chính');
    expect(await consentRow.textContent()).toContain('Nhân thân (hồ sơ công dân, Cơ sở dữ liệu dân cư)');
    await expectAccessible(page);
    await screenshot(page, 'citizen-consents.vi');

    expect((await officerRead()).body).toEqual({ data: { citizen: { id: citizen.id, fullName: citizen.fullName } } });

    await page.getByRole('link', { name: 'Ai đã dùng dữ liệu của tôi' }).click();
    await expect.poll(heading).toBe('Ai đã dùng dữ liệu của tôi');
    const readRow = page.locator('table.access-log tbody tr', { hasText: 'Sở Nội vụ tỉnh Hưng Yên' }).first();
    await expect.poll(() => readRow.locator('td').nth(5).textContent()).toBe('Đã cung cấp: họ và tên');
    const cells = await readRow.locator('td').allTextContents();
    expect(cells[1]).toBe('Sở Nội vụ tỉnh Hưng Yên');
    expect(cells[2]).toBe('Giải quyết thủ tục hành chính');
    expect(cells[4]).toBe('Công an tỉnh Hưng Yên');
    expect(cells[6]).toBe('Sự đồng ý của bạn');
    // The read before her consent was refused, and says so.
    const refusedRow = page.locator('table.access-log tbody tr', { hasText: 'Bị từ chối' }).filter({ hasText: 'Sở Nội vụ tỉnh Hưng Yên' });
    expect(await refusedRow.locator('td').nth(5).textContent()).toBe('Bị từ chối: tra cứu hồ sơ công dân');
    expect(await refusedRow.locator('td').nth(6).textContent()).toBe('Từ chối vì cần sự đồng ý của bạn');
    await expectAccessible(page);
    await screenshot(page, 'citizen-access-log.vi');
    // A period before the read shows nothing.
    await page.getByLabel('Từ ngày').fill('2025-01-01');
    await page.getByLabel('Đến hết ngày').fill('2025-01-31');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Không có lần nào trong khoảng thời gian này.');

    await page.getByRole('link', { name: 'Sự đồng ý của tôi' }).click();
    await page.getByRole('button', { name: 'Rút lại sự đồng ý cho Sở Nội vụ tỉnh Hưng Yên' }).click();
    await expect.poll(() => page.locator('.confirm p').textContent()).toContain('Rút lại sự đồng ý cho Sở Nội vụ tỉnh Hưng Yên?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Có, rút lại' }).click();
    // A withdrawal answers once no register can still hold the consent (a little over a second).
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 }).toContain('Đã rút lại sự đồng ý cho Sở Nội vụ tỉnh Hưng Yên.');
    await expect.poll(() => consentRow.textContent()).toContain('Đã rút lại');

    const refused = (await officerRead()).body;
    expect(refused.data).toEqual({ citizen: null });
    expect(refused.errors?.map((error) => [error.extensions?.code, error.extensions?.reason])).toEqual([['FORBIDDEN', 'CONSENT_REQUIRED']]);
  });

  it("lets a parent choose a minor child by name, read the child's record, make and withdraw a data request for the child, and see who used the child's data", async () => {
    const { parent, child } = aParentAndChild();
    const { page } = visitor;
    await signInAs(visitor, { role: 'citizen', subject: parent.id });
    await page.goto(`${visitor.consoleUrl}me/record`);
    await expect.poll(heading).toBe('Hồ sơ của tôi');
    const population = page.locator('section[aria-labelledby="register-population"]');
    await expect.poll(() => population.textContent()).toContain(parent.fullName);
    // The population register's minor children of his, by name: he chooses one, and every page is hers.
    const childChoice = page.getByRole('radio', { name: new RegExp(`^Con tôi: ${child.fullName} \\(sinh ngày`) });
    await childChoice.check();
    await expect.poll(() => page.locator('.acting-for [role="status"]').textContent()).toContain(`Bạn đang xem và thực hiện thay cho con: ${child.fullName}.`);
    await expect.poll(() => population.textContent()).toContain(child.fullName);
    expect(await population.textContent()).toContain(child.id);
    await expectAccessible(page);
    await screenshot(page, 'citizen-record-of-a-child.vi');

    // The choice holds from page to page: the request is made for the child, given by him.
    await page.getByRole('link', { name: 'Yêu cầu cung cấp dữ liệu' }).click();
    await expect.poll(heading).toBe('Yêu cầu cung cấp dữ liệu');
    expect(await childChoice.isChecked()).toBe(true);
    await page.getByLabel('Cơ quan đang lưu giữ dữ liệu').selectOption('cong-an-tinh');
    await page.locator('input[name="fieldGroups"][value="population.citizen:key"]').check();
    await page.locator('input[name="fieldGroups"][value="population.citizen:identity"]').check();
    await page.getByLabel('Cơ quan nhận dữ liệu').selectOption('so-tu-phap');
    await page.getByLabel('Số hồ sơ của cơ quan nhận').fill('HT-2026/004816');
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Đã gửi yêu cầu chuyển dữ liệu cho Sở Tư pháp tỉnh Hưng Yên.');
    const requestRow = page.locator('table.subject-requests tbody tr', { hasText: 'HT-2026/004816' });
    await expect.poll(() => requestRow.textContent()).toContain('Đang chờ sử dụng');
    expect(await requestRow.textContent()).toContain('Sở Tư pháp tỉnh Hưng Yên');
    await expectAccessible(page);
    await screenshot(page, 'citizen-requests-for-a-child.vi');
    const asked = (await query({ role: 'citizen', sub: child.id }, '{ mySubjectRequests { subjectId requestedBy caseId } }')).body.data.mySubjectRequests;
    expect(asked).toContainEqual({ subjectId: child.id, requestedBy: parent.id, caseId: 'HT-2026/004816' });

    // Acting for himself, the parent does not see his child's request.
    await page.getByRole('radio', { name: 'Bản thân tôi' }).check();
    await expect.poll(() => page.locator('table.subject-requests').count()).toBe(0);
    await childChoice.check();
    await page.getByRole('button', { name: 'Rút lại: HT-2026/004816' }).click();
    await page.getByRole('button', { name: 'Có, rút lại' }).click();
    await expect.poll(() => requestRow.textContent()).toContain('Đã rút lại');

    // Who used the child's data: among others, the parent's own looks at her record, named as a parent's.
    await page.getByRole('link', { name: 'Ai đã dùng dữ liệu của tôi' }).click();
    await expect.poll(heading).toBe('Ai đã dùng dữ liệu của tôi');
    const parentsLooks = page.locator('table.access-log tbody tr', { hasText: `Cha hoặc mẹ (số định danh ${parent.id})` });
    // Her record's identity, held by the police (the population register).
    await expect.poll(() => parentsLooks.filter({ hasText: 'Công an tỉnh Hưng Yên' }).filter({ hasText: 'họ và tên' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'citizen-access-log-of-a-child.vi');
  });

  it('reads in English after the switch, with nothing left in Vietnamese but names', async () => {
    const { child } = aParentAndChild();
    const { page } = visitor;
    await page.goto(`${visitor.consoleUrl}me/record`);
    await expect.poll(heading).toBe('Hồ sơ của tôi');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(heading).toBe('My record');
    await expect.poll(() => page.locator('section[aria-labelledby="register-population"] .held-by').textContent()).toBe('Held by Hưng Yên Provincial Police');
    expect(await page.locator('section[aria-labelledby="register-civil-status"] h2').textContent()).toBe('Civil-status register');
    await expectAccessible(page);
    await screenshot(page, 'citizen-record.en');
    await page.getByRole('link', { name: 'My data requests' }).click();
    await expect.poll(heading).toBe('My data requests');
    await page.getByRole('radio', { name: new RegExp(`^My child: ${child.fullName} \\(born`) }).check();
    await expect.poll(() => page.locator('.acting-for [role="status"]').textContent()).toContain(`You are seeing and acting for your child: ${child.fullName}.`);
    await expect.poll(() => page.locator('table.subject-requests tbody tr').first().textContent()).toContain('Withdrawn');
    await screenshot(page, 'citizen-requests-for-a-child.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(heading).toBe('Yêu cầu cung cấp dữ liệu');
  });
});
