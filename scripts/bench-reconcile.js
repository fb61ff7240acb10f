#!/usr/bin/env node
/*
 * Runs scripts/bench-reconcile.ts from source (Backstage's node transform compiles TypeScript on
 * the fly, as for the `lookout` CLI). Usage: node scripts/bench-reconcile.js [--entities 10000] [--json]
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./bench-reconcile.ts');
