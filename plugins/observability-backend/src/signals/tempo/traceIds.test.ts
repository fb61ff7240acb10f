import { isTraceIdParam, otlpIdToHex, padTraceId } from './traceIds';

describe('trace ids', () => {
  it('decodes base64 OTLP ids to lowercase hex', () => {
    expect(otlpIdToHex('W47/95gDgQPSabYzgT/HAA==', 16)).toBe(
      '5b8efff798038103d269b633813fc700',
    );
    expect(otlpIdToHex('7uGbfsPBsQA=', 8)).toBe('eee19b7ec3c1b100');
  });

  it('keeps hex OTLP ids (OTLP/HTTP JSON) and lowercases them', () => {
    expect(otlpIdToHex('5B8EFFF798038103D269B633813FC700', 16)).toBe(
      '5b8efff798038103d269b633813fc700',
    );
    expect(otlpIdToHex('EEE19B7EC3C1B100', 8)).toBe('eee19b7ec3c1b100');
  });

  it('answers undefined for an empty parent id and throws on a wrong length', () => {
    expect(otlpIdToHex('', 8)).toBeUndefined();
    expect(() => otlpIdToHex('7uGbfsPBsQA=', 16)).toThrow(
      /8 bytes, expected 16/,
    );
    expect(() => otlpIdToHex('not base64!', 8)).toThrow(
      /not a hex or base64 id/,
    );
  });

  it('pads search ids whose leading zeros Tempo stripped', () => {
    expect(padTraceId('d6e9329d67b6146a')).toBe(
      '0000000000000000d6e9329d67b6146a',
    );
    expect(padTraceId('ABC')).toBe('00000000000000000000000000000abc');
  });

  it('accepts 1 to 32 hex characters as a trace id parameter', () => {
    expect(isTraceIdParam('a')).toBe(true);
    expect(isTraceIdParam('5b8efff798038103d269b633813fc700')).toBe(true);
    expect(isTraceIdParam('')).toBe(false);
    expect(isTraceIdParam('5b8efff798038103d269b633813fc7000')).toBe(false);
    expect(isTraceIdParam('xyz')).toBe(false);
    expect(isTraceIdParam('../../api')).toBe(false);
  });
});
