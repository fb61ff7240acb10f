/*
 * Onboarding as a user meets it: `yarn start`, sign in as guest, open a service without Lookout
 * annotations (storefront), "Add observability" opens the template with the service filled in,
 * and the SLO step underlines an objective of 100 as it is typed, with the catalog parser's
 * message, and lets the form move on once it is fixed. Saves the screenshot the README shows
 * (docs/screenshots/onboarding-slo-field.png) when LOOKOUT_SCREENSHOTS=1 is set.
 */
import { Browser, Locator, Page } from 'playwright-core';
import { stripVTControlCharacters } from 'node:util';
import { launchChromium, requireChromium } from './chromium';
import { saveFailureScreenshot, saveReadmeScreenshot } from './screenshots';
import {
  RunningLookout,
  START_HOOK_TIMEOUT_MS,
  startLookout,
} from './startLookout';

const describeInBrowser = requireChromium() ? describe : describe.skip;

/** The dev server answers slowly on a loaded 2-core machine. */
const WAIT_MS = 60_000;

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Resolves once `done` holds, polling; fails after WAIT_MS. */
async function settled(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the form did not settle');
    await new Promise(r => setTimeout(r, 100));
  }
}

describeInBrowser('onboarding from the Create page, in a real browser', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Other runs hold the machine's one Lookout (ports 3000 and 7007) in turn: startLookout
    // waits for it.
    lookout = await startLookout();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.setDefaultNavigationTimeout(3 * WAIT_MS);
    await page.goto(lookout.appUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await visible(page.getByRole('link', { name: 'checkout' }).first());
  }, START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await lookout?.stop();
  }, 60_000);

  /** Runs `check`; on failure saves a screenshot named after `what` first. */
  async function withFailureScreenshot(
    what: string,
    check: () => Promise<void>,
  ) {
    try {
      await check();
    } catch (e) {
      await saveFailureScreenshot(page, what);
      throw e;
    }
  }

  it('starts the backend with the scaffolder without errors', () => {
    const errors = lookout
      .output()
      .split('\n')
      .map(line => stripVTControlCharacters(line))
      .filter(line => /^\S+\s+\S+\s+error\b/.test(line));
    expect(errors).toEqual([]);
  });

  it('opens the template from the card of a service without annotations, with the service filled in', async () => {
    await page.goto(`${lookout.appUrl}/catalog/default/component/storefront`);
    const add = page.getByRole('button', { name: 'Add observability' });
    await withFailureScreenshot('onboarding-card', () => visible(add));
    await add.click();
    await page.waitForURL(/\/create\/templates\/default\/add-observability/);
    await visible(page.getByText('Add observability to a service').first());
    const formData = new URL(page.url()).searchParams.get('formData');
    expect(JSON.parse(formData!)).toEqual({
      entityRef: 'component:default/storefront',
    });
  });

  it('underlines an objective of 100 as it is typed and moves on once it is fixed', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    const availability = page.getByLabel('Availability objective (%)');
    await visible(availability);

    await availability.fill('100');
    const help = page.locator('#lookout-slo-availabilityObjective-helper-text');
    const message = help.getByText(/100% leaves no error budget/);
    await withFailureScreenshot('onboarding-slo', () => visible(message));
    expect(await availability.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Latency objective (%)').fill('99');
    await page.getByLabel('Latency threshold').fill('300ms');
    await saveReadmeScreenshot(page, 'onboarding-slo-field');

    // The form does not move on with the error.
    const next = page.getByRole('button', { name: 'Next' });
    await next.click();
    // Backstage's stepper validates on Next (our validation asks the backend) and then writes
    // back the values it validated: typing before that ends would be overwritten with 100.
    await settled(
      async () =>
        (await next.isEnabled()) &&
        (await page.getByRole('progressbar').count()) === 0,
    );
    await visible(message);

    await availability.fill('99.9');
    expect(await availability.inputValue()).toBe('99.9');
    await visible(help.getByText('Share of requests that succeed'));
    expect(await availability.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByLabel('Metrics port'));
  });
});
