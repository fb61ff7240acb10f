#!/usr/bin/env node
/*
 * Runs scripts/bench-api.ts from source (Backstage's node transform compiles TypeScript on the
 * fly). Usage: node scripts/bench-api.js [--duration 20] [--clients 50] [--entities 100]
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./bench-api.ts');
