/*
 * Lookout as a user meets it: `yarn start`, sign in as guest, open the demo services in Chromium.
 * Saves the screenshots the README shows (docs/screenshots/).
 */
import { Browser, Locator, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { launchChromium, requireChromium } from './chromium';
import { REPO_ROOT, RunningLookout, startLookout } from './startLookout';

const haveChromium = requireChromium();
const describeInBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(120_000);

/** Waits until the locator is visible (playwright-core has no assertion library). */
function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 30_000 });
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
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter(line => /^\S+\s+\S+\s+error\b/.test(line));
    expect(errors).toEqual([]);
  });

  it("shows what Lookout understood of a service's annotations", async () => {
    await openEntity('checkout');
    const card = page.locator('.MuiCard-root').filter({ hasText: 'Metrics scrape' });
    await visible(card.getByText('availability').first());
    await visible(card.getByText('99.9%').first());
    await visible(card.getByText('{namespace="shop", app="checkout"}').first());
    await screenshot('card-checkout');
  });

  it('explains every problem of a broken entity, naming the annotation', async () => {
    await openEntity('search');
    await visible(
      page.getByText(/lookout\.dev\/metrics-port: "http metrics" contains a space/),
    );
    await visible(page.getByText(/lookout\.dev\/slos\[0\]\.objective: 100%/));
    await visible(page.getByText(/did you mean lookout\.dev\/dashboard/));
    await screenshot('card-search-problems');
  });
});

