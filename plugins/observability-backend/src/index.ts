export { observabilityPlugin as default } from './plugin';
