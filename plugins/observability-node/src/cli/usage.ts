/*
 * Usage text and usage errors of the `lookout` CLI (DESIGN §4).
 */

/** The CLI's usage text. */
export const USAGE = `Usage:
  lookout render --catalog <file|dir>... --out <dir> [--format operator|prometheus]
                 [--config <app-config.yaml>]... [--allow-read <dir>]... [--check] [--no-cache]
  lookout validate --catalog <file|dir>... [--config <app-config.yaml>]... [--allow-read <dir>]...
  lookout release --entity <kind:namespace/name> --version <version> --backend <url>
                  [--at <RFC 3339>] [--url <link>] [--description <text>] [--kind <kind>]
  lookout gate --entity <kind:namespace/name> --backend <url> [--kind <kind>]

Commands:
  render     Render every entity with Lookout annotations into --out. Entities with errors are
             not written (their files from an earlier run are kept); exit 1 when any has errors.
  validate   Check the Lookout annotations of every entity; write nothing.
  release    Record a release of the entity in the backend (token in $LOOKOUT_TOKEN); exit 0
             recorded, 1 refused, 2 usage error or backend unreachable.
  gate       Ask the backend whether the entity's error-budget policy allows a deploy (of
             --kind); exit 0 allowed, 1 frozen (the reasons are printed), 2 usage error,
             backend unreachable or no decision.

Options:
  --catalog  Catalog YAML file, or folder searched for *.yaml/*.yml (repeatable)
  --out      Output folder; only files Lookout generated are ever replaced or removed
  --format   operator (Kustomize folder per entity; default) or prometheus (rule files, file_sd)
  --config   Backstage app-config file(s) with the observability settings (repeatable; later
             files override earlier ones)
  --allow-read
             Folder OpenSLO documents (lookout.dev/openslo) may also be read from (repeatable).
             Without it only files inside the folder of the entity's catalog file are read:
             absolute paths, ../ out of it and links out of it are refused
  --check    Write nothing; exit 1 and list the differing paths when --out is not up to date
  --no-cache Render even when nothing changed since the last run. Without it, a run whose code,
             settings, catalog files, OpenSLO files and output folder are exactly as the last
             run left them (size, mtime, ctime, inode) prints that run's result without rendering;
             the stamp lives in node_modules/.cache/lookout (or $LOOKOUT_CACHE_DIR)
  -h, --help Show this text

Exit codes: 0 no entity has errors; 1 an entity has errors (or --check found drift);
2 usage error.
`;

/** An error in how the CLI was called: exit code 2 and the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
