/*
 * Trace and span ids between Tempo's encodings and the API's: search answers hex trace ids with
 * leading zeros stripped, trace-by-id answers OTLP JSON with base64 ids (Tempo's protobuf JSON),
 * OTLP/HTTP JSON pushes carry hex. The API always answers lowercase hex, 32 characters for trace
 * ids and 16 for span ids.
 */

const HEX = /^[0-9a-f]+$/i;

/** Whether `id` is a trace id the API accepts: 1 to 32 hex characters. */
export function isTraceIdParam(id: string): boolean {
  return id.length >= 1 && id.length <= 32 && HEX.test(id);
}

/** A hex trace id as the API writes it: lowercase, left-padded with zeros to 32 characters. */
export function padTraceId(hex: string): string {
  if (!HEX.test(hex) || hex.length > 32) {
    throw new TypeError(`not a hex trace id: ${JSON.stringify(hex)}`);
  }
  return hex.toLowerCase().padStart(32, '0');
}

/**
 * An OTLP id (trace id: 16 bytes, span id: 8 bytes) as lowercase hex, whether it was written
 * as hex (`2 × bytes` characters) or base64. Undefined for an empty id (a root span's parent).
 */
export function otlpIdToHex(id: string, bytes: 8 | 16): string | undefined {
  if (id === '') {
    return undefined;
  }
  if (id.length === bytes * 2 && HEX.test(id)) {
    return id.toLowerCase();
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(id)) {
    throw new TypeError(`not a hex or base64 id: ${JSON.stringify(id)}`);
  }
  const decoded = Buffer.from(id, 'base64');
  if (decoded.length !== bytes) {
    throw new TypeError(
      `id ${JSON.stringify(id)} decodes to ${
        decoded.length
      } bytes, expected ${bytes}`,
    );
  }
  return decoded.toString('hex');
}
