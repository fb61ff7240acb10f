import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { annotatedEntity, plainEntity } from '../../__testUtils__/fixtures';
import { defaultHandlers } from '../../__testUtils__/handlers';
import { testClient } from '../../__testUtils__/renderWithEntity';
import { scaffolderTemplateRouteRef } from '../../routes';
import { EntityObservabilityCard } from '../card/EntityObservabilityCard';

/** The card on an entity page of an app whose scaffolder serves `/create`, or that has none. */
async function renderCard(entity: typeof plainEntity, withScaffolder = true) {
  await renderInTestApp(
    <TestApiProvider apis={[[observabilityApiRef, testClient()]]}>
      <EntityProvider entity={entity}>
        <EntityObservabilityCard />
      </EntityProvider>
    </TestApiProvider>,
    withScaffolder
      ? {
          mountedRoutes: {
            '/create/templates/:namespace/:templateName':
              scaffolderTemplateRouteRef,
          },
        }
      : undefined,
  );
}

describe('onboarding buttons of the overview card', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('offers "Add observability" on an entity without annotations, opening the template with the entity filled in', async () => {
    await renderCard(plainEntity);
    const link = await screen.findByRole('button', {
      name: 'Add observability',
    });
    const entityRef = `component:${
      plainEntity.metadata.namespace ?? 'default'
    }/${plainEntity.metadata.name}`;
    expect(link).toHaveAttribute(
      'href',
      `/create/templates/default/add-observability?formData=${encodeURIComponent(
        JSON.stringify({ entityRef }),
      )}`,
    );
  });

  it('offers "Fix with the template" on an entity whose annotations have problems', async () => {
    await renderCard(annotatedEntity);
    const link = await screen.findByRole('button', {
      name: 'Fix with the template',
    });
    expect(link.getAttribute('href')).toMatch(
      /^\/create\/templates\/default\/add-observability\?formData=/,
    );
  });

  it('shows no button in an app without a scaffolder', async () => {
    await renderCard(plainEntity, false);
    expect(
      await screen.findByText('No Lookout annotations'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add observability' }),
    ).toBeNull();
  });
});
