/*
 * Who an upstream request is made for, so the concurrency limits can be fair between callers
 * (see Semaphore). The router runs each signal call inside `runAsCaller`; the upstream layer reads
 * the key with `currentCaller` without every service and client passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BackstageCredentials } from '@backstage/backend-plugin-api';

const storage = new AsyncLocalStorage<string>();

/** A stable key of the principal behind `credentials`: the user's entity ref, or the service's subject. */
export function callerKeyOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return 'anonymous';
}

/** Runs `fn` with every upstream request it makes counted against the caller of `credentials`. */
export function runAsCaller<T>(
  credentials: BackstageCredentials,
  fn: () => Promise<T>,
): Promise<T> {
  return storage.run(callerKeyOf(credentials), fn);
}

/** The key of the caller the current upstream request is made for; `''` outside `runAsCaller`. */
export function currentCaller(): string {
  return storage.getStore() ?? '';
}
