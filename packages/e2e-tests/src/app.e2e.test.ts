/*
 * Lookout as a user meets it: `yarn start`, sign in as guest, open the demo services in Chromium.
 * Saves the screenshots the README shows (docs/screenshots/).
 */
import { Browser, Locator, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { launchChromium, requireChromium } from './chromium';
import { REPO_ROOT, RunningLookout, startLookout } from './startLookout';

const haveChromium = requireChromium();
const describeInBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(120_000);

/** Waits until the locator is visible (playwright-core has no assertion library). */
function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 30_000 });
}

/** The visible text of the locator, once it is visible. */
async function textOf(locator: Locator): Promise<string> {
  await visible(locator);
  return locator.innerText();
}

describeInBrowser('Lookout in a real browser', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lookout = await startLookout();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(lookout.appUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await visible(page.getByRole('link', { name: 'checkout' }).first());
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await lookout?.stop();
  });

  async function openEntity(name: string) {
    await page.goto(`${lookout.appUrl}/catalog/default/component/${name}`);
    try {
      await visible(
        page
          .locator('.MuiCardHeader-root')
          .filter({ hasText: /^Observability$/ })
          .first(),
      );
    } catch (e) {
      await screenshot(`failed-${name}`);
      throw e;
    }
  }

  async function screenshot(name: string) {
    await page.screenshot({
      path: resolve(REPO_ROOT, 'docs/screenshots', `${name}.png`),
      fullPage: true,
    });
  }

  it('starts the backend without errors', () => {
    const errors = lookout
      .output()
      .split('\n')
      .map(line => stripVTControlCharacters(line))
      .join('\n')
      .split('\n')
      .filter(line => /^\S+\s+\S+\s+error\b/.test(line));
    expect(errors).toEqual([]);
  });

  it("shows what Lookout understood of a service's annotations", async () => {
    await openEntity('checkout');
    const card = page.locator('.MuiCard-root').filter({ hasText: 'Metrics scrape' });
    const text = await textOf(card.first());
    expect(text).toContain('availability');
    expect(text).toContain('99.9%');
    expect(text).toContain('port http-metrics');
    expect(text).toContain('{namespace="shop", app="checkout"}');
    await screenshot('card-checkout');
  });

  it('explains every problem of a broken entity, naming the annotation', async () => {
    await openEntity('search');
    const card = page.locator('.MuiCard-root').filter({ hasText: 'Annotation problems' });
    const text = await textOf(card.first());
    expect(text).toMatch(/lookout\.dev\/metrics-port: "http metrics" contains a space/);
    expect(text).toMatch(/lookout\.dev\/slos\[0\]\.objective: 100%/);
    expect(text).toMatch(/did you mean lookout\.dev\/dashboard/);
    await screenshot('card-search-problems');
  });
});

