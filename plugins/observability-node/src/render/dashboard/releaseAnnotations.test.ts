import { renderInput, renderOptions } from '../../__fixtures__/renderInputs';
import { renderDashboard } from './renderDashboard';

describe('releases on the generated dashboard', () => {
  it('marks the entity’s releases from the release-info series, at the release time', () => {
    const result = renderDashboard(
      renderInput({
        metrics: {
          port: 'http',
          path: '/metrics',
          interval: '30s',
          targets: [],
        },
        slos: [],
      }),
      renderOptions,
    );
    const model = result!.model as {
      annotations: { list: Array<Record<string, unknown>> };
    };
    expect(model.annotations.list).toEqual([
      {
        name: 'Releases',
        datasource: { type: 'prometheus', uid: '${datasource}' },
        enable: true,
        iconColor: 'purple',
        expr: 'lookout_release_info{backstage_entity="component:default/checkout"}',
        step: '5m',
        titleFormat: 'Release {{version}}',
        textFormat: '{{url}}',
        tagKeys: 'kind',
        useValueForTime: true,
        // defaults of the SDK's builder
        builtIn: 0,
        hide: false,
        placement: 'inControlsMenu',
      },
    ]);
  });
});
