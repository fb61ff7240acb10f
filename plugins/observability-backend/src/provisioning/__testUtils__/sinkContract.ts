/*
 * Test support for the contract tests of the sinks that talk to a server (kubernetes, grafana):
 * the fake server behind msw, the batches the tests hand a sink, the outcomes in short, and the
 * contract tests both sinks must pass.
 */
/* eslint-disable jest/no-export -- a shared contract suite: its helpers and the tests it declares */
import {
  ProvisioningSink,
  SinkApplyResult,
  SinkKeep,
} from '@lookout/plugin-observability-node';
import { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { scrapedService } from './entities';
import { removalOf, renderOf, upsertOf } from './renders';
import { EntityRender } from '@lookout/plugin-observability-node';

/** A fake server: its msw handlers, and a way to forget its state. */
export interface FakeServer {
  handlers(): RequestHandler[];
  reset(): void;
}

/** Serves the fake for the test file; each test starts with it empty and no other handlers. */
function serveFake(fake: FakeServer) {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    server.resetHandlers(...fake.handlers());
    fake.reset();
  });
  return server;
}

/** Hands the sink an upsert of each render. */
export function upsertAll(
  sink: ProvisioningSink,
  ...renders: EntityRender[]
): Promise<SinkApplyResult> {
  return sink.apply({ upserts: renders.map(r => upsertOf(r)), removals: [] });
}

/** Hands the sink the removal of the render's entity. */
export function removeOne(
  sink: ProvisioningSink,
  render: EntityRender,
  previousObjects: string[],
): Promise<SinkApplyResult> {
  return sink.apply({
    upserts: [],
    removals: [removalOf(render, previousObjects)],
  });
}

/** A full sync that keeps `keep` and nothing else. */
export function fullSync(
  sink: ProvisioningSink,
  keep: SinkKeep[],
): Promise<SinkApplyResult> {
  return sink.apply({ upserts: [], removals: [], keep });
}

/** The outcomes in short: entity ref, and `ok` or the error message. */
export function outcomesOf(result: SinkApplyResult): Array<[string, string]> {
  return result.outcomes.map(o => [o.entityRef, o.ok ? 'ok' : o.error.message]);
}

/** checkout and cart, as the default installation renders them. */
export const checkout = renderOf(scrapedService('checkout'));
export const cart = renderOf(scrapedService('cart'));
/** checkout with its objective changed. */
export const changedCheckout = renderOf(scrapedService('checkout', '99.5'));

/** What the shared contract tests need of a sink and its fake server. */
export interface SinkContract {
  /** The fake server the sink talks to; `failures` are answered to the next calls. */
  fake: FakeServer & { failures: number[] };
  /** A sink for the installation (the default one when absent). */
  sink(instanceId?: string): ProvisioningSink;
  /** checkout's error when the server answers its first three calls with 500. */
  serverFailure: string;
  /** What the sink reports for checkout, which a full sync prunes. */
  checkoutObjects: string[];
  /** checkout's error when an installation finds another's object in its place. */
  takeoverRefused: RegExp;
  /** What the target holds, as JSON, to compare. */
  contents(): object;
  /** How many calls so far changed the target (writes and deletes). */
  writes(): number;
}

/**
 * Serves the fake for the test file and adds the contract tests every sink of a remote target
 * passes; returns the msw server.
 */
export function describeSinkContract(name: string, contract: SinkContract) {
  const { fake, sink } = contract;
  const server = serveFake(fake);
  describe(`${name} (contract: every sink)`, () => {
    it('fails only the entity the server keeps failing, after retrying its calls, and provisions the others', async () => {
      fake.failures.push(500, 500, 500);
      const result = await upsertAll(sink(), checkout, cart);
      expect(outcomesOf(result)).toEqual([
        [checkout.entityRef, contract.serverFailure],
        [cart.entityRef, 'ok'],
      ]);
    });

    it("never prunes, removes or overwrites another installation's objects", async () => {
      const production = sink('production');
      await upsertAll(
        production,
        renderOf(scrapedService('checkout'), { instanceId: 'production' }),
      );
      const before = JSON.parse(JSON.stringify(contract.contents()));
      const writes = contract.writes();

      const staging = sink('staging');
      const stagingCheckout = renderOf(scrapedService('checkout'), {
        instanceId: 'staging',
      });
      const sync = await fullSync(staging, []);
      const removal = await removeOne(
        staging,
        stagingCheckout,
        contract.checkoutObjects,
      );
      const takeover = await upsertAll(staging, stagingCheckout);

      expect(sync.pruned).toEqual([]);
      expect(outcomesOf(removal)).toEqual([[checkout.entityRef, 'ok']]);
      expect(outcomesOf(takeover)[0][1]).toMatch(contract.takeoverRefused);
      expect(contract.contents()).toEqual(before);
      expect(contract.writes()).toBe(writes);

      const own = await fullSync(production, []);
      expect([...(own.pruned ?? [])].sort()).toEqual(
        [...contract.checkoutObjects].sort(),
      );
    });
  });
  return server;
}
