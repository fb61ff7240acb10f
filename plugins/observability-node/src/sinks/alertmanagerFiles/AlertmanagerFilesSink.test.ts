import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  alertingOptions,
  operatorRoutingRenders as renders,
} from '../../render/alertmanager/__testUtils__/routingCatalog';
import {
  requireTool,
  runTool,
} from '../../render/rules/__testUtils__/externalTools';
import { upsertOf } from '../__testUtils__/folders';
import { AlertmanagerFilesSink } from './AlertmanagerFilesSink';

describe('AlertmanagerFilesSink', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-am-sink-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sink = () =>
    new AlertmanagerFilesSink({ directory: dir, alerting: alertingOptions });
  const config = () =>
    parse(fs.readFileSync(path.join(dir, 'alertmanager.yaml'), 'utf8'));
  const teams = () =>
    (config().route.routes ?? []).map(
      (r: { matchers: string[] }) => r.matchers[0],
    );

  it('writes the configuration of the teams it is given, and removes a team with its last entity', async () => {
    const result = await sink().apply({
      upserts: renders.map(r => upsertOf(r)),
      removals: [],
    });
    expect(result.outcomes.map(o => o.ok && o.objects)).toEqual(
      renders.map(r => [`owners/${r.slug}.json`]),
    );
    expect(teams()).toEqual([
      'team="team-docs"',
      'team="team-ghost"',
      'team="team-pay"',
      'team="team-shop"',
    ]);

    const shop = renders.find(r => r.slug === 'group-default-team-shop')!;
    await sink().apply({
      upserts: [],
      removals: [
        { entityRef: shop.entityRef, slug: shop.slug, previousObjects: [] },
      ],
    });
    expect(teams()).toEqual([
      'team="team-docs"',
      'team="team-ghost"',
      'team="team-pay"',
    ]);
  });

  it('fails only the team whose file cannot be written, and configures the others', async () => {
    const shop = renders.find(r => r.slug === 'group-default-team-shop')!;
    // A folder where the team's file belongs: writing it fails.
    fs.mkdirSync(path.join(dir, 'owners', `${shop.slug}.json`), {
      recursive: true,
    });

    const result = await sink().apply({
      upserts: renders.map(r => upsertOf(r)),
      removals: [],
    });

    expect(result.outcomes.filter(o => !o.ok).map(o => o.entityRef)).toEqual([
      'group:default/team-shop',
    ]);
    expect(result.outcomes.filter(o => o.ok)).toHaveLength(renders.length - 1);
    expect(teams()).toEqual([
      'team="team-docs"',
      'team="team-ghost"',
      'team="team-pay"',
    ]);
  });

  it('holds nothing for an entity without routing, and prunes teams no entity owns on a full sync', async () => {
    await sink().apply({
      upserts: renders.map(r => upsertOf(r)),
      removals: [],
    });
    const plain = {
      ...renders[0],
      entityRef: 'component:default/x',
      slug: 'component-default-x',
    };
    delete plain.routing;
    const [pay] = renders.filter(r => r.slug === 'group-default-team-pay');
    const result = await sink().apply({
      upserts: [upsertOf(plain)],
      removals: [],
      keep: [{ entityRef: pay.entityRef, slug: pay.slug, objects: [] }],
    });
    expect(result.outcomes).toEqual([
      {
        entityRef: 'component:default/x',
        ok: true,
        objects: [],
        changed: false,
      },
    ]);
    expect(result.pruned?.sort()).toEqual([
      'owners/group-default-team-docs.json',
      'owners/group-default-team-ghost.json',
      'owners/group-default-team-shop.json',
    ]);
    expect(teams()).toEqual(['team="team-pay"']);
  });

  const amtool = requireTool('amtool');
  if (!amtool) {
    it.todo(
      'writes a configuration amtool accepts: SKIPPED, amtool is not installed',
    );
    return;
  }
  it('writes a configuration amtool accepts, with the routes of the rendered plan', async () => {
    await sink().apply({
      upserts: renders.map(r => upsertOf(r)),
      removals: [],
    });
    const file = path.join(dir, 'alertmanager.yaml');
    const check = await runTool(amtool, ['check-config', file]);
    expect(check.stdout).toContain('SUCCESS');
    const route = await runTool(amtool, [
      'config',
      'routes',
      'test',
      `--config.file=${file}`,
      'team=team-shop',
      'severity=page',
    ]);
    expect(route.stdout.trim()).toBe('team-shop-pager');
  });
});
