/*
 * Launches Debian's Chromium through playwright-core (never a downloaded browser), with the flags
 * this machine's closed network needs.
 */
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.LOOKOUT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether Chromium is installed. Missing: the suite is skipped with a loud message on a user's
 * machine, and fails under CI (which installs it).
 */
export function requireChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) to run the browser tests`;
  if (process.env.CI) throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
  return false;
}

/** A headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
