#!/usr/bin/env node
/*
 * Runs scripts/bench-metrics.ts from source (Backstage's node transform compiles TypeScript on
 * the fly). Usage: node scripts/bench-metrics.js [--duration 20] [--clients 50] [--entities 10]
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./bench-metrics.ts');
