#!/usr/bin/env node
// Pins every @backstage/* dependency of the workspace to one Backstage release.
//
// `backstage-cli versions:bump` needs the release manifest from the network; this does the same
// from a local `name version` list (e.g. ../shared/reference/backstage-release-1.55.0.txt):
// exact versions in every workspace package.json plus root `resolutions`, so that transitive
// @backstage packages resolve to the same release.
//
// Usage: node scripts/pin-backstage-versions.mjs <release.txt>
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [releaseFile] = process.argv.slice(2);
if (!releaseFile) {
  console.error('usage: pin-backstage-versions.mjs <release.txt>');
  process.exit(2);
}
const release = new Map(
  readFileSync(releaseFile, 'utf8')
    .split('\n')
    .map(line => line.trim().split(/\s+/))
    .filter(parts => parts.length === 2 && parts[0].startsWith('@')),
);

const root = process.cwd();
const manifests = ['package.json'];
for (const dir of ['packages', 'plugins']) {
  if (!existsSync(join(root, dir))) continue;
  for (const name of readdirSync(join(root, dir))) {
    const file = join(dir, name, 'package.json');
    if (existsSync(join(root, file))) manifests.push(file);
  }
}

const missing = new Set();
for (const file of manifests) {
  const pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      if (!name.startsWith('@backstage/')) continue;
      const version = release.get(name);
      if (!version) {
        missing.add(name);
        continue;
      }
      pkg[field][name] = field === 'peerDependencies' ? `^${version}` : version;
    }
  }
  if (file === 'package.json') {
    const resolutions = { ...pkg.resolutions };
    for (const [name, version] of release) {
      if (name.startsWith('@backstage/')) resolutions[name] = version;
    }
    pkg.resolutions = Object.fromEntries(
      Object.entries(resolutions).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  writeFileSync(join(root, file), `${JSON.stringify(pkg, null, 2)}\n`);
}
if (missing.size > 0) {
  console.error(`not in the release list: ${[...missing].sort().join(', ')}`);
  process.exit(1);
}
