/*
 * `yarn dev:stack`: starts the local stack, writes app-config.local.yaml (loaded by `yarn start`
 * after app-config.yaml) so Lookout provisions into it and reads from it, and stops everything
 * (removing that file again) on Ctrl-C.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingBinaries, STACK_BINARIES, startDevStack } from './devStack';
import { REPO_ROOT } from './startLookout';

const LOCAL_CONFIG = join(REPO_ROOT, 'app-config.local.yaml');
const MARKER = '# Written by yarn dev:stack';

async function main() {
  const missing = missingBinaries();
  if (missing.length > 0) {
    process.stderr.write(
      `yarn dev:stack needs ${missing.join(', ')} on PATH.\n` +
        `On Debian/Ubuntu: sudo apt-get install ${missing
          .map(m => STACK_BINARIES[m])
          .join(' ')}\n`,
    );
    process.exit(1);
  }
  if (
    existsSync(LOCAL_CONFIG) &&
    !readFileSync(LOCAL_CONFIG, 'utf8').startsWith(MARKER)
  ) {
    process.stderr.write(
      `${LOCAL_CONFIG} exists and was not written by yarn dev:stack; move it away first.\n`,
    );
    process.exit(1);
  }
  const stack = await startDevStack();
  writeFileSync(LOCAL_CONFIG, stack.appConfig);
  process.stdout.write(
    `Lookout dev stack is up:\n${stack.describe()}\n\n` +
      `Wrote app-config.local.yaml; run \`yarn start\` in another terminal and open\n` +
      `http://localhost:3000/catalog/default/component/demo-service\n\nCtrl-C stops everything.\n`,
  );
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(
      '\nstopping (and removing app-config.local.yaml)...\n',
    );
    rmSync(LOCAL_CONFIG, { force: true });
    stack.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => undefined, 1 << 30);
}

main().catch(error => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
