/*
 * The end-to-end suites that start Lookout as a user does (`yarn start`: the app on :3000, the
 * backend on :7007). The machine has one of each port, so they run one after the other in this
 * one test file, on one Jest worker, while the other workers run the rest of the tests (as
 * separate files, a second worker would sit idle waiting for the first one's Lookout to stop).
 * startLookout's lock still keeps other processes (another checkout's run, `yarn bench:ui`) out.
 *
 * Each suite registers its `describe` when imported, in this order: the browser suite, the
 * onboarding suite, then the live suite (the longest: a real outage through Prometheus and
 * Alertmanager). Run one alone with a name pattern, e.g. `yarn test:e2e:live`.
 */
// Each test's own limit, unless it sets one (the Lookout starts in the hooks set theirs).
jest.setTimeout(300_000);

import './app.e2e';
import './onboarding.e2e';
import './live.e2e';
