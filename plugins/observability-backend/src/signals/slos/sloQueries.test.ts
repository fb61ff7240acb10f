import {
  entityFiguresQuery,
  entitySeriesQuery,
  regexAlternation,
  summaryQuery,
} from './sloQueries';

describe('SLO queries', () => {
  it('selects every SLO of an entity by its label, in one selector', () => {
    expect(entityFiguresQuery('component:default/checkout')).toBe(
      '{__name__=~"slo:sli_error:ratio|slo:error_budget_remaining:ratio", backstage_entity="component:default/checkout"}',
    );
    expect(
      entityFiguresQuery('component:default/checkout', { withAlerts: true }),
    ).toContain('|ALERTS|ALERTS_FOR_STATE"');
    expect(entitySeriesQuery('component:default/checkout', '1h')).toBe(
      'slo:error_budget_remaining:ratio{backstage_entity="component:default/checkout"}' +
        ' or slo:sli_error:ratio{backstage_entity="component:default/checkout", window="1h"}',
    );
  });

  it('escapes regex metacharacters of entity refs, then quotes them as PromQL strings', () => {
    expect(regexAlternation(['component:default/a.b', 'x+y'])).toBe(
      'component:default/a\\.b|x\\+y',
    );
    expect(summaryQuery(['component:default/a.b'], ['30d'])).toContain(
      'backstage_entity=~"component:default/a\\\\.b"',
    );
  });

  it('batches the figures of a page of entities into one query', () => {
    expect(
      summaryQuery(
        ['component:default/a', 'component:default/b'],
        ['28d', '30d'],
      ),
    ).toBe(
      'slo:sli_error:ratio{backstage_entity=~"component:default/a|component:default/b", window=~"28d|30d"}' +
        ' or slo:error_budget_remaining:ratio{backstage_entity=~"component:default/a|component:default/b"}' +
        ' or ALERTS{backstage_entity=~"component:default/a|component:default/b", alertname="ErrorBudgetBurn", alertstate="firing"}',
    );
  });
});
