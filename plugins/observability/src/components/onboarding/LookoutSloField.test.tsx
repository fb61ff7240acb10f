import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { parseObservabilitySpec } from '@lookout/plugin-observability-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import { observabilityApiRef } from '../../api/ObservabilityApi';
import { API } from '../../__testUtils__/fixtures';
import { testClient } from '../../__testUtils__/renderWithEntity';
import { LookoutSloField } from './LookoutSloField';
import { SloFieldValue } from './sloFieldProblems';

/**
 * `POST /validate` as the backend answers it for the picked entity (which has an owner): the
 * common parser on the entity holding the annotations (the route itself is tested in the backend
 * package).
 */
const requests: Array<Record<string, unknown>> = [];
const server = setupServer(
  http.post(`${API}/validate`, async ({ request }) => {
    const body = (await request.json()) as {
      annotations: Record<string, string>;
      entityRef?: string;
    };
    requests.push(body);
    const { problems } = parseObservabilitySpec({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout', annotations: body.annotations },
      spec: { owner: 'group:default/team-shop' },
    });
    return HttpResponse.json({ problems });
  }),
);

/** The field inside a form that keeps its value, as the scaffolder's form does. */
function Harness(props: { initial?: SloFieldValue }) {
  const [value, setValue] = useState<SloFieldValue>(props.initial ?? {});
  const fieldProps = {
    formData: value,
    onChange: setValue,
    schema: { title: 'Service level objectives' },
    uiSchema: {},
    formContext: { formData: { entityRef: 'component:default/checkout' } },
    rawErrors: [],
  } as unknown as FieldExtensionComponentProps<SloFieldValue>;
  return <LookoutSloField {...fieldProps} />;
}

async function renderField(initial?: SloFieldValue) {
  await renderInTestApp(
    <TestApiProvider apis={[[observabilityApiRef, testClient()]]}>
      <Harness initial={initial} />
    </TestApiProvider>,
  );
}

const input = (label: string) =>
  screen.getByLabelText(label) as HTMLInputElement;

describe('LookoutSloField', () => {
  registerMswTestHooks(server);
  beforeEach(() => {
    requests.length = 0;
  });

  it('underlines an objective of 100 with the parser’s message as it is typed, and clears it once fixed', async () => {
    await renderField();
    const availability = input('Availability objective (%)');
    await userEvent.type(availability, '100');

    await waitFor(() =>
      expect(availability).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByText(/100% leaves no error budget/)).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({
      annotations: { 'lookout.dev/slo-availability': '100' },
      entityRef: 'component:default/checkout',
    });

    await userEvent.clear(availability);
    await userEvent.type(availability, '99.9');
    await waitFor(() =>
      expect(availability).toHaveAttribute('aria-invalid', 'false'),
    );
    expect(
      screen.getByText(
        'Share of requests that succeed, above 0 and below 100.',
      ),
    ).toBeInTheDocument();
  });

  it('puts a bad latency threshold under the threshold input, not the objective', async () => {
    await renderField({ latencyObjective: '99' });
    const threshold = input('Latency threshold');
    await userEvent.type(threshold, 'fast');

    expect(await screen.findByText(/^threshold: /)).toBeInTheDocument();
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(input('Latency objective (%)')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(requests.at(-1)?.annotations).toEqual({
      'lookout.dev/slo-latency': '99% < fast',
    });
  });

  it('asks for the threshold of a latency objective without calling the backend', async () => {
    await renderField();
    await userEvent.type(input('Latency objective (%)'), '99');

    await waitFor(() =>
      expect(input('Latency threshold')).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
    expect(
      screen.getByText(/^is missing; a latency SLO needs both/),
    ).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('refuses a window outside 7d..90d under the window input', async () => {
    await renderField({ availabilityObjective: '99.9' });
    await userEvent.type(input('SLO window'), '2d');

    await waitFor(() =>
      expect(input('SLO window')).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(input('Availability objective (%)')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('drops the problems of an earlier value when the check of the current one fails', async () => {
    await renderField();
    const availability = input('Availability objective (%)');
    await userEvent.type(availability, '100');
    await waitFor(() =>
      expect(availability).toHaveAttribute('aria-invalid', 'true'),
    );

    server.use(
      http.post(`${API}/validate`, () =>
        HttpResponse.json(
          { error: { name: 'ServiceUnavailableError', message: 'busy' } },
          { status: 503 },
        ),
      ),
    );
    await userEvent.clear(availability);
    await userEvent.type(availability, '99.9');

    expect(
      await screen.findByText(/Could not check the objectives/),
    ).toBeInTheDocument();
    // 100's message was about 100, not about what the field holds now.
    expect(screen.queryByText(/100% leaves no error budget/)).toBeNull();
    expect(availability).toHaveAttribute('aria-invalid', 'false');
  });
});
