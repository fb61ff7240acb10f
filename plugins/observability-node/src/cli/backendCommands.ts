/*
 * The CLI's commands for pipelines, which talk to a running Lookout backend (DESIGN §10):
 * `lookout release` records a release of an entity, `lookout gate` asks whether the entity's
 * error-budget policy allows a deploy. The token comes from LOOKOUT_TOKEN (a Backstage static
 * external-access token, or any token the backend accepts).
 *
 * Exit codes: release 0 recorded, 1 refused by the backend; gate 0 allowed, 1 frozen; both 2 on
 * a usage error, a backend that cannot be reached, or an answer that is not a decision.
 */
import { parseArgs } from 'node:util';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DeployGateResponse,
  Release,
  parseReleaseKind,
} from '@lookout/plugin-observability-common';
import { UsageError } from './usage';

/** `lookout release`. */
export interface ReleaseCommand {
  command: 'release';
  entityPath: string;
  backend: string;
  body: {
    version: string;
    at?: string;
    url?: string;
    description?: string;
    kind?: string;
  };
}

/** `lookout gate`. */
export interface GateCommand {
  command: 'gate';
  entityPath: string;
  backend: string;
  kind?: string;
}

function entityPath(ref: string | undefined): string {
  if (!ref) {
    throw new UsageError(
      '--entity is required, e.g. component:default/checkout',
    );
  }
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch (error) {
    throw new UsageError(`--entity: ${(error as Error).message}`);
  }
  return [parsed.kind, parsed.namespace, parsed.name]
    .map(part => encodeURIComponent(part))
    .join('/');
}

function backendUrl(text: string | undefined): string {
  if (!text) {
    throw new UsageError('--backend is required, e.g. http://localhost:7007');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--backend "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--backend "${text}" is not an http(s) URL`);
  }
  return url.href.replace(/\/+$/, '');
}

function kindOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parseReleaseKind(text);
  if (!parsed.ok) throw new UsageError(`--kind: ${parsed.message}`);
  return parsed.value;
}

/** Parses `release ...` or `gate ...`; throws {@link UsageError}. */
export function parseBackendCommand(
  args: string[],
): ReleaseCommand | GateCommand {
  const [command, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        entity: { type: 'string' },
        backend: { type: 'string' },
        kind: { type: 'string' },
        ...(command === 'release' && {
          version: { type: 'string' },
          at: { type: 'string' },
          url: { type: 'string' },
          description: { type: 'string' },
        }),
      },
    });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
  const { values } = parsed as { values: Record<string, string | undefined> };
  const base = {
    entityPath: entityPath(values.entity),
    backend: backendUrl(values.backend),
  };
  const kind = kindOption(values.kind);
  if (command === 'gate') {
    return { command, ...base, ...(kind && { kind }) };
  }
  if (!values.version) {
    throw new UsageError('--version is required, e.g. v1.4.2');
  }
  return {
    command: 'release',
    ...base,
    body: {
      version: values.version,
      ...(values.at !== undefined && { at: values.at }),
      ...(values.url !== undefined && { url: values.url }),
      ...(values.description !== undefined && {
        description: values.description,
      }),
      ...(kind && { kind }),
    },
  };
}

/** Where the command writes. */
interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** The backend's error message, or the start of its body. */
function errorText(status: number, body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: string } }).error
      ?.message;
    if (message) return `${status}: ${message}`;
  } catch {
    // not JSON
  }
  return `${status}: ${body.slice(0, 300)}`;
}

/** Says on stderr what the backend answered instead; resolves to the exit code. */
function failure(
  io: Io,
  what: string,
  answer: { status: number; body: string },
  code: number,
): number {
  io.stderr.write(
    `lookout: ${what}: ${errorText(answer.status, answer.body)}\n`,
  );
  return code;
}

async function call(
  io: Io,
  url: string,
  init: { method: string; body?: unknown },
): Promise<{ status: number; body: string } | undefined> {
  const token = io.env.LOOKOUT_TOKEN;
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token && { Authorization: `Bearer ${token}` }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    if (response.status === 401 && !token) {
      io.stderr.write(
        'lookout: the backend wants a token: set LOOKOUT_TOKEN (e.g. a static external-access token of backend.auth.externalAccess)\n',
      );
    }
    return { status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    io.stderr.write(
      `lookout: cannot reach ${url}: ${(error as Error).message}${
        cause ? ` (${cause})` : ''
      }\n`,
    );
    return undefined;
  }
}

/** Runs a parsed backend command; resolves to the exit code. */
export async function runBackendCommand(
  command: ReleaseCommand | GateCommand,
  io: Io,
): Promise<number> {
  const entityUrl = `${command.backend}/api/observability/entities/by-name/${command.entityPath}`;
  if (command.command === 'release') {
    const answer = await call(io, `${entityUrl}/releases`, {
      method: 'POST',
      body: command.body,
    });
    if (!answer) return 2;
    if (answer.status !== 201) {
      return failure(io, 'the backend refused the release', answer, 1);
    }
    const release = JSON.parse(answer.body) as Release;
    io.stdout.write(
      `Recorded release ${release.version} of ${
        release.entityRef
      } at ${new Date(release.at).toISOString()} (id ${release.id}, by ${
        release.createdBy
      })\n`,
    );
    return 0;
  }
  const query = command.kind ? `?kind=${encodeURIComponent(command.kind)}` : '';
  const answer = await call(io, `${entityUrl}/deploy-gate${query}`, {
    method: 'GET',
  });
  if (!answer) return 2;
  let gate: DeployGateResponse | undefined;
  try {
    gate = answer.status === 200 ? JSON.parse(answer.body) : undefined;
  } catch {
    gate = undefined;
  }
  if (!gate || typeof gate.allowed !== 'boolean') {
    return failure(io, 'the backend gave no decision', answer, 2);
  }
  io.stdout.write(
    `Deploys of ${gate.entityRef} are ${
      gate.allowed ? 'allowed' : 'FROZEN'
    }:\n${gate.reasons.map(reason => `  - ${reason}\n`).join('')}`,
  );
  return gate.allowed ? 0 : 1;
}
