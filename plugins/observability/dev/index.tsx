/*
 * Serves the plugin in isolation (`yarn start` in this folder) with the new frontend system.
 */
import { createDevApp } from '@backstage/frontend-dev-utils';
import plugin from '../src/alpha';

createDevApp({ features: [plugin] });
