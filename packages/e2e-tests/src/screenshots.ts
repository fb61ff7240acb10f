/*
 * Where the browser tests put their screenshots. Tests never rewrite tracked files on their own:
 * the README's screenshots (docs/screenshots/) are written only when LOOKOUT_SCREENSHOTS=1 is set
 * (`LOOKOUT_SCREENSHOTS=1 yarn test packages/e2e-tests`); screenshots of failures always go to the
 * ignored folder packages/e2e-tests/test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './startLookout';

/** The folder of failure screenshots (git-ignored). */
export const FAILURE_SCREENSHOT_DIR = resolve(
  REPO_ROOT,
  'packages/e2e-tests/test-results',
);

/** True when the run was asked to refresh the README's screenshots. */
export function refreshReadmeScreenshots(): boolean {
  return process.env.LOOKOUT_SCREENSHOTS === '1';
}

/** Saves the page as docs/screenshots/<name>.png, only when LOOKOUT_SCREENSHOTS=1. */
export async function saveReadmeScreenshot(
  page: Page,
  name: string,
): Promise<void> {
  if (!refreshReadmeScreenshots()) return;
  await page.screenshot({
    path: resolve(REPO_ROOT, 'docs/screenshots', `${name}.png`),
    fullPage: true,
  });
}

/** Saves the page after a failed check, into the ignored test-results folder. */
export async function saveFailureScreenshot(
  page: Page,
  name: string,
): Promise<string> {
  mkdirSync(FAILURE_SCREENSHOT_DIR, { recursive: true });
  const path = resolve(FAILURE_SCREENSHOT_DIR, `failed-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
