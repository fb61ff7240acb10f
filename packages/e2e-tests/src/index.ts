/**
 * End-to-end test support: start Lookout as a user does and drive it in Debian's Chromium.
 *
 * @packageDocumentation
 */
export { startLookout } from './startLookout';
export type { RunningLookout, StartLookoutOptions } from './startLookout';
export { launchChromium, requireChromium } from './chromium';
