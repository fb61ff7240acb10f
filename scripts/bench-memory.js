#!/usr/bin/env node
/*
 * Runs scripts/bench-memory.ts from source (Backstage's node transform compiles TypeScript on
 * the fly). Usage: node --expose-gc scripts/bench-memory.js [--requests 300] [--hostile-users 4]
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./bench-memory.ts');
