// Agency officers at work in the console: the health department finds a land service in the catalogue and
// asks for a connection to it on the page; the land department approves it from its inbox; the health
// department sees it approved, then ends it (no other test uses this owner, consumer and service). The
// justice department reads its sharing statistics as charts with their tables, and the health department
// reports an error in data it received and finds it in its list.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, provinceDay } from '../../shared/calendar/provinceDay.ts';
import { expectAccessible, screenshot, signInAs, visitConsole, type Visitor } from '../support/browser.ts';
import { getStack, justiceOfficer, query } from '../support/stack.ts';

const SERVICE = 'land.land-use-certificate:person';
const health = { role: 'officer', agency: 'so-y-te', purpose: 'public-service-delivery' };
const land = { role: 'officer', agency: 'so-nong-nghiep-moi-truong', purpose: 'land-administration' };

/** A day in the province, `days` from today (YYYY-MM-DD). */
const dayFromToday = (days: number) => addDays(provinceDay(new Date()), days);

describe('agency officers: the catalogue, connection agreements, statistics and data-error reports', () => {
  let consumer: Visitor;
  let owner: Visitor;
  let requestUrl = '';
  let requestId = '';

  beforeAll(async () => {
    await getStack();
    consumer = await visitConsole('vi');
    owner = await visitConsole('vi');
    // A step that cannot happen says which one, well before the test's own timeout.
    for (const visitor of [consumer, owner]) visitor.page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await consumer?.close();
    await owner?.close();
  });

  const heading = (visitor: Visitor) => visitor.page.locator('h1').textContent();
  const state = (visitor: Visitor) => visitor.page.locator('.agency-state strong').first().textContent();

  it('lets a health-department officer find a land service in the catalogue and read what it offers', async () => {
    const { page } = consumer;
    await signInAs(consumer, health);
    await page.goto(`${consumer.consoleUrl}agency`);
    await expect.poll(() => heading(consumer)).toBe('Cơ quan');
    await expectAccessible(page);
    await screenshot(page, 'agency-home.vi');

    await page.getByRole('link', { name: 'Danh mục dịch vụ chia sẻ' }).first().click();
    await expect.poll(() => heading(consumer)).toBe('Danh mục dịch vụ chia sẻ dữ liệu');
    await page.locator('input[name="text"]').fill('land-use-certificate');
    await page.locator('select[name="ownerAgency"]').selectOption('so-nong-nghiep-moi-truong');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => page.getByRole('link', { name: SERVICE, exact: true }).count()).toBe(1);
    expect(await page.locator('table caption').textContent()).toMatch(/^Dịch vụ chia sẻ: \d+ trên tổng số \d+$/);
    await expectAccessible(page);
    await screenshot(page, 'agency-catalogue.vi');

    await page.getByRole('link', { name: SERVICE, exact: true }).click();
    await expect.poll(() => heading(consumer)).toBe(SERVICE);
    await expect.poll(() => page.locator('.agency-facts').first().textContent()).toContain('Sở Nông nghiệp và Môi trường tỉnh Hưng Yên');
    expect(await page.getByRole('heading', { name: 'Các trường dữ liệu' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'agency-service.vi');
  });

  it('lets the health officer ask for a connection from the service page: a draft, then submitted', async () => {
    const { page } = consumer;
    await page.getByRole('link', { name: 'Đề nghị kết nối tới dịch vụ này' }).click();
    await expect.poll(() => heading(consumer)).toBe('Lập đề nghị kết nối');
    await expect.poll(() => page.getByRole('checkbox', { name: SERVICE }).isChecked()).toBe(true);
    expect(await page.locator('select[name="ownerAgency"]').inputValue()).toBe('so-nong-nghiep-moi-truong');
    await page.locator('select[name="purpose"]').selectOption('public-service-delivery');
    await page.locator('select[name="legalBasis"]').selectOption('data-sharing-decree-2025');
    await page.locator('input[name="systemName"]').fill('Hệ thống quản lý hồ sơ y tế cơ sở');
    await page.locator('input[name="contact"]').fill('Trần Thị Mai, 0221 3862 555, mai.tt@soyte.hungyen.gov.vn');
    await expectAccessible(page);
    await screenshot(page, 'agency-connection-new.vi');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();

    await expect.poll(() => state(consumer)).toBe('Bản nháp');
    requestUrl = page.url();
    requestId = decodeURIComponent(requestUrl.split('/').pop() ?? '');
    expect(await heading(consumer)).toBe(`Đề nghị kết nối ${requestId}`);
    await page.getByRole('button', { name: 'Gửi đề nghị', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(consumer)).toBe('Đã gửi, chờ quyết định');
    expect(await page.locator('table').last().textContent()).toContain('Bản nháp → Đã gửi, chờ quyết định');
    await expectAccessible(page);
    await screenshot(page, 'agency-connection-submitted.vi');
  });

  it("shows the request in the land department's inbox, where its officer approves it until a date", async () => {
    const { page } = owner;
    await signInAs(owner, land);
    await page.goto(`${owner.consoleUrl}agency/connections/inbox`);
    await expect.poll(() => heading(owner)).toBe('Hộp đề nghị chờ quyết định');
    await expect.poll(() => page.getByRole('link', { name: requestId, exact: true }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: requestId }).textContent()).toContain('Sở Y tế tỉnh Hưng Yên');
    await expectAccessible(page);
    await screenshot(page, 'agency-inbox.vi');

    await page.getByRole('link', { name: requestId, exact: true }).click();
    await expect.poll(() => state(owner)).toBe('Đã gửi, chờ quyết định');
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await page.getByLabel('Được kết nối đến hết ngày').fill(dayFromToday(180));
    await page.getByLabel('Điều kiện kèm theo (không bắt buộc)').fill('Chỉ dùng cho hồ sơ trợ cấp y tế; báo cáo sử dụng hằng quý.');
    await expectAccessible(page);
    await screenshot(page, 'agency-connection-approve.vi');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(owner)).toBe('Đã phê duyệt');
  });

  it('lets the land officer ask how the data was used, and the health officer answer on the page', async () => {
    await owner.page.getByRole('link', { name: 'Hỏi cơ quan khai thác đã dùng dữ liệu thế nào' }).click();
    await expect.poll(() => heading(owner)).toBe('Hỏi cơ quan khai thác về việc sử dụng dữ liệu');
    await owner.page.getByLabel('Câu hỏi').fill('Trong tháng qua, dữ liệu giấy chứng nhận được dùng cho những hồ sơ nào?');
    await expectAccessible(owner.page);
    await screenshot(owner.page, 'agency-usage-inquiry-new.vi');
    await owner.page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await expect.poll(() => state(owner)).toBe('Chờ trả lời');
    const inquiryUrl = owner.page.url().replace(owner.consoleUrl, consumer.consoleUrl);

    const { page } = consumer;
    await page.goto(`${consumer.consoleUrl}agency/usage-inquiries?side=CONSUMER`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: requestId }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'agency-usage-inquiries.vi');
    await page.goto(inquiryUrl);
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await page.getByLabel('Nội dung trả lời (bắt buộc)').fill('Dùng cho 12 hồ sơ trợ cấp y tế; danh sách kèm theo công văn số 45/SYT.');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(consumer)).toBe('Đã trả lời');
    expect(await page.locator('.agency-facts').textContent()).toContain('Dùng cho 12 hồ sơ trợ cấp y tế');
    await expectAccessible(page);
    await screenshot(page, 'agency-usage-inquiry.vi');
  });

  it('shows the health officer the request approved, in its page and its list, and lets her end it', async () => {
    const { page } = consumer;
    await page.goto(requestUrl);
    await expect.poll(() => state(consumer)).toBe('Đã phê duyệt');
    expect(await page.locator('.agency-facts').textContent()).toContain('Chỉ dùng cho hồ sơ trợ cấp y tế');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => state(consumer)).toBe('Approved');
    expect(await page.locator('main').textContent()).not.toMatch(/Trạng thái|Đã phê duyệt|Lịch sử|Chấm dứt/);
    await screenshot(page, 'agency-connection.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(() => state(consumer)).toBe('Đã phê duyệt');

    await page.goto(`${consumer.consoleUrl}agency/connections`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: requestId }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: requestId }).textContent()).toContain('Đã phê duyệt');
    await expectAccessible(page);
    await screenshot(page, 'agency-connections.vi');

    // Ended, so no other test's answers could depend on this connection.
    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Chấm dứt kết nối' }).click();
    await page.getByLabel('Lý do (bắt buộc)').fill('Kết thúc thử nghiệm kết nối.');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(consumer), { timeout: 10_000 }).toBe('Đã chấm dứt');
  });

  it('draws the sharing statistics as charts, each with the table of its figures, in Vietnamese and English', async () => {
    // A justice officer's read of a citizen's name, aggregated now as each register's timer would.
    const read = await query(justiceOfficer, '{ citizen(id: "033094279365") { fullName } }');
    expect(read.body.errors).toBeUndefined();
    const { subgraphs } = await getStack();
    for (const subgraph of Object.values(subgraphs)) await subgraph.aggregateSharingStatistics();

    const justice = await visitConsole('vi');
    try {
      const { page } = justice;
      await signInAs(justice, { role: 'officer', agency: 'so-tu-phap', purpose: 'civil-status-procedure' });
      await page.goto(`${justice.consoleUrl}agency/statistics`);
      await expect.poll(() => heading(justice)).toBe('Thống kê chia sẻ dữ liệu');
      await expect.poll(() => page.locator('#per-day ~ .agency-chart canvas').count()).toBe(1);
      expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.getByRole('table', { name: 'Bảng số liệu: Số yêu cầu theo dịch vụ' }).getByRole('row').filter({ hasText: 'population.citizen:identity' }).count()).toBe(1);
      expect(await page.getByRole('table', { name: 'Bảng số liệu: Số yêu cầu theo cơ quan khai thác' }).textContent()).toContain('Sở Tư pháp tỉnh Hưng Yên');
      expect(await page.getByRole('table', { name: 'Số liệu theo ngày, dịch vụ, cơ quan khai thác và mục đích' }).getByRole('row').count()).toBeGreaterThan(1);
      await expectAccessible(page);
      await screenshot(page, 'agency-statistics.vi');

      // The export link carries the session's token (never in its address) and saves the gateway's CSV.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^sharing-statistics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(await readFile((await download.path()) ?? '', 'utf8')).toContain('population.citizen:identity,so-tu-phap,civil-status-procedure');

      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect.poll(() => heading(justice)).toBe('Data-sharing statistics');
      expect(await page.getByRole('table', { name: 'Figures: Requests by service' }).count()).toBe(1);
      expect(await page.locator('main').textContent()).not.toMatch(/Số yêu cầu|Tải về|Từ ngày/);
      await expectAccessible(page);
      await screenshot(page, 'agency-statistics.en');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    } finally {
      await justice.close();
    }
  });

  it('lets the health officer report an error in land data she received, the land officer correct it, and her list show it corrected', async () => {
    const { page } = consumer;
    await page.goto(`${consumer.consoleUrl}agency/data-errors/new`);
    await expect.poll(() => heading(consumer)).toBe('Báo sai sót trong dữ liệu đã nhận');
    const values: Record<string, string> = {
      register: 'land',
      type: 'LandUseCertificate',
      recordId: 'CS-SYT-0001',
      field: 'issuedOn',
      valueSeen: '2019-02-30',
      problem: 'Ngày cấp không tồn tại trong lịch.',
      evidence: 'Hồ sơ trợ cấp số SYT-2026/0117',
    };
    for (const [name, value] of Object.entries(values)) await page.locator(`[name="${name}"]`).fill(value);
    await expectAccessible(page);
    await screenshot(page, 'agency-data-error-new.vi');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => state(consumer)).toBe('Mới');
    const reportId = decodeURIComponent(page.url().split('/').pop() ?? '');
    expect(await page.locator('.agency-facts').textContent()).toContain('Sở Nông nghiệp và Môi trường tỉnh Hưng Yên');
    await expectAccessible(page);
    await screenshot(page, 'agency-data-error.vi');

    // The land department acknowledges it, then marks it corrected with the value its register now holds.
    const reportUrl = page.url().replace(consumer.consoleUrl, owner.consoleUrl);
    await owner.page.goto(reportUrl);
    await expect.poll(() => state(owner)).toBe('Mới');
    await owner.page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await owner.page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(owner)).toBe('Đã tiếp nhận');
    await owner.page.getByRole('button', { name: 'Đánh dấu đã đính chính' }).click();
    await owner.page.getByLabel('Giá trị kho dữ liệu hiện lưu (bắt buộc)').fill('2019-02-28');
    await owner.page.getByLabel('Ghi chú (không bắt buộc)').fill('Đã sửa theo sổ cấp giấy chứng nhận.');
    await expectAccessible(owner.page);
    await screenshot(owner.page, 'agency-data-error-correct.vi');
    await owner.page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => state(owner)).toBe('Đã đính chính');
    expect(await owner.page.locator('.agency-facts').textContent()).toContain('2019-02-28');

    await page.goto(`${consumer.consoleUrl}agency/data-errors?side=REPORTER`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: reportId }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: reportId }).textContent()).toContain('Đã đính chính');
    await expectAccessible(page);
    await screenshot(page, 'agency-data-errors.vi');

    await page.goto(`${consumer.consoleUrl}agency/corrections`);
    await expect.poll(() => heading(consumer)).toBe('Thông báo đính chính dữ liệu');
    await expect.poll(() => page.getByRole('table', { name: 'Danh sách thông báo đính chính' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'agency-corrections.vi');
  });
});
