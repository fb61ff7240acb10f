/**
 * End-to-end test support: start Lookout as a user does and drive it in Debian's Chromium, with
 * the test upstreams (also used by `yarn bench:ui`).
 *
 * @packageDocumentation
 */
export { startLookout } from './startLookout';
export type { RunningLookout, StartLookoutOptions } from './startLookout';
export { launchChromium, requireChromium } from './chromium';
export { prepareTestUpstreams } from './upstreams/testUpstreams';
export type {
  TestUpstreams,
  TestUpstreamsOptions,
} from './upstreams/testUpstreams';
export { SYNTHETIC_TRACE_ID } from './upstreams/contractUpstreams';
