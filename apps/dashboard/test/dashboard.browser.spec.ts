import { startTelemetryServer, TickTelemetry, type TelemetryServer } from '@tickswap/telemetry';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DASHBOARD_DIR } from '../src/dashboard-dir';
import { launchChromium } from './headless-chromium';
import { liveLoop } from './live-loop';

jest.setTimeout(60_000);

const SCREENSHOT = join(__dirname, '..', 'test-output', 'dashboard.png');
const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe('dashboard in headless Chromium, on a live loop', () => {
  const { loop, scheduler, swap } = liveLoop();
  const telemetry = new TickTelemetry({ loop, scheduler, intervalMs: 250 });
  let server: TelemetryServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    loop.start();
    telemetry.start();
    server = await startTelemetryServer({ source: telemetry, staticDir: DASHBOARD_DIR });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    telemetry.stop();
    await loop.stop();
  });

  it('shows live tick statistics from the stream', async () => {
    await page.locator('#connection[data-state="live"]').waitFor();
    await page.waitForFunction(() => /Hz$/.test(document.getElementById('rate')?.textContent ?? ''));
    const before = await text(page, '#ticks');
    await page.waitForFunction((seen) => document.getElementById('ticks')?.textContent !== seen, before);
    expect(await text(page, '#version')).toBe('1');
    expect(Number(await page.locator('#lateness-plot').getAttribute('data-points'))).toBeGreaterThan(0);
  });

  it('marks a commit and a rollback on the plots, lists them in the version history and plots the ticks around the last one', async () => {
    const commit = await swap(2, 0.4);
    const notes = ['Pid: replace (add integralLimit; rename integral -> integralSum)', 'the simulator gate accepted 1 -> 2'];
    telemetry.markUpdate({ tick: commit.tick, kind: 'commit', from: 1, to: 2, pauseMs: commit.pauseMs, id: 'patch-demo', notes });
    await page.waitForFunction(() => document.getElementById('version')?.textContent === '2');
    const rollback = await swap(1, 0.2);
    telemetry.markUpdate({ tick: rollback.tick, kind: 'rollback', from: 2, to: 1, pauseMs: rollback.pauseMs, id: 'patch-demo', reason: 'watch: output out of limits' });

    await page.locator(`#window-plot[data-update-tick="${rollback.tick}"]`).waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('version')?.textContent === '1');
    // Each cell's own text; the notes of an update are the list items of its last cell.
    const rows = await page.locator('#history tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.firstChild?.textContent)));
    expect(rows).toEqual([
      [String(rollback.tick), 'rollback', '2 → 1', expect.stringMatching(/µs|ms/), expect.stringMatching(/µs|ms/), expect.stringMatching(/^\d+$/), 'patch-demo: watch: output out of limits'],
      [String(commit.tick), 'commit', '1 → 2', expect.stringMatching(/µs|ms/), expect.stringMatching(/µs|ms/), expect.stringMatching(/^\d+$/), 'patch-demo'],
    ]);
    expect(await page.locator('#history tbody tr').nth(1).locator('ul.notes li').allTextContents()).toEqual(notes);
    expect(await page.locator('#history tbody tr').nth(0).locator('ul.notes li').count()).toBe(0);
    expect(await page.locator('#lateness-plot').getAttribute('data-markers')).toBe('2');
    expect(await page.locator('#compute-plot').getAttribute('data-markers')).toBe('2');
    expect(Number(await page.locator('#window-plot').getAttribute('data-points'))).toBeGreaterThan(1000);
    expect(await text(page, '#window-title .hint')).toMatch(new RegExp(`^rollback 2→1 at tick ${rollback.tick}: pause `));

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
