// The dashboard as the controller serves it: the real controller process on the simulated robot, the demo
// patch hot-swapped while the page watches in headless Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './headless-chromium';

// Real-time runs on a shared machine can lose deadlines to other processes (the watch may then roll an update back);
// a genuine fault fails every attempt, preemption does not (each failed attempt is logged).
jest.retryTimes(2, { logErrorsBeforeRetry: true });

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOT = join(__dirname, '..', 'test-output', 'dashboard-controller.png');
const WAIT = { timeout: 60_000 };

describe('dashboard served by the controller, in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tickswap-dashboard-e2e-'));
  const args = ['--dashboard-port', '0', '--broker-port', '0', '--journal', join(dir, 'journal.log'), '--rate', '250', '--timing', 'efficient'];
  const controller = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', join(ROOT, 'apps/controller/src/main.ts'), ...args, '--patch', 'pid-integral-limit', '--apply-after', '2', '--duration', '100'], { cwd: ROOT });
  const exited = new Promise<number | null>((resolve) => controller.on('close', resolve));
  let stdout = '';
  const served = new Promise<string>((resolve) =>
    controller.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
      if (url !== undefined) resolve(url);
    }),
  );
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  afterAll(async () => {
    await browser?.close();
    controller.kill('SIGINT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the live ticks and marks the commit of the demo patch applied while it watches', async () => {
    const url = await Promise.race([served, exited.then(() => Promise.reject(new Error(`the controller exited: ${stdout}`)))]);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${url}/`);
    await page.locator('#connection[data-state="live"]').waitFor(WAIT);
    await page.waitForFunction(() => /Hz$/.test(document.getElementById('rate')?.textContent ?? ''), undefined, WAIT);

    const commit = page.locator('#history tbody tr:has(td.kind-commit)');
    await commit.waitFor(WAIT);
    const cells = await commit.locator('td').allInnerTexts();
    expect(cells.slice(2, -1)).toEqual(['commit', '0 → 1', expect.stringMatching(/µs|ms/), expect.stringMatching(/µs|ms/), expect.stringMatching(/^\d+$/)]);
    // The update's name, then what it changed and how the gate judged it.
    expect(cells.at(-1)).toMatch(/^pid-integral-limit\n/);
    expect(await commit.locator('ul.notes li').allTextContents()).toEqual([
      expect.stringMatching(/^Pid: replace \(.*add integralLimit; rename integral -> integralSum\)$/),
      'validated: Pid',
      expect.stringMatching(/^the simulator gate accepted 0 -> 1: /),
    ]);
    const markers = async (plot: string) => Number(await page.locator(plot).getAttribute('data-markers'));
    await page.waitForFunction(() => Number(document.getElementById('lateness-plot')?.dataset['markers']) >= 1, undefined, WAIT);
    expect(await markers('#compute-plot')).toBeGreaterThanOrEqual(1);
    // The window comes once its 800 ticks after the commit have run.
    await page.locator('#window-plot[data-update-tick]:not([data-update-tick=""])').waitFor(WAIT);
    expect(Number(await page.locator('#window-plot').getAttribute('data-points'))).toBeGreaterThan(0);

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
