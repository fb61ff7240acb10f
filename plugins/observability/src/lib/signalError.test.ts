import { ResponseError } from '@backstage/errors';
import { describeSignalError, signalErrorSummary } from './signalError';

async function responseError(
  body: unknown,
  status: number,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'application/json' },
    }),
  );
}

describe('describeSignalError', () => {
  it('names the upstream of a typed backend error', async () => {
    const error = await responseError(
      {
        error: {
          name: 'UpstreamUnavailableError',
          message: 'connection refused',
          upstream: 'tempo',
        },
        response: { statusCode: 502 },
      },
      502,
    );

    expect(describeSignalError(error)).toEqual({
      upstream: 'tempo',
      name: 'UpstreamUnavailableError',
      message: 'connection refused',
      statusCode: 502,
    });
    expect(signalErrorSummary(error)).toBe('Tempo: connection refused (502)');
  });

  it('describes a plain 404 without an upstream', async () => {
    const error = await ResponseError.fromResponse(
      new Response('Not Found', { status: 404, statusText: 'Not Found' }),
    );

    const info = describeSignalError(error);
    expect(info.upstream).toBeUndefined();
    expect(info.statusCode).toBe(404);
    expect(signalErrorSummary(error)).toContain('404');
  });

  it('describes errors that are not response errors', () => {
    expect(signalErrorSummary(new TypeError('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
