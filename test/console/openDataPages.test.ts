// An anonymous visitor, signed in nowhere, uses the province's open data from the console: searches the
// catalogue, narrows it by a facet, opens a dataset and reads its freshness, versions and first rows,
// downloads its CSV and JSON from the gateway, and reports a problem; in Vietnamese and in English.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAsPublisher } from '../../scripts/demoOpenData.ts';
import { expectAccessible, screenshot, visitConsole, type Visitor } from '../support/browser.ts';
import { getStack, query } from '../support/stack.ts';

const DATASET = 'administrative-units';
const HEADER = 'unit_code,unit_name,unit_kind,effective_from,former_code,former_name,former_district,former_province_code';

describe('the open-data pages, for a visitor who does not sign in', () => {
  let visitor: Visitor;
  // The dataset's titles as the catalogue holds them now: other test files edit its metadata as publishers.
  let TITLE_VI: string;
  let TITLE_EN: string;
  let KEYWORD: string;
  beforeAll(async () => {
    // What a publisher of the platform's own agency does first (npm start does it in development).
    const published = await refreshAsPublisher((await getStack()).gateway.url, DATASET, 'so-khoa-hoc-cong-nghe');
    expect(published).toHaveProperty('outcome');
    const { body } = await query(null, `{ openDataset(id: "${DATASET}") { title titleEn keywords } }`);
    const held = (body.data as { openDataset: { title: string; titleEn: string; keywords: string[] } }).openDataset;
    ({ title: TITLE_VI, titleEn: TITLE_EN } = held);
    KEYWORD = held.keywords[0];
    visitor = await visitConsole('vi');
  });
  afterAll(() => visitor.close());

  it('searches the catalogue by words and narrows it by a facet, with counts per value', async () => {
    const { page, consoleUrl } = visitor;
    await page.goto(`${consoleUrl}open-data`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dữ liệu mở');
    await expect.poll(() => page.locator('.datasets > li').count()).toBe(7);
    expect(await page.locator('.result-count').textContent()).toBe('7 bộ dữ liệu');
    await expectAccessible(page);
    await screenshot(page, 'open-data-catalogue.vi');

    await page.getByLabel('Tìm theo từ khóa').fill('trước sắp xếp');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => page.locator('.datasets > li h2').allTextContents()).toEqual([TITLE_VI]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('trước sắp xếp');

    await page.getByRole('button', { name: 'Bỏ mọi bộ lọc' }).click();
    await expect.poll(() => page.locator('.datasets > li').count()).toBe(7);
    const publisher = page.getByLabel('Cơ quan công bố');
    const choices = await publisher.locator('option').allTextContents();
    expect(choices[0]).toBe('Tất cả (7)');
    const science = choices.find((text) => text.startsWith('Sở Khoa học và Công nghệ'));
    expect(science).toMatch(/\(\d\)$/);
    await publisher.selectOption({ label: science! });
    const count = Number(/\((\d)\)$/.exec(science!)![1]);
    await expect.poll(() => page.locator('.datasets > li').count()).toBe(count);
    expect(await page.locator('.datasets > li h2').allTextContents()).toContain(TITLE_VI);
    expect(new URL(page.url()).searchParams.get('publisher')).toBe('so-khoa-hoc-cong-nghe');
    await screenshot(page, 'open-data-catalogue-filtered.vi');
  });

  it('opens a dataset: its freshness, columns, versions with their SHA-256, its first rows and its keywords, in Vietnamese and English', async () => {
    const { page } = visitor;
    await page.getByRole('link', { name: TITLE_VI, exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE_VI);
    const facts = page.locator('.facts').first();
    expect(await facts.textContent()).toMatch(/Độ cập nhật(Đang cập nhật|Sắp đến hạn cập nhật|Quá hạn cập nhật)/);
    expect(await facts.textContent()).toMatch(/Công bố lần cuối\d/);
    expect(await page.locator('table.versions tbody tr').first().locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('table.preview thead th').first().textContent()).toBe('Mã đơn vị');
    expect(await page.locator('table.preview tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'open-data-dataset.vi');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE_EN);
    expect(await page.locator('table.preview thead th').first().textContent()).toBe('Unit code');
    const english = await page.locator('main').textContent();
    for (const vietnamese of ['Tải', 'Độ cập nhật', 'Các phiên bản', 'Báo lỗi']) expect(english).not.toContain(vietnamese);
    await expectAccessible(page);
    await screenshot(page, 'open-data-dataset.en');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE_VI);

    // A keyword leads to the catalogue of the datasets listing it, and back.
    await page.getByRole('link', { name: `Các bộ dữ liệu có từ khóa “${KEYWORD}”` }).click();
    await expect.poll(() => page.locator('.keyword').textContent()).toContain(`Các bộ dữ liệu có từ khóa “${KEYWORD}”.`);
    await expect.poll(() => page.locator('.datasets > li h2').allTextContents()).toContain(TITLE_VI);
    await page.getByRole('link', { name: TITLE_VI, exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE_VI);
  });

  it('downloads the dataset as CSV and as JSON from the gateway', async () => {
    const { page } = visitor;
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Tải CSV: ${TITLE_VI}` }).click()]);
    expect(csv.suggestedFilename()).toBe(`${DATASET}.csv`);
    const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(HEADER);
    expect(lines.length).toBeGreaterThan(1);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Tải JSON: ${TITLE_VI}` }).click()]);
    expect(json.suggestedFilename()).toBe(`${DATASET}.json`);
    const rows = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Record<string, unknown>[];
    expect(rows.length).toBe(lines.length - 1);
    expect(Object.keys(rows[0]!)).toEqual(HEADER.split(','));
  });

  it('reports a problem without signing in, is told what the platform refused, and gets a receipt', async () => {
    const { page } = visitor;
    await page.getByRole('link', { name: 'Báo lỗi dữ liệu' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Báo lỗi: ${TITLE_VI}`);
    await page.getByLabel('Mô tả lỗi').fill('Phường Phố Hiến thiếu một đơn vị cũ trong tệp CSV.');
    await page.getByLabel('Cách liên hệ với bạn').fill('không có');
    await page.getByRole('button', { name: 'Gửi báo lỗi' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Dữ liệu nhập không hợp lệ');
    expect(await page.getByRole('textbox', { name: 'Cách liên hệ với bạn' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.report').textContent()).toContain('hãy nhập một địa chỉ thư điện tử hoặc một số điện thoại');
    await expectAccessible(page);
    await screenshot(page, 'open-data-report-refused.vi');

    await page.getByLabel('Cách liên hệ với bạn').fill('nguoidan@example.vn');
    await page.getByRole('button', { name: 'Gửi báo lỗi' }).click();
    await expect.poll(() => page.locator('.ok h2').textContent()).toBe('Đã nhận báo lỗi');
    expect(await page.locator('.ok').textContent()).toMatch(/Mã báo lỗi của bạn là \S+, nhận lúc .+Trạng thái: Đang mở/);
    await expectAccessible(page);
    await screenshot(page, 'open-data-report-receipt.vi');
  });

  it('says so when the catalogue has no such dataset', async () => {
    const { page, consoleUrl } = visitor;
    await page.goto(`${consoleUrl}open-data/no-such-dataset`);
    await expect.poll(() => page.locator('main p').first().textContent()).toBe('Danh mục dữ liệu mở không có bộ dữ liệu này.');
  });

  it('says plainly when the gateway answers 429, and when to try again', async () => {
    const { page, consoleUrl } = visitor;
    await page.route('**/graphql', (route) => route.fulfill({ status: 429, headers: { 'retry-after': '7', 'content-type': 'application/json' }, body: '{"errors":[{"message":"Too many requests"}]}' }));
    await page.goto(`${consoleUrl}open-data`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Quá nhiều yêu cầu; hãy thử lại sau 7 giây.');
    await page.unroute('**/graphql');
  });
});
