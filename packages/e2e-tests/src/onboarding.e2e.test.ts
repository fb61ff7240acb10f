/*
 * Onboarding as a user meets it: `yarn start`, sign in as guest, open a service without Lookout
 * annotations (storefront), "Add observability" opens the template with the service filled in,
 * and the SLO step underlines an objective of 100 as it is typed, with the catalog parser's
 * message, and lets the form move on once it is fixed. Saves the screenshot the README shows.
 */
import { Browser, Locator, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { launchChromium, requireChromium } from './chromium';
import { REPO_ROOT, RunningLookout, startLookout } from './startLookout';

const describeInBrowser = requireChromium() ? describe : describe.skip;

jest.setTimeout(120_000);

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 30_000 });
}

describeInBrowser('onboarding from the Create page, in a real browser', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    lookout = await startLookout();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    ).newPage();
    await page.goto(lookout.appUrl);
    await page.getByRole('button', { name: /enter/i }).click();
    await visible(page.getByRole('link', { name: 'checkout' }).first());
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await lookout?.stop();
  }, 60_000);

  async function screenshot(name: string) {
    await page.screenshot({
      path: resolve(REPO_ROOT, 'docs/screenshots', `${name}.png`),
      fullPage: true,
    });
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
    try {
      await visible(add);
    } catch (e) {
      await screenshot('failed-onboarding-card');
      throw e;
    }
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
    const message = page.getByText(/100% leaves no error budget/);
    try {
      await visible(message);
    } catch (e) {
      await screenshot('failed-onboarding-slo');
      throw e;
    }
    expect(await availability.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Latency objective (%)').fill('99');
    await page.getByLabel('Latency threshold').fill('300ms');
    await screenshot('onboarding-slo-field');

    // The form does not move on with the error.
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(message);

    await availability.fill('99.9');
    await message.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await availability.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByLabel('Metrics port'));
  });
});
