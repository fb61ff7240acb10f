import { entity, renderInput } from '../../__fixtures__/renderInputs';
import { ratioSlo } from '../rules/__testUtils__/sloFixtures';
import { renderAlertmanagerConfig } from './renderAlertmanagerConfig';

const inputs = [
  renderInput({ slos: [ratioSlo()] }, entity('checkout', { owner: 'group:default/team-shop' })),
  renderInput({ slos: [ratioSlo(), ratioSlo({ name: 'sre-owned', labels: { team: 'sre' } })] }, entity('cart', { owner: 'team-shop' })),
  renderInput({ slos: [ratioSlo()] }, entity('billing', { owner: 'user:default/ada' })),
  renderInput({ slos: [] }, entity('docs', { owner: 'team-docs' })),
];

describe('renderAlertmanagerConfig', () => {
  const config = renderAlertmanagerConfig(inputs);

  it('routes each team, sorted, with its pages to the team pager', () => {
    expect(config.route.routes).toEqual(
      ['ada', 'sre', 'team-shop'].map(team => ({
        receiver: `${team}-tickets`,
        matchers: [`team="${team}"`],
        group_by: ['alertname', 'backstage_entity', 'slo'],
        routes: [{ receiver: `${team}-pager`, matchers: ['severity="page"'] }],
      })),
    );
  });

  it('lets a page of an SLO inhibit the ticket of the same SLO and entity', () => {
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['alertname="ErrorBudgetBurn"', 'severity="page"'],
        target_matchers: ['alertname="ErrorBudgetBurn"', 'severity="ticket"'],
        equal: ['slo', 'backstage_entity'],
      },
    ]);
  });

  it('declares a receiver skeleton per route, and none for teams without SLOs', () => {
    expect(config.receivers).toEqual([
      { name: 'ada-pager' },
      { name: 'ada-tickets' },
      { name: 'sre-pager' },
      { name: 'sre-tickets' },
      { name: 'team-shop-pager' },
      { name: 'team-shop-tickets' },
    ]);
  });

  it('does not depend on the order of the entities', () => {
    expect(renderAlertmanagerConfig([...inputs].reverse())).toEqual(config);
    expect(renderAlertmanagerConfig([])).toEqual({
      route: { routes: [] },
      inhibit_rules: config.inhibit_rules,
      receivers: [],
    });
  });
});
