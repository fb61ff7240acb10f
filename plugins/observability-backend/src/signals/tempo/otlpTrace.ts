/*
 * OTLP JSON traces (Tempo's trace-by-id answers) to the API's flat span list. Tempo writes
 * protobuf JSON: base64 ids, 64-bit integers as strings, enums as names; OTLP/HTTP producers
 * write hex ids and enum numbers. Both are read.
 */
import { TraceSpan } from '@lookout/plugin-observability-common';
import { z } from 'zod';
import { otlpIdToHex } from './traceIds';

const int64 = z.union([z.string().regex(/^-?\d+$/), z.number()]);

/** OTLP AnyValue. */
export type OtlpAnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
};
/** OTLP KeyValue. */
export type OtlpKeyValue = { key: string; value?: OtlpAnyValue };

const anyValue: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: int64.optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
    bytesValue: z.string().optional(),
    arrayValue: z.object({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z
      .object({
        values: z
          .array(z.object({ key: z.string(), value: anyValue.optional() }))
          .optional(),
      })
      .optional(),
  }),
);
const keyValue: z.ZodType<OtlpKeyValue> = z.object({
  key: z.string(),
  value: anyValue.optional(),
});

const span = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().default(''),
  kind: z.union([z.string(), z.number()]).optional(),
  startTimeUnixNano: int64,
  endTimeUnixNano: int64,
  attributes: z.array(keyValue).optional(),
  events: z
    .array(
      z.object({
        timeUnixNano: int64,
        name: z.string().default(''),
        attributes: z.array(keyValue).optional(),
      }),
    )
    .optional(),
  status: z
    .object({
      code: z.union([z.string(), z.number()]).optional(),
      message: z.string().optional(),
    })
    .optional(),
});

const scopeSpans = z.object({ spans: z.array(span).optional() });

/** OTLP ResourceSpans (scopeSpans, or instrumentationLibrarySpans of old Tempo versions). */
export const otlpResourceSpans = z.object({
  resource: z.object({ attributes: z.array(keyValue).optional() }).optional(),
  scopeSpans: z.array(scopeSpans).optional(),
  instrumentationLibrarySpans: z.array(scopeSpans).optional(),
});

/** @public */
export type OtlpResourceSpans = z.output<typeof otlpResourceSpans>;

type AttributeValue = string | number | boolean;

function plainValue(value: OtlpAnyValue | undefined): unknown {
  if (!value) {
    return null;
  }
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : String(value.intValue);
  }
  if (value.doubleValue !== undefined) {
    const n = Number(value.doubleValue);
    return Number.isFinite(n) ? n : String(value.doubleValue);
  }
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plainValue);
  if (value.kvlistValue) {
    return Object.fromEntries(
      (value.kvlistValue.values ?? []).map(kv => [
        kv.key,
        plainValue(kv.value),
      ]),
    );
  }
  return null;
}

/** Attributes as a flat record; arrays and maps become JSON text. */
export function flattenAttributes(
  attributes: readonly OtlpKeyValue[] | undefined,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const { key, value } of attributes ?? []) {
    const plain = plainValue(value);
    out[key] =
      typeof plain === 'string' ||
      typeof plain === 'number' ||
      typeof plain === 'boolean'
        ? plain
        : JSON.stringify(plain);
  }
  return out;
}

const KINDS = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

function spanKind(kind: string | number | undefined): string {
  if (typeof kind === 'number') {
    return KINDS[kind] ?? 'unspecified';
  }
  return kind ? kind.replace(/^SPAN_KIND_/, '').toLowerCase() : 'unspecified';
}

function spanStatus(code: string | number | undefined): TraceSpan['status'] {
  if (code === 2 || code === 'STATUS_CODE_ERROR') return 'error';
  if (code === 1 || code === 'STATUS_CODE_OK') return 'ok';
  return 'unset';
}

function nanos(value: string | number): bigint {
  return typeof value === 'number' ? BigInt(Math.round(value)) : BigInt(value);
}

function compareBigInt(a: bigint, b: bigint): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Epoch ms with microsecond precision (a float64 cannot hold epoch ns exactly). */
function nanosToMs(ns: bigint): number {
  return Number(ns / 1000n) / 1000;
}

/** The `service.name` resource attribute of a batch, or `''`. */
export function serviceNameOf(batch: OtlpResourceSpans): string {
  const value = flattenAttributes(batch.resource?.attributes)['service.name'];
  return value === undefined ? '' : String(value);
}

/** The `service.namespace` of a batch's resource; undefined when it has none. */
export function serviceNamespaceOf(
  batch: OtlpResourceSpans,
): string | undefined {
  const value = flattenAttributes(batch.resource?.attributes)[
    'service.namespace'
  ];
  return value === undefined ? undefined : String(value);
}

/** Every span of the batches, with its service, ordered by start time. Throws on malformed ids. */
export function spansOfTrace(
  batches: readonly OtlpResourceSpans[],
): TraceSpan[] {
  const spans: Array<{ startNs: bigint; span: TraceSpan }> = [];
  for (const batch of batches) {
    const service = serviceNameOf(batch);
    const scopes = [
      ...(batch.scopeSpans ?? []),
      ...(batch.instrumentationLibrarySpans ?? []),
    ];
    for (const scope of scopes) {
      for (const s of scope.spans ?? []) {
        const startNs = nanos(s.startTimeUnixNano);
        const endNs = nanos(s.endTimeUnixNano);
        const parentSpanId = otlpIdToHex(s.parentSpanId ?? '', 8);
        spans.push({
          startNs,
          span: {
            spanId: otlpIdToHex(s.spanId, 8) ?? '',
            ...(parentSpanId && { parentSpanId }),
            service,
            name: s.name,
            kind: spanKind(s.kind),
            start: nanosToMs(startNs),
            durationNs: endNs > startNs ? Number(endNs - startNs) : 0,
            status: spanStatus(s.status?.code),
            ...(s.status?.message && { statusMessage: s.status.message }),
            attributes: flattenAttributes(s.attributes),
            ...(s.events?.length && {
              events: s.events.map(event => ({
                time: nanosToMs(nanos(event.timeUnixNano)),
                name: event.name,
                attributes: flattenAttributes(event.attributes),
              })),
            }),
          },
        });
      }
    }
  }
  spans.sort((a, b) => compareBigInt(a.startNs, b.startNs));
  return spans.map(entry => entry.span);
}
