/*
 * The hash that shortened names end with: base-36 digits of the SHA-256 of the lowercased entity
 * ref (Backstage compares refs case-insensitively). 16 digits hold 82 bits, far beyond what an
 * entity author could search for a second ref with the same suffix.
 */
import { createHash } from 'node:crypto';

/** Length of {@link refHash}. */
export const REF_HASH_LENGTH = 16;

/** `[0-9a-z]{16}` derived from the lowercased `kind:namespace/name`. */
export function refHash(canonicalRef: string): string {
  const hex = createHash('sha256').update(canonicalRef).digest('hex');
  return BigInt(`0x${hex}`)
    .toString(36)
    .padStart(REF_HASH_LENGTH, '0')
    .slice(0, REF_HASH_LENGTH);
}
