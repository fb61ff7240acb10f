import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { scrapedService } from './__testUtils__/entities';
import { EntityPipeline } from './EntityPipeline';
import { OpenSloReader } from './OpenSloReader';

function pipeline() {
  return new EntityPipeline(
    readObservabilityConfig(new ConfigReader({})),
    new OpenSloReader(mockServices.urlReader.mock()),
  );
}

describe('EntityPipeline', () => {
  it('reports an entity whose kind cannot be named instead of throwing, and renders the next one', async () => {
    const p = pipeline();
    const bad = { ...scrapedService('checkout'), kind: 'Comp_onent' };
    const prepared = await p.prepare(bad);
    const outcome = p.render(prepared);
    const good = p.render(await p.prepare(scrapedService('cart')));

    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^annotation errors: kind: "comp_onent" is not a valid entity kind/i,
      ),
      transient: false,
    });
    expect(good.ok).toBe(true);
  });

  it('names entities of team-a/checkout and team/a-checkout apart', async () => {
    const p = pipeline();
    const first = await p.prepare(scrapedService('checkout', '99.9', 'team-a'));
    const second = await p.prepare(
      scrapedService('a-checkout', '99.9', 'team'),
    );
    expect(first.slug).toBe('component-team--a-checkout');
    expect(second.slug).toBe('component-team-a-checkout');
  });
});
